import { getJson, getResource, jobPath } from '../api/http.ts';
import type { Job, JobStatus } from '../api/types.ts';
import { parseJob, parseJobStatus } from '../api/validate.ts';
import type { ListPage } from './list/list-job.ts';
import { parseRows } from './list/parse-rows.ts';

export type ListParams = { organization: string | null; skip: number; perPage: number };

/** A list page as rows: its bytes go to the worker, which keeps only what rows show. */
export function fetchJobsPage(
  { organization, skip, perPage }: ListParams,
  signal?: AbortSignal,
): Promise<ListPage> {
  const query = new URLSearchParams();
  if (organization) query.set('organization', organization);
  query.set('skip', String(skip));
  query.set('perPage', String(perPage));
  return getResource(`/api/jobs?${query}`, readRows, { signal });
}

const readRows = async (response: Response) => parseRows(await response.arrayBuffer());

export function fetchJob(jobId: string, signal?: AbortSignal): Promise<Job> {
  return getJson(jobPath(jobId), (body) => parseJob(body), { signal });
}

export function fetchJobStatus(jobId: string, signal?: AbortSignal): Promise<JobStatus> {
  return getJson(jobPath(jobId, '/status'), (body) => parseJobStatus(body), { signal });
}

/** One cheap list call with a candidate token, made before the token is kept. */
export async function checkToken(token: string, signal?: AbortSignal): Promise<void> {
  await getResource('/api/jobs?perPage=1', readRows, { signal, token });
}
