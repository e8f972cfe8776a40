import type { QueryClient } from '@tanstack/react-query';
import { isFinished } from '../api/job-status.ts';
import type { Job, JobStatus, StreamError } from '../api/types.ts';
import type { JobDetail } from './job-detail.ts';
import { jobQueries } from './job-queries.ts';
import { sameJobId } from './job-id.ts';
import { isNewer } from './job-state.ts';
import { errorPreview, toListJob, type ListJob, type ListPage } from './list/list-job.ts';

function statusOf(job: JobDetail): JobStatus {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { inputData, outputData, errorMessage, errorCode, ...status } = job;
  return status;
}

/**
 * The one way a fresher copy of a job enters the cache (a stream result, a refreshed list row):
 * detail, status and every cached list page holding it, never replacing newer data with older.
 */
export function writeJob(queryClient: QueryClient, job: JobDetail): void {
  const { queryKey } = jobQueries.detail(job.id);
  if (isNewer(queryClient.getQueryData(queryKey), job)) {
    // A fetch already in flight started before the job finished: its answer must not land on top.
    if (isFinished(job)) cancelInFlight(queryClient, job.id);
    queryClient.setQueryData(queryKey, job);
  }
  // A copy without payloads (a service without the detail endpoint) moves list rows by its status only.
  writeJobStatus(
    queryClient,
    statusOf(job),
    job.inputData === undefined ? undefined : { ...job, inputData: job.inputData },
  );
}

/**
 * A failed job's stream result that is not a job (`{code, message}`, the service of 2026): the page's
 * copy takes it as the job's failure and counts as failed until /status says more.
 */
export function writeJobFailure(
  queryClient: QueryClient,
  jobId: string,
  failure: StreamError,
): void {
  const { queryKey } = jobQueries.detail(jobId);
  const detail = queryClient.getQueryData(queryKey);
  const status = queryClient.getQueryData(jobQueries.status(jobId).queryKey);
  // The page's copy, with the status fields of /status where those are newer (the list's live rows
  // write /status first, while a copy from when the job ran may still be cached).
  const current =
    detail && status && isNewer(detail, status) ? { ...detail, ...status } : (detail ?? status);
  if (!current) return;
  cancelInFlight(queryClient, jobId);
  const failed: JobDetail = {
    ...current,
    status: isFinished(current) ? current.status : 'failed',
    errorCode: failure.code,
  };
  if (failure.message !== undefined) failed.errorMessage = failure.message;
  else delete failed.errorMessage; // an older message is not this failure's
  queryClient.setQueryData(queryKey, failed);
  // Its rows too: a failure sent instead of the job means there is no output to wait for.
  updateListRows(queryClient, jobId, (row) => {
    if (isNewer(failed, row)) return undefined; // the row knows of a later update
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { errorMessage, outputNotReceived, ...kept } = row;
    const failedRow: ListJob = { ...kept, ...statusOf(failed), errorCode: failure.code };
    if (failure.message !== undefined) failedRow.errorMessage = errorPreview(failure.message);
    return failedRow;
  });
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
 * lacks. When `full` is given the list rows are made from it (their error and payload sizes too).
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
  updateListRows(queryClient, status.id, (row) => {
    // The finish the row already shows, now with its data (a stream result after /status): it takes it.
    const fillsOutput = full !== undefined && row.outputNotReceived && !isOlder(status, row);
    if (!isNewer(row, status) && !fillsOutput) return undefined;
    // A row keeps what a list row keeps, also of a full job (never its payloads).
    const merged: ListJob = full ? toListJob(full) : { ...row, ...status };
    if (!full && isFinished(status) && !isFinished(row)) merged.outputNotReceived = true;
    return merged;
  });
}

/** Whether `copy` is an earlier update than `than`. */
const isOlder = (copy: JobStatus, than: JobStatus) => isNewer(copy, than);

/** Replaces the job's row in every cached list page holding it; `update` returns undefined to keep it. */
function updateListRows(
  queryClient: QueryClient,
  jobId: string,
  update: (row: ListJob) => ListJob | undefined,
): void {
  queryClient.setQueriesData<ListPage>({ queryKey: jobQueries.lists() }, (page) => {
    if (!page) return undefined;
    const index = page.items.findIndex((item) => sameJobId(item.id, jobId));
    const row = page.items[index];
    const updated = row && update(row);
    if (!updated) return undefined;
    const items = page.items.slice();
    items[index] = updated;
    return { ...page, items };
  });
}
