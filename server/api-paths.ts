// Which requests the /api proxy may forward, decided on the raw request target (before any decoding or
// dot-segment resolution anywhere): only the Jobs API's own endpoints. Everything else under /api, or
// beside it (/apiX, /api-docs), is answered here and never reaches the upstream.

export type ApiVerdict =
  /** Not the API's space: static files and app routes. */
  | { kind: 'not-api' }
  | { kind: 'forward' }
  /** A dot segment, a backslash, broken percent-encoding, a raw "#" or space…: 400. */
  | { kind: 'bad-path' }
  | { kind: 'not-found' }
  | { kind: 'bad-method'; allow: string };

const ENDPOINTS: readonly { pattern: RegExp; method: string }[] = [
  { pattern: /^\/api\/jobs$/, method: 'GET' },
  { pattern: /^\/api\/jobs\/[^/]+$/, method: 'GET' },
  { pattern: /^\/api\/jobs\/[^/]+\/(?:status|stream)$/, method: 'GET' },
  { pattern: /^\/api\/jobs\/[^/]+\/cancel$/, method: 'POST' },
];

/**
 * The characters a path may hold as sent (RFC 3986 pchar and "/"). Anything else is refused rather than
 * guessed at: a raw "#" would end the path for the URL parser behind this check (`/api/jobs/x#/cancel`
 * would reach `/api/jobs/x`), and browsers encode everything outside this set.
 */
const PATH_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;

function decoded(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/**
 * True when the path, percent-decoded, holds a backslash or a dot segment, or a segment that begins or
 * ends with ".." (`..%2f..`, `%2e%2E`, an id like `../x`, or encoded twice, `%252e%252e`): what an
 * upstream, or anything between, that decodes before resolving would climb with. (@fastify/reply-from
 * refuses `../` and `/..` in the decoded path too; refusing here first gives the same 400 with this
 * server's headers and text.) Other encoded characters of an id (`%2F`, `%3F`, `%23`) pass unchanged.
 */
function hasHostileSegment(rawPath: string): boolean {
  const path = decoded(rawPath);
  if (path === undefined) return true;
  // Decoded again while that changes it (`%252e%252e` is `..` to anything between that decodes once more).
  for (let layer: string | undefined = path, depth = 0; layer !== undefined && depth < 4; depth++) {
    if (layer.includes('\\')) return true;
    const parts = layer.split('/');
    if (parts.some((part) => part === '.' || part.startsWith('..') || part.endsWith('..')))
      return true;
    const next = decoded(layer);
    layer = next === layer ? undefined : next;
  }
  return false;
}

/** Whether a request target (path and query) is a job's event stream. */
export function isStreamTarget(target: string): boolean {
  return (target.split('?', 1)[0] ?? '').endsWith('/stream');
}

export function classifyApiRequest(method: string, rawUrl: string): ApiVerdict {
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  // An absolute-form target ("GET http://host/api/...") or "*" is not a path we serve.
  if (!rawPath.startsWith('/')) return { kind: 'bad-path' };
  const inApiSpace = (path: string): boolean => path.toLowerCase().startsWith('/api');
  const decodedPath = decoded(rawPath);
  // "/%61pi/jobs" is /api for a router that decodes: it belongs to the API's space, and is not forwarded.
  if (!inApiSpace(rawPath) && !(decodedPath !== undefined && inApiSpace(decodedPath))) {
    return { kind: 'not-api' };
  }
  if (!PATH_CHARACTERS.test(rawPath) || rawUrl.includes('#') || hasHostileSegment(rawPath)) {
    return { kind: 'bad-path' };
  }
  const endpoint = ENDPOINTS.find(({ pattern }) => pattern.test(rawPath));
  if (!endpoint) return { kind: 'not-found' };
  if (method !== endpoint.method) return { kind: 'bad-method', allow: endpoint.method };
  return { kind: 'forward' };
}
