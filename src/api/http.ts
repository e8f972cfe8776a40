import { ApiError } from './api-error.ts';
import { httpStatusMessage, NETWORK_MESSAGE } from './http-messages.ts';
import { formatBytes, truncate } from '../lib/format.ts';
import type { ListParams } from './types.ts';
import { InvalidResponseError } from './validate.ts';

/** Where the API lives: same origin by default (proxied or simulated), or VITE_API_BASE_URL at build time. */
const apiOrigin = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');

export function apiUrl(path: string): string {
  return apiOrigin + path;
}

/**
 * Percent-encodes an opaque id as one path segment. A lone surrogate has no UTF-8 form (it would make
 * encodeURIComponent throw and take the whole page down): it is sent as U+FFFD, as a browser would.
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(
    value.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );
}

/** `.` and `..` cannot be one URL path segment: every URL parser resolves them away. */
export function isUsableJobId(id: string): boolean {
  return id !== '' && id !== '.' && id !== '..';
}

/** Percent-encodes an opaque job id for use as one path segment. */
export function jobPath(
  jobId: string,
  suffix: '' | '/status' | '/stream' | '/cancel' = '',
): string {
  // `/api/jobs/..` would become `/api/`: refuse rather than request something else.
  if (!isUsableJobId(jobId)) throw new Error(`"${jobId}" is not a job id that can be requested.`);
  return `/api/jobs/${encodeSegment(jobId)}${suffix}`;
}

/** The path of one page of the job list. */
export function jobsListPath(params: ListParams): string {
  const query = new URLSearchParams();
  if (params.organization) query.set('organization', params.organization);
  query.set('skip', String(params.skip));
  query.set('perPage', String(params.perPage));
  return `/api/jobs?${query}`;
}

/**
 * The bearer token a call sends, and which sign-in it belongs to: a 401 carries the version, so the
 * one who signs out (auth/expire-on-401.ts) can tell a late answer for an old token from a live one.
 * A token being tried out (sign-in) has no version.
 */
export type Credentials = { token: string | null; version?: number };

export function authHeaders(token: string | null): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** How every JSON call is sent: the token as a bearer header, no cookies, no referrer. */
export function jsonRequest(
  method: string,
  token: string | null,
  signal: AbortSignal,
): RequestInit {
  return {
    method,
    headers: { Accept: 'application/json', ...authHeaders(token) },
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    signal,
  };
}

/**
 * A request already on its way (a list page's: sent early, or by the list worker), for getResource to
 * carry on with.
 */
export type SentRequest = { response: Promise<Response>; abort(): void };

const DEFAULT_TIMEOUT_MS = 30_000;
const BODY_TIMEOUT_FACTOR = 4;

/**
 * The most the app reads of one answer, and of one event of a job's stream: generous (a job carries its
 * input and output), but a server sending without end must not fill the tab's memory. README: "Limits".
 */
export const MAX_RESULT_BYTES = 64 * 1024 * 1024;

type GetOptions = {
  credentials: Credentials;
  /** GET unless said: POST for an action without a body (cancel). */
  method?: 'GET' | 'POST';
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Bodies past this size are dropped unread (a list page of whole jobs may allow more). */
  maxBytes?: number;
  /** The same request, already sent: its answer is read instead of sending another. */
  sent?: SentRequest;
};

/** The answer with its body counted as it arrives: past `max` bytes the download stops. */
export function capped(response: Response, max: number, exceeded: () => void): Response {
  const declared = Number(response.headers.get('Content-Length'));
  let seen = 0;
  const stop = (controller: TransformStreamDefaultController) => {
    exceeded();
    controller.error(new RangeError('too large'));
  };
  const body = response.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      // Announced too large: not one byte is read.
      start: (controller) => (declared > max ? stop(controller) : undefined),
      transform(chunk, controller) {
        seen += chunk.length;
        if (seen > max) stop(controller);
        else controller.enqueue(chunk);
      },
    }),
  );
  const { status, statusText, headers } = response;
  return new Response(body ?? null, { status, statusText, headers });
}

/** GET a JSON resource, validated by `parse`. Throws ApiError; rethrows the caller's own abort as is. */
export function getJson<T>(
  path: string,
  parse: (body: unknown) => T,
  options: GetOptions,
): Promise<T> {
  return getResource(path, async (response) => parse(await response.json()), options);
}

/**
 * GET a resource and read its body with `read`, which throws SyntaxError for a body that is not JSON and
 * InvalidResponseError for JSON of the wrong shape. Throws ApiError; rethrows the caller's own abort.
 */
export async function getResource<T>(
  path: string,
  read: (response: Response) => Promise<T>,
  {
    credentials,
    signal,
    method = 'GET',
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxBytes = MAX_RESULT_BYTES,
    sent,
  }: GetOptions,
): Promise<T> {
  let tooLarge = false;
  const timeout = new AbortController();
  if (sent) timeout.signal.addEventListener('abort', () => sent.abort());
  let timer = setTimeout(() => timeout.abort(), timeoutMs);
  const onAbort = () => timeout.abort();
  signal?.addEventListener('abort', onAbort);
  try {
    let response: Response;
    try {
      response = await (sent?.response ??
        fetch(apiUrl(path), jsonRequest(method, credentials.token, timeout.signal)));
    } catch (error) {
      if (signal?.aborted) throw error;
      if (timeout.signal.aborted) {
        throw new ApiError('timeout', `The server did not answer within ${timeoutMs / 1000} s.`);
      }
      throw new ApiError('network', NETWORK_MESSAGE);
    }
    response = capped(response, maxBytes, () => (tooLarge = true));
    if (!response.ok) throw await httpError(response, credentials);
    // The answer has begun; a list page of megabytes may take a while more, but not forever.
    clearTimeout(timer);
    timer = setTimeout(() => timeout.abort(), BODY_TIMEOUT_FACTOR * timeoutMs);
    try {
      return await read(response);
    } catch (error) {
      // The reader judged the answer itself (a list page read in the worker).
      if (error instanceof ApiError) throw error;
      if (error instanceof InvalidResponseError) {
        throw new ApiError(
          'invalid-response',
          `Unexpected data from the server: ${error.message}.`,
        );
      }
      if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      if (tooLarge) throw tooLargeError(maxBytes);
      if (timeout.signal.aborted) {
        throw new ApiError('timeout', 'The server stopped sending its answer part-way.');
      }
      // The connection dropped part-way (reading fails with a TypeError): worth another try.
      if (error instanceof TypeError) throw new ApiError('network', NETWORK_MESSAGE);
      throw new ApiError(
        'invalid-response',
        looksLikeHtml(response)
          ? 'The server sent an HTML page where data was expected.'
          : 'The server sent a response that is not valid JSON.',
        response.status,
      );
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export function tooLargeError(maxBytes: number): ApiError {
  return new ApiError(
    'invalid-response',
    `The server's answer is larger than ${formatBytes(maxBytes)}, more than this page reads.`,
  );
}

function looksLikeHtml(response: Response): boolean {
  return (response.headers.get('Content-Type') ?? '').includes('html');
}

/** Turns a non-2xx response into an ApiError carrying the server's own message when it has one. */
export async function httpError(response: Response, credentials: Credentials): Promise<ApiError> {
  const status = response.status;
  const fallback = httpStatusMessage(status);
  let message = fallback;
  if (!looksLikeHtml(response)) {
    const text = await response.text().catch(() => '');
    message = serverMessage(text) ?? fallback;
  }
  return new ApiError(
    'http',
    message,
    status,
    retryAfterMs(response.headers.get('Retry-After')),
    credentials.version,
  );
}

// The 400s are text/plain ("Invalid value for: query parameter skip"); other errors may be JSON.
function serverMessage(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let message = trimmed;
  if (trimmed.startsWith('{')) {
    try {
      const body: unknown = JSON.parse(trimmed);
      const m =
        typeof body === 'object' && body !== null && 'message' in body ? body.message : null;
      if (typeof m !== 'string' || !m.trim()) return undefined;
      message = m.trim();
    } catch {
      return undefined;
    }
  }
  return truncate(message, 300);
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
