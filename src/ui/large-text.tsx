import { useEffect, useMemo, useState } from 'react';
import { formatNumber } from '../lib/format.ts';
import { buttonClass } from './button-styles.ts';
import { cn } from './cn.ts';

/** More than this is shown as a preview first; "Show all" renders the rest in pieces. */
export const PREVIEW_CHARS = 100_000;
const CHUNK_CHARS = 64_000;
const CHUNKS_PER_STEP = 4;

/** Splits text into pieces of about `size`, at a line end when one is near, never inside a surrogate pair. */
export function splitChunks(text: string, size = CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end);
      if (newline > start + size * 0.75) end = newline + 1;
      else {
        const c = text.charCodeAt(end - 1);
        if (c >= 0xd800 && c <= 0xdbff) end -= 1;
      }
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

function textClass(wrap: boolean): string {
  return cn(
    'font-mono text-xs leading-5',
    wrap ? 'whitespace-pre-wrap break-words' : 'whitespace-pre',
  );
}

type LargeTextProps = {
  text: string;
  wrap: boolean;
  /** Offered next to the preview of a huge text, as the other way to see all of it. */
  onDownload?: () => void;
  /** Fill a fixed-height flex column (scrolling inside) instead of growing up to 70% of the screen. */
  fill?: boolean;
};

/**
 * Text of any size without freezing the page: a preview first, then (on request) the whole text in
 * pieces of separate blocks, added a few per frame and laid out only when scrolled into view.
 */
export function LargeText({ text, wrap, onDownload, fill = false }: LargeTextProps) {
  const [showAll, setShowAll] = useState(false);
  const frame = cn(
    fill ? 'min-h-0 flex-1' : 'max-h-[70vh]',
    'overflow-auto rounded-md bg-page p-3',
    textClass(wrap),
  );
  if (text.length <= PREVIEW_CHARS) {
    return (
      <div className={frame} tabIndex={0}>
        {text}
      </div>
    );
  }
  return (
    <div className={fill ? 'flex min-h-0 flex-1 flex-col' : undefined}>
      {showAll ? (
        <ChunkedText text={text} className={frame} />
      ) : (
        <div className={frame} tabIndex={0}>
          {text.slice(0, PREVIEW_CHARS)}
        </div>
      )}
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted">
        {showAll
          ? `Showing all ${formatNumber(text.length)} characters.`
          : `Showing the first ${formatNumber(PREVIEW_CHARS)} of ${formatNumber(text.length)} characters.`}
        {!showAll && (
          <button type="button" className={buttonClass} onClick={() => setShowAll(true)}>
            Show all
          </button>
        )}
        {onDownload && (
          <button type="button" className={buttonClass} onClick={onDownload}>
            Download
          </button>
        )}
      </p>
    </div>
  );
}

type ChunkedTextProps = { text: string; className: string };

function ChunkedText({ text, className }: ChunkedTextProps) {
  const chunks = useMemo(() => splitChunks(text), [text]);
  const [shown, setShown] = useState(CHUNKS_PER_STEP);
  useEffect(() => {
    if (shown >= chunks.length) return;
    const timer = setTimeout(() => setShown((n) => n + CHUNKS_PER_STEP), 16);
    return () => clearTimeout(timer);
  }, [shown, chunks.length]);
  return (
    <div className={className} tabIndex={0} aria-busy={shown < chunks.length}>
      {chunks.slice(0, shown).map((chunk, i) => (
        // Pieces never reorder, so the index is a stable key.
        <div key={i} className="[contain-intrinsic-size:auto_40rem] [content-visibility:auto]">
          {chunk}
        </div>
      ))}
    </div>
  );
}
