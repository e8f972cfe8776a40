/**
 * The href for a value that may become a link: only when `new URL(v)` parses it with the http: or
 * https: protocol (never javascript:, data:, blob:, relative paths or anything else).
 */
export function safeHttpUrl(value: string): string | null {
  if (value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
