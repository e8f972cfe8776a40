import { ApiError } from '../api/api-error.ts';
import { clearToken, getToken, getTokenVersion } from './token-store.ts';

/**
 * A 401 ends the session, but only when the refused request was sent with the token still in use: a
 * late answer to a request sent with an old token must not clear the one the person just signed in
 * with. Called by the query and mutation caches' onError, and by the two callers outside them (the
 * stream and the list's status poller).
 */
export function expireOn401(error: unknown): void {
  if (
    error instanceof ApiError &&
    error.kind === 'http' &&
    error.status === 401 &&
    error.tokenVersion === getTokenVersion() &&
    getToken() !== null
  ) {
    clearToken('expired');
  }
}
