import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import type { Occurrence } from '../../lib/find-occurrence.ts';
import { linkButtonClass } from './copy-text-button.tsx';

/** Around an occurrence in a long document, this much text is shown on each side. */
const CONTEXT_CHARS = 4_000;

type InputExcerptProps = { source: string; occurrences: Occurrence[] };

/** The input document at one occurrence of a value, scrolled to it and marked; steps to the next. */
export function InputExcerpt({ source, occurrences }: InputExcerptProps) {
  const [index, setIndex] = useState(0);
  const mark = useRef<HTMLElement>(null);
  const occurrence = occurrences[index] ?? occurrences[0];

  useEffect(() => {
    mark.current?.scrollIntoView?.({ block: 'center' });
  }, [index]);

  if (!occurrence) return null;
  const from =
    source.length <= CONTEXT_CHARS * 3 ? 0 : Math.max(0, occurrence.start - CONTEXT_CHARS);
  const to =
    source.length <= CONTEXT_CHARS * 3
      ? source.length
      : Math.min(source.length, occurrence.end + CONTEXT_CHARS);
  const count = occurrences.length;
  return (
    <div role="region" aria-label="Input document" className="mt-1">
      <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
        <span>
          In the input{count > 1 ? `, ${formatNumber(index + 1)} of ${formatNumber(count)}` : ''}
          {occurrence.exact ? '' : ' (ignoring case and spacing)'}
        </span>
        {count > 1 && (
          <button
            type="button"
            className={linkButtonClass}
            onClick={() => setIndex((index + 1) % count)}
          >
            Next occurrence
          </button>
        )}
      </p>
      <div
        tabIndex={0}
        style={{ maxHeight: '12rem' }}
        className="overflow-auto rounded-md bg-page p-2 font-mono text-xs leading-5 whitespace-pre-wrap break-words"
      >
        {from > 0 && '…'}
        {source.slice(from, occurrence.start)}
        <mark ref={mark}>{source.slice(occurrence.start, occurrence.end)}</mark>
        {source.slice(occurrence.end, to)}
        {to < source.length && '…'}
      </div>
    </div>
  );
}
