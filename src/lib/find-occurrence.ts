// Where an extracted value occurs in the input document: exactly, else ignoring case and runs of
// whitespace (a line break in the document, two spaces, "ACME" for "Acme"). A value found nowhere is
// how a person spots one the model made up.

export type Occurrence = { start: number; end: number; exact: boolean };

/** The text lowercased, each run of whitespace as one space, with where each character came from. */
type NormalizedText = { text: string; origin: Int32Array; source: string };

function normalizeWithOrigin(source: string): NormalizedText {
  const lower = source.toLowerCase();
  // Lowercasing keeps the length for nearly every text; where it does not, map character by character.
  const chars = lower.length === source.length ? null : [...source];
  const out: string[] = [];
  const origin: number[] = [];
  let space = false;
  if (chars) {
    let at = 0;
    for (const ch of chars) {
      if (/\s/.test(ch)) {
        if (!space) {
          out.push(' ');
          origin.push(at);
        }
        space = true;
      } else {
        const lower = ch.toLowerCase();
        for (let unit = 0; unit < lower.length; unit++) {
          out.push(lower.charAt(unit));
          origin.push(at);
        }
        space = false;
      }
      at += ch.length;
    }
    return { text: out.join(''), origin: Int32Array.from(origin), source };
  }
  const runs = /\s+/g;
  let last = 0;
  const pieces: string[] = [];
  const map = new Int32Array(source.length);
  let length = 0;
  const copy = (from: number, to: number) => {
    pieces.push(lower.slice(from, to));
    for (let i = from; i < to; i++) map[length++] = i;
  };
  for (let match = runs.exec(lower); match; match = runs.exec(lower)) {
    copy(last, match.index);
    pieces.push(' ');
    map[length++] = match.index;
    last = match.index + match[0].length;
  }
  copy(last, lower.length);
  return { text: pieces.join(''), origin: map.slice(0, length), source };
}

const normalizedCache = new Map<string, NormalizedText>();

/** The normalized form of a document, built once per text (the last two are kept). */
function normalizedText(source: string): NormalizedText {
  let normalized = normalizedCache.get(source);
  if (!normalized) {
    if (normalizedCache.size >= 2) normalizedCache.clear();
    normalized = normalizeWithOrigin(source);
    normalizedCache.set(source, normalized);
  }
  return normalized;
}

function normalizeNeedle(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every occurrence of `value` in `source` (up to `limit`): exact ones if any, else the loose ones. */
export function findOccurrences(source: string, value: string, limit = 20): Occurrence[] {
  const found: Occurrence[] = [];
  if (!value.trim()) return found;
  for (let at = source.indexOf(value); at >= 0 && found.length < limit;) {
    found.push({ start: at, end: at + value.length, exact: true });
    at = source.indexOf(value, at + value.length);
  }
  if (found.length > 0) return found;
  const needle = normalizeNeedle(value);
  const { text, origin } = normalizedText(source);
  for (let at = text.indexOf(needle); at >= 0 && found.length < limit;) {
    const last = at + needle.length - 1;
    const start = origin[at] ?? 0;
    const end = (origin[last] ?? start) + 1;
    // The last character may be a surrogate pair's first half, or one lowercased into two.
    found.push({
      start,
      end: Math.min(source.length, end + (isHighSurrogate(source, end - 1) ? 1 : 0)),
      exact: false,
    });
    at = text.indexOf(needle, at + needle.length);
  }
  return found;
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

/** What is looked for when a leaf is checked against the input: strings and numbers, as written. */
export function searchableText(
  value: string | number | boolean | null,
  source?: string,
): string | null {
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value === 'number') return source ?? String(value);
  return null;
}
