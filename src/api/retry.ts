import { ApiError } from './api-error.ts';

const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** 4xx are final, except 408 and 429; network errors, timeouts and 5xx are worth another try. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'invalid-response') return false;
  if (error.kind !== 'http' || error.status === undefined) return true;
  return error.status === 408 || error.status === 429 || error.status >= 500;
}

export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_ATTEMPTS - 1 && isRetryable(error);
}

/** Capped exponential backoff with full jitter; a server's Retry-After wins when it is longer. */
export function backoffDelay(attempt: number, error?: unknown, random = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  const retryAfter = error instanceof ApiError ? error.retryAfterMs : undefined;
  return retryAfter !== undefined ? Math.min(Math.max(jittered, retryAfter), 5 * 60_000) : jittered;
}
