import { useMemo } from 'react';
import { pathKey, type JsonPath } from '../../lib/json/json-model.ts';
import type { OutputShape } from '../../lib/json/output-shape.ts';
import { documentText } from './document-text.ts';
import { OutputNotes } from './output-notes.tsx';
import { OutputSummary } from './output-summary.tsx';
import { ResultLeaf } from './result-leaf.tsx';
import { ResultTable } from './result-table.tsx';

type ResultViewProps = {
  shape: Extract<OutputShape, { kind: 'extraction' }>;
  /** The job's input, where extracted values are looked for. */
  inputText: string | undefined;
  linkTo?: (path: JsonPath) => string;
};

/** A structured extraction read as what was extracted: every value with its path, tables for lists. */
export function ResultView({ shape, inputText, linkTo }: ResultViewProps) {
  const source = useMemo(
    () => (inputText === undefined ? null : documentText(inputText)),
    [inputText],
  );
  const { items, truncated } = shape.outline;
  return (
    <div>
      <OutputSummary facts={shape.facts} />
      <OutputNotes facts={shape.facts} />
      {source !== null && (
        <p className="text-xs text-muted">
          Each value is looked for in the input; values marked * or “Not found in the input” are not
          in it, as written.
        </p>
      )}
      <ul aria-label="Extracted values" className="divide-y divide-line">
        {items.map((item) =>
          item.kind === 'leaf' ? (
            <ResultLeaf
              key={pathKey(item.path)}
              path={item.path}
              summary={item.summary}
              source={source}
              linkTo={linkTo}
            />
          ) : (
            <ResultTable key={pathKey(item.path)} table={item} source={source} linkTo={linkTo} />
          ),
        )}
      </ul>
      {truncated && (
        <p className="mt-2 text-sm text-muted">The result goes on: JSON and Raw show all of it.</p>
      )}
    </div>
  );
}
