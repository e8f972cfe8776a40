import type { Job, StreamError } from '../../api/types.ts';
import { parseJob, parseStreamError } from '../../api/validate.ts';
import { parseJsonOffThread } from '../../lib/json/worker-client.ts';

const OFF_THREAD_CHARS = 256 * 1024;

/**
 * A stream `result` event, read: the job, or (the service of 2026, for a failed job) a `{code, message}`
 * that is not a job, or nothing usable.
 */
export type StreamResult =
  { kind: 'job'; job: Job } | { kind: 'failure'; failure: StreamError } | { kind: 'unreadable' };

export async function readStreamResult(data: string | Uint8Array): Promise<StreamResult> {
  let value: unknown;
  try {
    // A big result (megabytes of output) is parsed off the main thread.
    value =
      typeof data === 'string' && data.length < OFF_THREAD_CHARS
        ? JSON.parse(data)
        : await parseJsonOffThread(data);
  } catch {
    return { kind: 'unreadable' };
  }
  try {
    return { kind: 'job', job: parseJob(value, 'stream result') };
  } catch {
    // not a job: maybe the failure the 2026 service sends instead
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('id' in value)) {
    try {
      return { kind: 'failure', failure: parseStreamError(value) };
    } catch {
      // neither
    }
  }
  return { kind: 'unreadable' };
}
