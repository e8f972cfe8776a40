export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response';

/** Every failure of a call to the API, as one type the UI can explain. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    /** From a 429/503 `Retry-After` header. */
    readonly retryAfterMs?: number,
    /** Which sign-in the refused request was sent for (Credentials.version): never the token itself. */
    readonly tokenVersion?: number,
  ) {
    super(message);
  }
}
