import { queryOptions } from '@tanstack/react-query';
import { isFinished } from '../api/job-status.ts';
import type { ListParams } from '../api/types.ts';
import { canonicalJobId } from './job-id.ts';
import { fetchJobStatus, fetchJobsPage } from './jobs-api.ts';

// The one way to name a query: each entry is a `queryOptions` object whose key carries its data type,
// so `getQueryData(jobQueries.detail(id).queryKey)` is a Job without a type written at the call.
// Keys go from generic to specific: ['jobs'] covers everything, ['jobs', 'list'] every list page.
export const jobQueries = {
  all: () => ['jobs'] as const,
  lists: () => [...jobQueries.all(), 'list'] as const,
  list: (params: ListParams) =>
    queryOptions({
      queryKey: [...jobQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchJobsPage(params, signal),
      staleTime: 10_000,
    }),
  // Keyed and asked by the job's one spelling (job-id.ts), whatever case the caller has.
  detail: (jobId: string) =>
    queryOptions({
      queryKey: [...jobQueries.all(), 'detail', canonicalJobId(jobId)] as const,
      // With the fallback for a service without the detail endpoint: job-page code, not first-load code.
      queryFn: async ({ client, signal }) =>
        (await import('./job-detail.ts')).fetchJobDetail(client, canonicalJobId(jobId), signal),
      staleTime: 10_000,
      // Back online, an unfinished job is refetched once (its result may have come meanwhile); a
      // finished one cannot change, and can be megabytes.
      refetchOnReconnect: (query) =>
        query.state.data && isFinished(query.state.data) ? false : 'always',
    }),
  /** The cheap /status read: the stream's checks and its polling go through it. */
  status: (jobId: string) =>
    queryOptions({
      queryKey: [...jobQueries.all(), 'status', canonicalJobId(jobId)] as const,
      queryFn: ({ signal }) => fetchJobStatus(canonicalJobId(jobId), signal),
    }),
};
