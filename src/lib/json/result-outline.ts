import { isContainer, own, summarize, type JsonPath, type Summary } from './json-model.ts';

// An extraction's `result` as rows a person reads: every leaf with its path, and arrays of flat objects
// (line items, people) as small tables. Capped, so a result of 50,000 line items costs a few hundred rows.

type OutlineLeaf = { kind: 'leaf'; path: JsonPath; summary: Summary };
export type OutlineTable = {
  kind: 'table';
  path: JsonPath;
  columns: string[];
  /** The first rows; each cell is the column's value, or null where that item has no such key. */
  rows: (Summary | null)[][];
  total: number;
};
export type Outline = { items: (OutlineLeaf | OutlineTable)[]; truncated: boolean };

/** Values shown (leaves plus table rows) before the outline stops. */
const OUTLINE_BUDGET = 600;
export const TABLE_ROWS = 25;
const TABLE_COLUMNS = 10;
/** Deeper containers are shown as one row ("{…} 3 keys"); the JSON view opens them. */
const OUTLINE_DEPTH = 40;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An array of objects whose values are all leaves (in the rows shown): drawn as a table. */
function tableColumns(value: unknown[]): string[] | null {
  if (value.length === 0) return null;
  const columns = new Set<string>();
  for (const item of value.slice(0, TABLE_ROWS)) {
    if (!isPlainObject(item)) return null;
    for (const key of Object.keys(item)) {
      if (isContainer(summarize(own(item, key)))) return null;
      columns.add(key);
    }
  }
  return columns.size > 0 && columns.size <= TABLE_COLUMNS ? [...columns] : null;
}

export function outlineResult(result: unknown, base: JsonPath): Outline {
  const items: Outline['items'] = [];
  let budget = OUTLINE_BUDGET;
  // Depth first in document order; an explicit stack, so deep nesting cannot overflow.
  const stack: { value: unknown; path: JsonPath }[] = [{ value: result, path: base }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() ?? { value: null, path: base };
    if (budget <= 0) return { items, truncated: true };
    const summary = summarize(value);
    if (
      !isContainer(summary) ||
      summary.count === 0 ||
      path.length - base.length >= OUTLINE_DEPTH
    ) {
      items.push({ kind: 'leaf', path, summary });
      budget--;
      continue;
    }
    if (Array.isArray(value)) {
      const columns = tableColumns(value);
      if (columns) {
        const rows = value.slice(0, Math.min(TABLE_ROWS, budget)).map((item) =>
          columns.map((column) => {
            const cell = own(item as object, column);
            return cell === undefined ? null : summarize(cell);
          }),
        );
        items.push({ kind: 'table', path, columns, rows, total: value.length });
        budget -= rows.length;
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i] });
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] ?? '';
        stack.push({ value: own(value, key), path: [...path, key] });
      }
    }
  }
  return { items, truncated: false };
}
