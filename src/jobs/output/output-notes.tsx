import { formatNumber } from '../../lib/format.ts';
import type { OutputFacts } from '../../lib/json/output-shape.ts';
import { LargeText } from '../../ui/large-text.tsx';

type OutputNotesProps = { facts: OutputFacts };

/**
 * What an output says beside its result: a validation error (the result does not fit the template),
 * the model's reasoning (collapsed) and the examples it was shown.
 */
export function OutputNotes({ facts }: OutputNotesProps) {
  const { error, reasoning, examples } = facts;
  return (
    <>
      {error && (
        <div
          role="note"
          aria-label="Validation error"
          className="mb-3 rounded-lg border border-warn-line bg-warn-soft px-3 py-2 text-sm text-warn-ink"
        >
          <p className="font-semibold">
            The result does not fit the template{error.code ? `: ${error.code}` : ''}
          </p>
          {error.message && <p className="break-words">{error.message}</p>}
        </div>
      )}
      {reasoning && (
        <details className="mb-3">
          <summary className="cursor-pointer text-sm font-medium text-muted">Reasoning</summary>
          <div className="mt-1">
            <LargeText text={reasoning.text} wrap />
            {reasoning.length > reasoning.text.length && (
              <p className="mt-1 text-xs text-muted">
                The first {formatNumber(reasoning.text.length)} of {formatNumber(reasoning.length)}{' '}
                characters: JSON and Raw have all of it.
              </p>
            )}
          </div>
        </details>
      )}
      {examples.length > 0 && (
        <div className="mb-3 text-sm">
          <h3 className="font-medium text-muted">Selected examples</h3>
          <ul className="list-disc pl-5">
            {examples.map((example, i) => (
              <li key={i} className="break-words">
                {example.name ?? example.id ?? `Example ${i + 1}`}
                {example.similarity !== undefined &&
                  ` · similarity ${formatNumber(Math.round(example.similarity * 1000) / 1000)}`}
                {example.tokens !== undefined && ` · ${formatNumber(example.tokens)} tokens`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
