import { useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { pathKey, type JsonPath, type Summary } from '../../lib/json/json-model.ts';
import { relativeJsonPath } from '../../lib/json/json-path.ts';
import type { OutlineTable } from '../../lib/json/result-outline.ts';
import { cn } from '../../ui/cn.ts';
import { leafText } from './document-text.ts';
import { useOccurrences } from './use-occurrences.ts';
import { ValueActions } from './value-actions.tsx';

type ResultTableProps = {
  table: OutlineTable;
  source: string | null;
  linkTo?: (path: JsonPath) => string;
};

const RESULT: JsonPath = ['result'];

/** An array of flat objects (line items, people) as a small table; a cell picked shows its actions. */
export function ResultTable({ table, source, linkTo }: ResultTableProps) {
  const [picked, setPicked] = useState<{ row: number; column: number } | null>(null);
  const name = relativeJsonPath(table.path, RESULT);
  const pickedSummary = picked && table.rows[picked.row]?.[picked.column];
  const pickedPath =
    picked && pickedSummary
      ? [...table.path, picked.row, table.columns[picked.column] ?? '']
      : null;
  return (
    <li className="py-2">
      <div className="overflow-x-auto">
        <table className="text-left text-xs">
          <caption className="text-left font-mono break-all text-code-key">
            {name}
            <span className="text-muted">
              {' '}
              ({formatNumber(table.total)} {table.total === 1 ? 'item' : 'items'}
              {table.rows.length < table.total
                ? `, the first ${formatNumber(table.rows.length)} shown: JSON has all`
                : ''}
              )
            </span>
          </caption>
          <thead>
            <tr>
              <th className="px-2 py-1">#</th>
              {table.columns.map((column) => (
                <th key={column} className="px-2 py-1 font-mono">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {table.rows.map((cells, row) => (
              <tr key={row}>
                <th className="px-2 py-1 text-muted">{row}</th>
                {cells.map((cell, column) => (
                  <td key={column} className="px-2 py-1">
                    {cell && (
                      <Cell
                        summary={cell}
                        source={source}
                        pressed={picked?.row === row && picked.column === column}
                        onPick={() => setPicked({ row, column })}
                      />
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pickedPath && pickedSummary && (
        <PickedCell
          key={pathKey(pickedPath)}
          path={pickedPath}
          summary={pickedSummary}
          source={source}
          linkTo={linkTo}
        />
      )}
    </li>
  );
}

type CellProps = { summary: Summary; source: string | null; pressed: boolean; onPick(): void };

function Cell({ summary, source, pressed, onPick }: CellProps) {
  const occurrences = useOccurrences(source, summary);
  const { text, empty } = leafText(summary);
  const missing = occurrences?.length === 0;
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onPick}
      className={cn(
        'text-left hover:underline',
        pressed && 'bg-mark',
        empty && 'text-muted italic',
      )}
    >
      {empty ? `empty (${text})` : text}
      {missing && (
        <span className="text-warn">
          {' '}
          <span aria-hidden="true">*</span>
          <span className="sr-only">(not found in the input)</span>
        </span>
      )}
    </button>
  );
}

type PickedCellProps = {
  path: JsonPath;
  summary: Summary;
  source: string | null;
  linkTo?: (path: JsonPath) => string;
};

function PickedCell({ path, summary, source, linkTo }: PickedCellProps) {
  const occurrences = useOccurrences(source, summary);
  return (
    <div className="mt-1">
      <div className="font-mono text-xs break-all text-code-key">
        {relativeJsonPath(path, RESULT)}
      </div>
      <ValueActions path={path} source={source} occurrences={occurrences} linkTo={linkTo} />
    </div>
  );
}
