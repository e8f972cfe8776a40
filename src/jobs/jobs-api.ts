import { getJson, jobPath } from '../api/http.ts';
import type { Job, JobStatus, JobsPage, ListParams } from '../api/types.ts';
import { parseJob, parseJobStatus, parseJobsPage } from '../api/validate.ts';
import { currentCredentials } from '../auth/token-store.ts';

export function fetchJobsPage(params: ListParams, signal?: AbortSignal): Promise<JobsPage> {
  const query = new URLSearchParams();
  if (params.organization) query.set('organization', params.organization);
  query.set('skip', String(params.skip));
  query.set('perPage', String(params.perPage));
  return getJson(`/api/jobs?${query}`, parseJobsPage, {
    signal,
    credentials: currentCredentials(),
  });
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
