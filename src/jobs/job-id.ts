const PREFIX = '/jobs/';

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
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray "%" typed into the address bar: the text as it is
  }
}
