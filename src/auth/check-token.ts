import { getJson } from '../api/http.ts';
import { parseJobsPage } from '../api/validate.ts';

/** One cheap list call with a candidate token, made before the token is kept (a 401 signs nobody out). */
export async function checkToken(token: string, signal?: AbortSignal): Promise<void> {
  await getJson('/api/jobs?perPage=1', parseJobsPage, { signal, credentials: { token } });
}
