const PREFIX = '/jobs/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One spelling per job: a UUID in lower case (the service may change the case of its letters, and a
 * UUID typed in upper case is the same job); any other id exactly as it is.
 */
export function canonicalJobId(id: string): string {
  return UUID.test(id) ? id.toLowerCase() : id;
}

/** Whether two ids name the same job (a stream result, a list row, a status answer). */
export function sameJobId(a: string, b: string): boolean {
  return canonicalJobId(a) === canonicalJobId(b);
}

/**
 * The job id from the raw (still percent-encoded) pathname `/jobs/<id>`, decoded exactly once.
 * react-router's `:jobId` decodes twice (an id spelled `%2F` comes out as `/`), so it is not used.
 */
export function jobIdFromPathname(pathname: string): string | null {
  if (!pathname.startsWith(PREFIX)) return null;
  let segment = pathname.slice(PREFIX.length);
  if (segment.endsWith('/')) segment = segment.slice(0, -1);
  if (segment.includes('/')) return null;
  try {
    return canonicalJobId(decodeURIComponent(segment));
  } catch {
    return segment; // a stray "%" typed into the address bar: the text as it is
  }
}
