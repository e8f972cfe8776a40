import { parseJson, RawNumber, type JsonKey } from './json-model.ts';

// A structural diff of two JSON documents: which paths one has and the other hasn't, and which hold
// different values. Objects are matched by key, arrays by index (an item inserted at the front shows
// as every later item changed, plus one added: what a reader of two extractions expects to see).
// Walked with a stack of its own, so a deeply nested document cannot overflow the call stack.

export type DiffKind = 'added' | 'removed' | 'changed';
export const DIFF_KINDS: readonly DiffKind[] = ['added', 'removed', 'changed'];

/** A value as shown beside its path: compact JSON, cut after a budget of characters. */
export type DiffValue = { text: string; cut: boolean };

type DiffEntry = {
  kind: DiffKind;
  path: JsonKey[];
  /** The first document's value (not for `added`). */
  before?: DiffValue;
  /** The second document's value (not for `removed`). */
  after?: DiffValue;
};

export type JsonDiff = {
  /** The first `limit` differences, in the order of the documents. */
  entries: DiffEntry[];
  /** Every difference, counted past the limit too. */
  counts: Record<DiffKind, number>;
};

/** Differences reported at most: the page draws them, and the counts still cover the rest. */
export const DIFF_LIMIT = 5_000;
/** Characters of each value sent back; the whole value is on the job's page. */
const VALUE_BUDGET = 2_000;

type Kind = 'null' | 'object' | 'array' | 'string' | 'number' | 'boolean';

function kindOf(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (value instanceof RawNumber) return 'number';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object'
    ? type
    : 'null';
}

function numberText(value: unknown): string {
  if (value instanceof RawNumber) {
    // 1.50 and 1.5 are one value; two integers past 2^53 are equal only when spelled alike.
    return Number.isSafeInteger(value.value) || !Number.isInteger(value.value)
      ? String(value.value)
      : value.source;
  }
  return String(value);
}

/** Compact JSON of `value`, stopping once `budget` characters are written. */
export function previewValue(value: unknown, budget = VALUE_BUDGET): DiffValue {
  let text = '';
  const write = (part: string) => {
    text += part;
    // One character past the budget tells a value that fits from one that was cut.
    return text.length <= budget;
  };
  const walk = (v: unknown): boolean => {
    if (v instanceof RawNumber) return write(v.source);
    if (Array.isArray(v)) {
      if (!write('[')) return false;
      for (let i = 0; i < v.length; i++) {
        if ((i > 0 && !write(',')) || !walk(v[i])) return false;
      }
      return write(']');
    }
    if (typeof v === 'object' && v !== null) {
      if (!write('{')) return false;
      let first = true;
      for (const [key, item] of Object.entries(v)) {
        if ((!first && !write(',')) || !write(`${JSON.stringify(key)}:`) || !walk(item))
          return false;
        first = false;
      }
      return write('}');
    }
    return write(JSON.stringify(v) ?? 'null');
  };
  walk(value);
  return text.length > budget ? { text: text.slice(0, budget), cut: true } : { text, cut: false };
}

/** The differences from `before` to `after`, the first `limit` of them with their values. */
export function diffJson(before: unknown, after: unknown, limit = DIFF_LIMIT): JsonDiff {
  const entries: DiffEntry[] = [];
  const counts: Record<DiffKind, number> = { added: 0, removed: 0, changed: 0 };
  // A path is kept as a link to its parent's, and spelt out only for a difference that is reported:
  // copying it at every level would cost the square of the depth.
  type Step = { key: JsonKey; parent: Step | null };
  const spell = (step: Step | null): JsonKey[] => {
    const path: JsonKey[] = [];
    for (let s = step; s; s = s.parent) path.push(s.key);
    return path.reverse();
  };
  const record = (kind: DiffKind, at: Step | null, a: unknown, b: unknown) => {
    counts[kind] += 1;
    if (entries.length >= limit) return;
    const entry: DiffEntry = { kind, path: spell(at) };
    if (kind !== 'added') entry.before = previewValue(a);
    if (kind !== 'removed') entry.after = previewValue(b);
    entries.push(entry);
  };

  // Work still to do, the next item on top: a pair to compare, or a value only one side has.
  type Task = { a: unknown; b: unknown; at: Step | null; only?: 'added' | 'removed' };
  const stack: Task[] = [{ a: before, b: after, at: null }];
  for (let task = stack.pop(); task; task = stack.pop()) {
    const { a, b, at, only } = task;
    if (only) {
      record(only, at, a, b);
      continue;
    }
    const kind = kindOf(a);
    if (kind !== kindOf(b)) {
      record('changed', at, a, b);
      continue;
    }
    if (kind === 'number') {
      if (numberText(a) !== numberText(b)) record('changed', at, a, b);
      continue;
    }
    if (kind !== 'object' && kind !== 'array') {
      if (a !== b) record('changed', at, a, b);
      continue;
    }
    // In the document's order: what both have and what only the first has, then what only the
    // second has. Pushed last first, so they come off the stack in that order.
    const next: Task[] = [];
    if (kind === 'array') {
      const left = a as unknown[];
      const right = b as unknown[];
      for (let i = 0; i < Math.max(left.length, right.length); i++) {
        const child: Task = { a: left[i], b: right[i], at: { key: i, parent: at } };
        if (i >= right.length) child.only = 'removed';
        else if (i >= left.length) child.only = 'added';
        next.push(child);
      }
    } else {
      const left = a as Record<string, unknown>;
      const right = b as Record<string, unknown>;
      for (const key of Object.keys(left)) {
        const child: Task = { a: left[key], b: right[key], at: { key, parent: at } };
        if (!Object.hasOwn(right, key)) child.only = 'removed';
        next.push(child);
      }
      for (const key of Object.keys(right)) {
        if (!Object.hasOwn(left, key))
          next.push({ a: undefined, b: right[key], at: { key, parent: at }, only: 'added' });
      }
    }
    for (let i = next.length - 1; i >= 0; i--) {
      const child = next[i];
      if (child) stack.push(child);
    }
  }
  return { entries, counts };
}

/** Two payloads' diff; a payload that is not JSON is compared as one string at `$`. */
export type PayloadDiff = JsonDiff & { asText: { before: boolean; after: boolean } };

function parseOrText(text: string): { value: unknown; asText: boolean } {
  try {
    return { value: parseJson(text), asText: false };
  } catch {
    return { value: text, asText: true };
  }
}

export function diffPayloads(before: string, after: string, limit = DIFF_LIMIT): PayloadDiff {
  const a = parseOrText(before);
  const b = parseOrText(after);
  return { ...diffJson(a.value, b.value, limit), asText: { before: a.asText, after: b.asText } };
}
