import { getResource, jobPath } from '../api/http.ts';
import type { JobStatus } from '../api/types.ts';
import { parseJobStatus } from '../api/validate.ts';
import { currentCredentials } from '../auth/token-store.ts';

/**
 * POST /api/jobs/{id}/cancel (the service of 2026): asks for the job to stop. Its answer is not
 * documented: the job's status when it reads as one, otherwise nothing (the stream tells the end).
 */
export function cancelJob(jobId: string): Promise<JobStatus | undefined> {
  return getResource(
    jobPath(jobId, '/cancel'),
    async (response) => {
      try {
        return parseJobStatus(await response.json());
      } catch {
        return undefined;
      }
    },
    { method: 'POST', credentials: currentCredentials() },
  );
}
