import { MAX_TREE_DEPTH, orderedKeys, own, RawNumber, type JsonPath } from './json-model.ts';

// Finding values in a parsed document, in the order the tree shows them. Both answers carry each step's
// position among its siblings (`at`), so the tree can load just the page of children holding it.

/** A value the tree can open to: its path, and each step's position in the tree's order. */
export type Located = { path: JsonPath; at: number[] };

export type SearchResult = { total: number; matches: Located[] };

/** Where `path` is, or null when the document has no such value (or the tree cannot open that deep). */
export function locate(root: unknown, path: JsonPath): Located | null {
  if (path.length >= MAX_TREE_DEPTH) return null;
  const at: number[] = [];
  let value = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (Array.isArray(value) && typeof key === 'number' && key < value.length) {
      at.push(key);
      value = value[key];
    } else if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      typeof key === 'string' &&
      Object.prototype.hasOwnProperty.call(value, key)
    ) {
      at.push(orderedKeys(value, path.slice(0, i)).indexOf(key));
      value = own(value, key);
    } else return null;
  }
  return { path, at };
}

function leafText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof RawNumber) return value.source;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return null;
}

type Frame = {
  value: object;
  path: JsonPath;
  at: number[];
  keys: (string | number)[];
  next: number;
};

function frame(value: object, path: JsonPath, at: number[]): Frame {
  const keys = Array.isArray(value)
    ? Array.from({ length: value.length }, (_, i) => i)
    : orderedKeys(value, path);
  return { value, path, at, keys, next: 0 };
}

/**
 * Keys and values containing `query`, ignoring case, depth first in the tree's order. Counts every
 * match, keeps the first `limit`. Values deeper than the tree opens are not searched.
 */
export function searchJson(root: unknown, query: string, limit: number): SearchResult {
  const needle = query.toLowerCase();
  const matches: Located[] = [];
  let total = 0;
  const hit = (path: JsonPath, at: number[]) => {
    total++;
    if (matches.length < limit) matches.push({ path, at });
  };
  if (!needle) return { total, matches };
  if (typeof root !== 'object' || root === null || root instanceof RawNumber) {
    const text = leafText(root);
    if (text !== null && text.toLowerCase().includes(needle)) hit([], []);
    return { total, matches };
  }
  const stack: Frame[] = [frame(root, [], [])];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top) break;
    if (top.next >= top.keys.length) {
      stack.pop();
      continue;
    }
    const index = top.next++;
    const key = top.keys[index] ?? 0;
    const value = typeof key === 'number' ? (top.value as unknown[])[key] : own(top.value, key);
    const path = [...top.path, key];
    const at = [...top.at, index];
    const text = leafText(value);
    const keyMatches = typeof key === 'string' && key.toLowerCase().includes(needle);
    if (keyMatches || (text !== null && text.toLowerCase().includes(needle))) hit(path, at);
    if (text === null && typeof value === 'object' && value !== null) {
      if (path.length < MAX_TREE_DEPTH) stack.push(frame(value, path, at));
    }
  }
  return { total, matches };
}
