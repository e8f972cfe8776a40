// The one short id, truncation and number format of the app.

/**
 * Enough of an id to tell jobs apart: the first 8 characters of a long id (the whole id stays on
 * hover, in copies and in the address). `cutMark` is added where the id was cut, for running text.
 */
export function shortId(id: string, cutMark = ''): string {
  return id.length > 12 ? `${id.slice(0, 8)}${cutMark}` : id;
}

/** Untrusted text that may be long, cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Text from the server made fit for an attribute (a title, an aria-label, the document title): a
 * hover or a screen reader can't make use of megabytes, and the browser would hold them twice.
 */
export function forAttribute(text: string): string {
  return truncate(text, 200);
}

/** "1 job", "2 jobs". */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

// Made at the first use, not when the module loads: the page's first Intl object takes tens of ms
// (its locale data), and this module runs in the entry, before the list's first request leaves.
let numbers: Intl.NumberFormat | undefined;

/** "12,345". */
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat('en');
  return numbers.format(n);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'];

/** "812 B", "3.2 MB", "10 KB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  // The next unit from where the number shown would round to 1024: "1.0 MB", never "1024 KB".
  while (value >= 1023.5 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} B`;
  // A decimal only where the number shown stays under 10: "9.9 KB", then "10 KB", not "10.0 KB".
  return `${value < 9.95 ? value.toFixed(1) : Math.round(value)} ${BYTE_UNITS[unit]}`;
}
