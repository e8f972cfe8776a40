import { getJson, getResource, jobPath, MAX_RESULT_BYTES } from '../api/http.ts';
import type { Job, JobStatus, ListParams } from '../api/types.ts';
import { parseJob, parseJobStatus } from '../api/validate.ts';
import { currentCredentials } from '../auth/token-store.ts';
import type { ListPage } from './list/list-job.ts';
import { parseRows } from './list/parse-rows.ts';

/** A list page as rows: its bytes go to the worker, which keeps only what rows show. */
export function fetchJobsPage(params: ListParams, signal?: AbortSignal): Promise<ListPage> {
  const query = new URLSearchParams();
  if (params.organization) query.set('organization', params.organization);
  query.set('skip', String(params.skip));
  query.set('perPage', String(params.perPage));
  return getResource(
    `/api/jobs?${query}`,
    async (response) => parseRows(await response.arrayBuffer()),
    // A page holds up to 100 whole jobs: room for a few big ones.
    { signal, credentials: currentCredentials(), maxBytes: 4 * MAX_RESULT_BYTES },
  );
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
