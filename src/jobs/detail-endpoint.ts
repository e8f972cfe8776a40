import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/api-error.ts';

// The service of 2026 has no GET /api/jobs/{id} (vendor-2026.md). Learnt once per page session (per
// query client: the app has one) by whichever asks first, the job page or the list's live rows, and
// never asked again by either.
const missing = new WeakSet<QueryClient>();

export function isDetailEndpointMissing(queryClient: QueryClient): boolean {
  return missing.has(queryClient);
}

export function rememberDetailEndpointMissing(queryClient: QueryClient): void {
  missing.add(queryClient);
}

/** The HTTP status of a failed request, if the server answered. */
export function httpStatus(error: unknown): number | undefined {
  return error instanceof ApiError && error.kind === 'http' ? error.status : undefined;
}

/**
 * What the detail endpoint answers where it is gone: 404 or 405. Only meaningful for a job that
 * /status knows (otherwise a 404 is a job not found).
 */
export function isGoneAnswer(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 404 || status === 405;
}
