import { getJson, getResource, jobPath, MAX_RESULT_BYTES } from '../api/http.ts';
import type { Job, JobStatus, ListParams } from '../api/types.ts';
import { parseItems, parseJob, parseJobStatus } from '../api/validate.ts';
import { currentCredentials } from '../auth/token-store.ts';
import type { ListPage } from './list/list-job.ts';
import { parseRows } from './list/parse-rows.ts';

function listPath(params: ListParams): string {
  const query = new URLSearchParams();
  if (params.organization) query.set('organization', params.organization);
  query.set('skip', String(params.skip));
  query.set('perPage', String(params.perPage));
  return `/api/jobs?${query}`;
}

/** A list page as rows: its bytes go to the worker, which keeps only what rows show. */
export function fetchJobsPage(params: ListParams, signal?: AbortSignal): Promise<ListPage> {
  return getResource(
    listPath(params),
    async (response) => parseRows(await response.arrayBuffer()),
    // A page holds up to 100 whole jobs: room for a few big ones.
    { signal, credentials: currentCredentials(), maxBytes: 4 * MAX_RESULT_BYTES },
  );
}

/** A list page's items as the server sent them, whole (for an export: kept only while it is written). */
export function fetchJobsPageItems(params: ListParams): Promise<unknown[]> {
  return getJson(listPath(params), parseItems, { credentials: currentCredentials() });
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
