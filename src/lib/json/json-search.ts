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

/** The text a leaf is matched by, or null for containers and for leaves that cannot hold the query. */
type Matcher = (value: unknown) => boolean;

function leafMatcher(needle: string): Matcher {
  // Numbers, booleans and null are spelled with few characters: most queries cannot match them, and
  // skipping them saves turning a hundred thousand numbers into text.
  const numeric = /^[-+0-9.e]+$/.test(needle);
  const literal = (word: string) => word.includes(needle);
  return (value) => {
    if (typeof value === 'string') return value.toLowerCase().includes(needle);
    if (value instanceof RawNumber) return numeric && value.source.toLowerCase().includes(needle);
    if (typeof value === 'number') return numeric && String(value).toLowerCase().includes(needle);
    if (typeof value === 'boolean') return literal(String(value));
    return value === null && literal('null');
  };
}

function isLeaf(value: unknown): boolean {
  return typeof value !== 'object' || value === null || value instanceof RawNumber;
}

type Frame = { value: object; path: JsonPath; at: number[]; keys: string[] | null; next: number };

function frame(value: object, path: JsonPath, at: number[]): Frame {
  return { value, path, at, keys: Array.isArray(value) ? null : orderedKeys(value, path), next: 0 };
}

/**
 * Keys and values containing `query`, ignoring case, depth first in the tree's order. Counts every
 * match, keeps the first `limit`. Values deeper than the tree opens are not searched.
 */
export function searchJson(root: unknown, query: string, limit: number): SearchResult {
  const needle = query.toLowerCase();
  const matches: Located[] = [];
  let total = 0;
  if (!needle) return { total, matches };
  const leafMatches = leafMatcher(needle);
  if (isLeaf(root)) {
    if (leafMatches(root)) matches.push({ path: [], at: [] });
    return { total: matches.length, matches };
  }
  const stack: Frame[] = [frame(root as object, [], [])];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top) break;
    const count = top.keys ? top.keys.length : (top.value as unknown[]).length;
    if (top.next >= count) {
      stack.pop();
      continue;
    }
    const index = top.next++;
    const key = top.keys ? (top.keys[index] ?? '') : index;
    // Keys come from Object.keys (own keys only), so plain indexing is safe here.
    const value = (top.value as Record<string | number, unknown>)[key];
    const leaf = isLeaf(value);
    const hit =
      (typeof key === 'string' && key.toLowerCase().includes(needle)) ||
      (leaf && leafMatches(value));
    // Paths are made only for matches and for containers the walk enters.
    if (hit) {
      total++;
      if (matches.length < limit)
        matches.push({ path: [...top.path, key], at: [...top.at, index] });
    }
    if (!leaf && top.path.length + 1 < MAX_TREE_DEPTH) {
      stack.push(frame(value as object, [...top.path, key], [...top.at, index]));
    }
  }
  return { total, matches };
}
