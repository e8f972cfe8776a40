import type { JsonPath } from './json-model.ts';

// JSONPath (RFC 9535, normalized-path style) for one value: `$.result.parties[1].name`. Keys that are not
// plain names go in brackets, `$['a.b']['it\'s']`; array indexes are bare numbers, `[1]`, and an object
// key that looks like a number is quoted, `['1']`, so a path read back names the same value.

/** Letters (any script), digits, `_` and `$`, not starting with a digit: written after a dot. */
const PLAIN_NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

function quote(key: string): string {
  let out = "'";
  for (const ch of key) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** The path as JSONPath text, from the root `$`. */
export function toJsonPath(path: JsonPath): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += PLAIN_NAME.test(key) ? `.${key}` : `[${quote(key)}]`;
  }
  return out;
}

/** The path as a reader sees it inside `base`: `parties[1].name` for `$.result.parties[1].name`. */
export function relativeJsonPath(path: JsonPath, base: JsonPath): string {
  const text = toJsonPath(path.slice(base.length)).slice(1);
  return text.startsWith('.') ? text.slice(1) : text || '(the whole value)';
}

const ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  '/': '/',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * Reads JSONPath text back into a path: `$`, then `.name`, `['name']`, `["name"]` or `[index]` steps.
 * Anything else (wildcards, filters, slices, a stray character) is not one value's path: null.
 */
export function parseJsonPath(text: string): JsonPath | null {
  if (!text.startsWith('$')) return null;
  const path: (string | number)[] = [];
  let i = 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      const match = /^[\p{L}_$][\p{L}\p{N}_$]*/u.exec(text.slice(i + 1));
      if (!match) return null;
      path.push(match[0]);
      i += 1 + match[0].length;
    } else if (ch === '[') {
      const next = text[i + 1];
      if (next === "'" || next === '"') {
        let key = '';
        let j = i + 2;
        for (; j < text.length && text[j] !== next; j++) {
          if (text[j] !== '\\') {
            key += text[j];
            continue;
          }
          const escape = text[j + 1] ?? '';
          if (escape === 'u') {
            const hex = text.slice(j + 2, j + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
            key += String.fromCharCode(parseInt(hex, 16));
            j += 5;
          } else {
            const value = ESCAPES[escape];
            if (value === undefined) return null;
            key += value;
            j += 1;
          }
        }
        if (text[j] !== next || text[j + 1] !== ']') return null;
        path.push(key);
        i = j + 2;
      } else {
        const match = /^\[(0|[1-9]\d{0,15})\]/.exec(text.slice(i));
        if (!match?.[1]) return null;
        path.push(Number(match[1]));
        i += match[0].length;
      }
    } else return null;
  }
  return path;
}
