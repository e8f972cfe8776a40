import type { ApiErrorKind } from './api-error.ts';

// The one place that says, in the reader's words, what each HTTP status (or failure to get one) means.
// The server's own message wins where it sends one (api/http.ts); these are what is said otherwise.

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  401: 'Your API token was not accepted.',
  403: "You don't have access to this.",
  404: 'Not found.',
  408: 'The server timed out.',
  429: 'Too many requests: the API asked us to slow down.',
};

/** What a non-2xx answer means when the server does not say. */
export function httpStatusMessage(status: number): string {
  return (
    STATUS_MESSAGES[status] ??
    (status >= 500
      ? `The server had a problem (HTTP ${status}).`
      : `Request failed (HTTP ${status}).`)
  );
}

export const NETWORK_MESSAGE = 'Could not reach the API. Check your connection.';

/** The sign-in page's answer to a failed token check. */
export function tokenCheckMessage(failure: {
  kind: ApiErrorKind;
  status?: number;
  message: string;
}) {
  // The service may answer a bad key with 403 rather than 401 (vendor-2026.md): both are about the token.
  if (failure.status === 401 || failure.status === 403)
    return 'That token was not accepted. Check it and try again.';
  if (failure.kind === 'network' || failure.kind === 'timeout') {
    return 'Could not reach the API. Check your connection, then try again.';
  }
  return `The API could not check the token: ${failure.message}`;
}

/** The job page's heading when the API refuses the job. */
export const JOB_REFUSAL_TITLES = {
  403: "You don't have access",
  404: 'Job not found',
} as const;

/** The list's heading when a page cannot be loaded. */
export function listFailureTitle(status: number | undefined, organization: string | null): string {
  if (status === 403 && organization) return "You don't have access to this organization";
  if (status === 400) return 'The server did not accept this view of the list';
  return 'Could not load the jobs';
}
