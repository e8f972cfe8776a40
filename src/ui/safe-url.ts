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

// Marks and embeddings that reorder text on screen: in a link's text they could make one address look
// like another ("moc.elgoog" shown as "google.com").
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text shown for a link from the data, without the characters that reorder it. */
export function linkText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The host a link goes to, as the browser will reach it (an IDN in its xn-- form). */
export function linkHost(href: string): string {
  return new URL(href).host;
}
