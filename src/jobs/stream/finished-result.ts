import { ApiError } from '../../api/api-error.ts';
import { openAttempt } from './stream-attempt.ts';
import { readStreamResult, type StreamResult } from './stream-result.ts';
import { createSilenceWindow } from './watchdog.ts';

const UNREADABLE: StreamResult = { kind: 'unreadable' };

/**
 * A finished job's `result`, which its stream sends at once: what stands in for the detail endpoint the
 * service of 2026 no longer has. Any failure is "unreadable" (the page says the data is not available),
 * but a 401, which ends the session, and the caller's abort.
 */
export function readFinishedResult(jobId: string, signal?: AbortSignal): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      attempt.abort();
      reject(new DOMException('Aborted', 'AbortError'));
    };
    const settle = (result: StreamResult) => {
      signal?.removeEventListener('abort', onAbort);
      attempt.abort();
      resolve(result);
    };
    const attempt = openAttempt(jobId, createSilenceWindow(), {
      open: () => undefined,
      ping: () => undefined,
      result: async (data) => settle(await readStreamResult(data)),
      error: () => settle(UNREADABLE),
      silent: () => settle(UNREADABLE),
      ended(error) {
        if (error instanceof ApiError && error.status === 401) {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        } else settle(UNREADABLE);
      },
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
