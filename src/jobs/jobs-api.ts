import { getJson, getResource, jobPath, jobsListPath, MAX_RESULT_BYTES } from '../api/http.ts';
import type { Job, JobStatus, ListParams } from '../api/types.ts';
import { parseItems, parseJob, parseJobStatus } from '../api/validate.ts';
import { currentCredentials } from '../auth/token-store.ts';
import type { ListPage } from './list/list-job.ts';
import { takeEarlyListRequest } from './list/early-list-request.ts';
import { parseRows, rowsWorker } from './list/parse-rows.ts';
import { dropArrivingRows, EARLY_DRAW_DELAY_MS, setArrivingRows } from './list/arriving-rows.ts';

/**
 * A list page as rows: its bytes go to the worker, which keeps only what rows show, and the rows read
 * so far are shown while the rest arrives (arriving-rows.ts). On a first visit the request main.ts sent
 * before the app loaded is read instead of sending another.
 */
export function fetchJobsPage(params: ListParams, signal?: AbortSignal): Promise<ListPage> {
  rowsWorker(); // its script loads while the request is on its way
  const path = jobsListPath(params);
  const credentials = currentCredentials();
  const sent = takeEarlyListRequest(path, credentials.token);
  // A first visit has been waiting since the page loaded: its rows may be drawn at once.
  const drawFrom = performance.now() + (sent ? 0 : EARLY_DRAW_DELAY_MS);
  const read = (response: Response) =>
    parseRows(response, (rows) => setArrivingRows(path, rows, drawFrom));
  return getResource(path, read, {
    signal,
    credentials,
    // A page holds up to 100 whole jobs: room for a few big ones.
    maxBytes: 4 * MAX_RESULT_BYTES,
    sent,
  }).finally(() => dropArrivingRows(path));
}

/** A list page's items as the server sent them, whole (for an export: kept only while it is written). */
export function fetchJobsPageItems(params: ListParams): Promise<unknown[]> {
  return getJson(jobsListPath(params), parseItems, { credentials: currentCredentials() });
}

export function fetchJob(jobId: string, signal?: AbortSignal): Promise<Job> {
  return getJson(jobPath(jobId), (body) => parseJob(body), {
    signal,
    credentials: currentCredentials(),
  });
}

export function fetchJobStatus(jobId: string, signal?: AbortSignal): Promise<JobStatus> {
  return getJson(jobPath(jobId, '/status'), (body) => parseJobStatus(body), {
    signal,
    credentials: currentCredentials(),
  });
}
