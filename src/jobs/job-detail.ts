import type { QueryClient } from '@tanstack/react-query';
import { isFinished } from '../api/job-status.ts';
import type { Job, JobStatus } from '../api/types.ts';
import {
  httpStatus,
  isDetailEndpointMissing,
  isGoneAnswer,
  rememberDetailEndpointMissing,
} from './detail-endpoint.ts';
import { fetchJob, fetchJobStatus } from './jobs-api.ts';
import { readFinishedResult } from './stream/finished-result.ts';

/**
 * The job page's copy of a job: the whole job, or, from a service without the detail endpoint (2026),
 * its /status with what the stream's `result` gave: no `inputData` when the result has not come (the job
 * runs) or could not give it.
 */
export type JobDetail = Omit<Job, 'inputData'> & { inputData?: string };

/**
 * The job, from GET /api/jobs/{id} while the service has it. A 404 or 405 there with a job /status
 * knows means the endpoint is gone: the job is read from /status and, once finished, its stream.
 * Only a 404 from both is "not found".
 */
export async function fetchJobDetail(
  queryClient: QueryClient,
  jobId: string,
  signal?: AbortSignal,
): Promise<JobDetail> {
  if (isDetailEndpointMissing(queryClient))
    return fromStatus(await fetchJobStatus(jobId, signal), signal);
  try {
    return await fetchJob(jobId, signal);
  } catch (error) {
    if (!isGoneAnswer(error)) throw error;
    let known: JobStatus;
    try {
      known = await fetchJobStatus(jobId, signal);
    } catch (statusError) {
      throw httpStatus(statusError) === 404 && httpStatus(error) === 404 ? error : statusError;
    }
    rememberDetailEndpointMissing(queryClient);
    return fromStatus(known, signal);
  }
}

async function fromStatus(status: JobStatus, signal?: AbortSignal): Promise<JobDetail> {
  // Unfinished: the page follows the job live, and the stream brings the whole job when it finishes.
  if (!isFinished(status)) return status;
  const result = await readFinishedResult(status.id, signal);
  if (result.kind === 'job' && result.job.id === status.id) return result.job;
  if (result.kind === 'failure') {
    const failed: JobDetail = { ...status, errorCode: result.failure.code };
    if (result.failure.message !== undefined) failed.errorMessage = result.failure.message;
    return failed;
  }
  return status;
}
