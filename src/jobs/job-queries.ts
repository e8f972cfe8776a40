import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { isFinished } from '../api/job-status.ts';
import { fetchJob, fetchJobStatus, fetchJobsPage, type ListParams } from './jobs-api.ts';

// Keys go from generic to specific so ['jobs'] invalidates everything and ['jobs', 'list'] every page.
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (params: ListParams) => [...jobKeys.lists(), params] as const,
  detail: (jobId: string) => [...jobKeys.all, 'detail', jobId] as const,
  status: (jobId: string) => [...jobKeys.all, 'status', jobId] as const,
};

export const jobQueries = {
  list: (params: ListParams) =>
    queryOptions({
      queryKey: jobKeys.list(params),
      queryFn: ({ signal }) => fetchJobsPage(params, signal),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
    }),
  detail: (jobId: string) =>
    queryOptions({
      queryKey: jobKeys.detail(jobId),
      queryFn: ({ signal }) => fetchJob(jobId, signal),
      staleTime: 10_000,
      // Back online, an unfinished job is refetched once (its result may have come meanwhile); a
      // finished one cannot change, and can be megabytes.
      refetchOnReconnect: (query) =>
        query.state.data && isFinished(query.state.data) ? false : 'always',
    }),
  status: (jobId: string) =>
    queryOptions({
      queryKey: jobKeys.status(jobId),
      queryFn: ({ signal }) => fetchJobStatus(jobId, signal),
    }),
};
