import { lazy, Suspense } from 'react';
import { formatNumber } from '../../lib/format.ts';
import type { OutputShape } from '../../lib/json/output-shape.ts';
import { OutputNotes } from './output-notes.tsx';
import { OutputSummary } from './output-summary.tsx';

const MarkdownPreview = lazy(() =>
  import('./markdown-preview.tsx').then((module) => ({ default: module.MarkdownPreview })),
);

type ContentViewProps = { shape: Extract<OutputShape, { kind: 'content' }> };

/** A content extraction: its markdown drawn as a document (the start of it, when it is huge). */
export function ContentView({ shape }: ContentViewProps) {
  const { markdown } = shape;
  return (
    <div>
      <OutputSummary facts={shape.facts} />
      <OutputNotes facts={shape.facts} />
      {markdown.length > markdown.text.length && (
        <p className="mb-2 text-sm text-muted">
          The first {formatNumber(markdown.text.length)} of {formatNumber(markdown.length)}{' '}
          characters are shown: Raw and Download have all of it.
        </p>
      )}
      <Suspense fallback={<p className="text-sm text-muted">Loading the preview…</p>}>
        <MarkdownPreview markdown={markdown.text} />
      </Suspense>
    </div>
  );
}
