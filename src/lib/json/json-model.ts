// The parsed-JSON model the tree viewer reads, one page of children at a time. Pure functions: the parse
// worker runs them over a document it keeps, and small documents run them in the page directly.

export type JsonKey = string | number;
export type JsonPath = readonly JsonKey[];

/** What the tree needs to draw one value without holding the value itself. */
export type Summary =
  | { type: 'object'; count: number }
  | { type: 'array'; count: number }
  | { type: 'string'; value: string; length: number }
  /** `source` when the text spells the number differently (digits past 2^53, `1.50`, `1e3`). */
  | { type: 'number'; value: number; source?: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' };

export type Entry = { key: JsonKey; summary: Summary };
export type ChildPage = { entries: Entry[]; total: number };

/** Strings longer than this travel (and render) as a preview; copy fetches the whole value. */
export const STRING_PREVIEW = 2_000;
export const PAGE_SIZE = 100;
/** "Expand all" stops after about this many rows, so a huge document cannot freeze the page. */
export const EXPAND_ALL_BUDGET = 2_000;
/**
 * The tree opens at most this many levels (the root is level 0): Chromium's renderer crashes laying
 * out DOM nested about 1,500 deep, and a hostile document can nest 10^5 deep. Deeper values are in
 * the Raw view and the download.
 */
export const MAX_TREE_DEPTH = 200;

/** A number as the document spells it, where a double would lose or change digits. */
export class RawNumber {
  constructor(
    readonly source: string,
    readonly value: number,
  ) {}
}

type ReviverContext = { source?: string } | undefined;

/**
 * JSON.parse's reviver with source text access (Chromium 114+; elsewhere the context is missing and
 * numbers stay as parsed): numbers whose text a double would not reproduce keep their text.
 */
export function keepNumberText(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value !== 'number' || context?.source === undefined) return value;
  return context.source === String(value) ? value : new RawNumber(context.source, value);
}

/** JSON.parse that keeps the text of long numbers (integers past 2^53 would otherwise be rounded). */
export function parseJson(text: string): unknown {
  // The reviver makes parsing slower: only documents with a long run of digits pay for it.
  return /\d{16}/.test(text)
    ? (JSON.parse(text, keepNumberText as (key: string, value: unknown) => unknown) as unknown)
    : (JSON.parse(text) as unknown);
}

export function summarize(value: unknown): Summary {
  if (value === null || value === undefined) return { type: 'null' };
  if (value instanceof RawNumber)
    return { type: 'number', value: value.value, source: value.source };
  if (Array.isArray(value)) return { type: 'array', count: value.length };
  switch (typeof value) {
    case 'string':
      return {
        type: 'string',
        value: value.length > STRING_PREVIEW ? value.slice(0, STRING_PREVIEW) : value,
        length: value.length,
      };
    case 'number':
      return { type: 'number', value };
    case 'boolean':
      return { type: 'boolean', value };
    case 'object':
      return { type: 'object', count: Object.keys(value).length };
    default:
      return { type: 'null' };
  }
}

export function isContainer(summary: Summary): summary is Extract<Summary, { count: number }> {
  return summary.type === 'object' || summary.type === 'array';
}

/** Root objects lead with `result` (extraction and markdown outputs): what people open a job for. */
export function orderedKeys(value: object, path: JsonPath): string[] {
  const keys = Object.keys(value);
  if (path.length === 0) {
    const at = keys.indexOf('result');
    if (at > 0) {
      keys.splice(at, 1);
      keys.unshift('result');
    }
  }
  return keys;
}

export function own(value: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function resolve(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const key of path) {
    if (Array.isArray(value)) value = typeof key === 'number' ? value[key] : undefined;
    else if (typeof value === 'object' && value !== null && typeof key === 'string') {
      value = own(value, key);
    } else return undefined;
  }
  return value;
}

export function childrenOf(
  value: unknown,
  path: JsonPath,
  offset: number,
  limit: number,
): ChildPage {
  if (Array.isArray(value)) {
    const end = Math.min(value.length, offset + limit);
    const entries: Entry[] = [];
    for (let i = offset; i < end; i++) entries.push({ key: i, summary: summarize(value[i]) });
    return { entries, total: value.length };
  }
  if (typeof value === 'object' && value !== null) {
    const keys = orderedKeys(value, path);
    return {
      entries: keys
        .slice(offset, offset + limit)
        .map((key) => ({ key, summary: summarize(own(value, key)) })),
      total: keys.length,
    };
  }
  return { entries: [], total: 0 };
}

/** The full text of a value, for copying: strings as they are, everything else as indented JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof RawNumber) return value.source;
  const raw = (JSON as { rawJSON?: (text: string) => unknown }).rawJSON;
  const replacer = (_key: string, v: unknown) =>
    v instanceof RawNumber ? (raw ? raw(v.source) : v.value) : v;
  return JSON.stringify(value, replacer, 2) ?? 'null';
}

export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

export type ExpandPlan = {
  pages: { path: JsonPath; page: ChildPage }[];
  /** True when the budget ran out before every container was opened. */
  truncated: boolean;
};

/**
 * Breadth first from the root, opening containers until about `budget` rows are showing, and none
 * deeper than MAX_TREE_DEPTH.
 */
export function planExpandAll(root: unknown, budget = EXPAND_ALL_BUDGET): ExpandPlan {
  const pages: ExpandPlan['pages'] = [];
  const queue: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  let rows = 0;
  let tooDeep = false;
  for (let head = 0; head < queue.length; head++) {
    const item = queue[head];
    if (!item) break;
    if (rows >= budget) return { pages, truncated: true };
    const page = childrenOf(item.value, item.path, 0, PAGE_SIZE);
    pages.push({ path: item.path, page });
    rows += page.entries.length;
    if (page.total > page.entries.length) rows += 1; // the "show more" row
    for (const entry of page.entries) {
      if (isContainer(entry.summary) && entry.summary.count > 0) {
        const path = [...item.path, entry.key];
        if (path.length < MAX_TREE_DEPTH) {
          queue.push({ value: resolve(item.value, [entry.key]), path });
        } else tooDeep = true;
      }
    }
  }
  return { pages, truncated: tooDeep };
}

/** Cheap test before handing text to a parser: after JSON whitespace, JSON text starts with one of these. */
export function mightBeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return /[{["\-0-9tfn]/.test(text.charAt(i));
  }
  return false;
}
