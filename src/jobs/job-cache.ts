import type { QueryClient } from '@tanstack/react-query';
import { isFinished } from '../api/job-status.ts';
import type { Job, JobStatus, JobsPage } from '../api/types.ts';
import { jobQueries } from './job-queries.ts';
import { isNewer } from './job-state.ts';

function statusOf(job: Job): JobStatus {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { inputData, outputData, errorMessage, errorCode, ...status } = job;
  return status;
}

/**
 * The one way a fresher copy of a job enters the cache (a stream result, a refreshed list row):
 * detail, status and every cached list page holding it, never replacing newer data with older.
 */
export function writeJob(queryClient: QueryClient, job: Job): void {
  const { queryKey } = jobQueries.detail(job.id);
  if (isNewer(queryClient.getQueryData(queryKey), job)) {
    // A fetch already in flight started before the job finished: its answer must not land on top.
    if (isFinished(job)) cancelInFlight(queryClient, job.id);
    queryClient.setQueryData(queryKey, job);
  }
  writeJobStatus(queryClient, statusOf(job), job);
}

function cancelInFlight(queryClient: QueryClient, jobId: string): void {
  for (const { queryKey } of [jobQueries.detail(jobId), jobQueries.status(jobId)]) {
    if (queryClient.isFetching({ queryKey, exact: true })) {
      void queryClient.cancelQueries({ queryKey, exact: true });
    }
  }
}

/**
 * A status-only update (from /status): merged into list rows and the detail copy, whose data fields it
 * lacks. When `full` is given the list rows get the whole job.
 */
export function writeJobStatus(queryClient: QueryClient, status: JobStatus, full?: Job): void {
  const statusKey = jobQueries.status(status.id).queryKey;
  if (isNewer(queryClient.getQueryData(statusKey), status)) {
    queryClient.setQueryData(statusKey, status);
  }
  if (!full) {
    const detailKey = jobQueries.detail(status.id).queryKey;
    const detail = queryClient.getQueryData(detailKey);
    const changed =
      detail && (detail.status !== status.status || (isFinished(status) && !isFinished(detail)));
    if (detail && isNewer(detail, status) && changed) {
      // A status change or a completion means the data fields changed too: refetch them, don't guess.
      void queryClient.invalidateQueries({ queryKey: detailKey });
    }
  }
  queryClient.setQueriesData<JobsPage>({ queryKey: jobQueries.lists() }, (page) => {
    if (!page) return undefined;
    const index = page.items.findIndex((item) => item.id === status.id);
    const row = page.items[index];
    if (!row || !isNewer(row, status)) return undefined;
    const items = page.items.slice();
    items[index] = full ?? { ...row, ...status };
    return { ...page, items };
  });
}

/** The newest copy of a job among the cached list pages (they hold whole jobs), and when it came. */
export function jobFromLists(
  queryClient: QueryClient,
  jobId: string,
): { job: Job; at: number } | undefined {
  let found: { job: Job; at: number } | undefined;
  const pages = queryClient.getQueriesData<JobsPage>({ queryKey: jobQueries.lists() });
  for (const [key, page] of pages) {
    const job = page?.items.find((item) => item.id === jobId);
    if (job && (!found || isNewer(found.job, job))) {
      found = { job, at: queryClient.getQueryState(key)?.dataUpdatedAt ?? 0 };
    }
  }
  return found;
}
