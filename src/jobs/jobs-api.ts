import { getJson, getResource, jobPath, jobsListPath } from '../api/http.ts';
import type { Job, JobStatus, ListParams } from '../api/types.ts';
import { parseItems, parseJob, parseJobStatus } from '../api/validate.ts';
import { currentCredentials } from '../auth/token-store.ts';
import type { ListPage } from './list/list-job.ts';
import { takeEarlyListRequest } from './list/early-list-request.ts';
import { LIST_PAGE_MAX_BYTES, sendPageRequest } from './list/page-request.ts';
import { dropArrivingRows, EARLY_DRAW_DELAY_MS, setArrivingRows } from './list/arriving-rows.ts';

/**
 * A list page as rows: the list worker sends its request and keeps only what rows show, and the rows
 * read so far are shown while the rest arrives (arriving-rows.ts). On a first visit the request main.ts
 * sent before the app loaded is read instead of sending another.
 */
export function fetchJobsPage(params: ListParams, signal?: AbortSignal): Promise<ListPage> {
  const path = jobsListPath(params);
  const credentials = currentCredentials();
  const early = takeEarlyListRequest(path, credentials.token);
  const sent = early ?? sendPageRequest(path, credentials.token);
  // A first visit has been waiting since the page loaded: its rows may be drawn at once.
  const drawFrom = performance.now() + (early ? 0 : EARLY_DRAW_DELAY_MS);
  sent.onArrived((rows) => setArrivingRows(path, rows, drawFrom));
  return getResource(path, (response) => sent.page(response), {
    signal,
    credentials,
    maxBytes: LIST_PAGE_MAX_BYTES,
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
