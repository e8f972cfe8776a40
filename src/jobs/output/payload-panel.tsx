import { Suspense, useId, useMemo, useState, type ReactNode } from 'react';
import { formatBytes } from '../../lib/format.ts';
import type { JsonPath } from '../../lib/json/json-model.ts';
import { parseJsonPath } from '../../lib/json/json-path.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { downloadText, safeFileName } from '../../ui/download.ts';
import { LargeText } from '../../ui/large-text.tsx';
import { chooseViews, VIEW_LABELS, type ViewName } from './choose-views.ts';
import { ContentView } from './content-view.tsx';
import { PanelFrame } from './panel-frame.tsx';
import { ResultView } from './result-view.tsx';
import { TemplateView } from './template-view.tsx';
import { LazyJsonTree } from './lazy-json-tree.tsx';
import { LinkNotice } from './link-notice.tsx';
import { usePayload } from './use-payload.ts';
import { useShortcuts } from '../../ui/shortcuts.ts';

type PayloadPanelProps = {
  title: string;
  text: string;
  /** The downloaded file's name without extension (made safe here). */
  fileBase: string;
  /** Outputs get views by their kind (Result, Preview, Template); inputs are shown as they are. */
  isOutput?: boolean;
  /** A fixed-height body (the output's: the page below it never moves when it comes or changes). */
  reserve?: boolean;
  /** The job's input, where the Result view looks for extracted values. */
  inputText?: string;
  /** The app's address of one value ("Copy link"). */
  linkTo?: (path: JsonPath) => string;
  /** A JSONPath from a link: the value to open the tree to. */
  link?: string | null;
};

/** A job's input or output: its views (by kind), the JSON tree, raw text; copy, download and size. */
export function PayloadPanel({
  title,
  text,
  fileBase,
  isOutput = false,
  reserve = false,
  inputText,
  linkTo,
  link = null,
}: PayloadPanelProps) {
  const headingId = useId();
  const target = useMemo(() => (link === null ? null : parseJsonPath(link)), [link]);
  const current = usePayload(text, isOutput, target);
  const [chosen, setChosen] = useState<ViewName | null>(null);
  const [wrap, setWrap] = useState(true);
  const [noticeShown, setNoticeShown] = useState(true);

  const isJson = current?.outcome.kind === 'json';
  const { views, first } = chooseViews(isJson, current?.shape);
  // A link opens the tree at its value; a view picked here wins over both.
  const view: ViewName =
    chosen && views.includes(chosen) ? chosen : current?.found ? 'json' : first;
  // The job page's r: the output between its raw text and its first view.
  useShortcuts(
    { r: () => setChosen(view === 'raw' ? first : 'raw') },
    isOutput && views.includes('raw'),
  );

  function download() {
    downloadText(
      text,
      safeFileName(fileBase, isJson ? 'json' : 'txt'),
      isJson ? 'application/json' : 'text/plain',
    );
  }

  let linkProblem = '';
  if (link !== null && !target) {
    linkProblem = `The link points to “${link.slice(0, 200)}”, which is not a path to one value. Showing the whole output.`;
  } else if (link !== null && current && !current.found) {
    linkProblem = `The link points to ${link.slice(0, 200)}, which is not in this output. Showing the whole output.`;
  }

  const fill = reserve ? 'min-h-0 flex-1 overflow-auto' : undefined;
  let body: ReactNode;
  if (!current) {
    body = (
      <p className="text-sm text-muted" aria-busy="true">
        Reading {formatBytes(text.length)}…
      </p>
    );
  } else if (current.outcome.kind === 'text' || view === 'raw') {
    body = <LargeText text={text} wrap={wrap} onDownload={download} fill={reserve} />;
  } else if (view === 'result' && current.shape?.kind === 'extraction') {
    body = (
      <div className={fill} tabIndex={0}>
        <ResultView shape={current.shape} inputText={inputText} linkTo={linkTo} />
      </div>
    );
  } else if (view === 'preview' && current.shape?.kind === 'content') {
    body = (
      <div className={fill} tabIndex={0}>
        <ContentView shape={current.shape} />
      </div>
    );
  } else if (view === 'template' && current.shape?.kind === 'template') {
    body = (
      <div className={fill} tabIndex={0}>
        <TemplateView shape={current.shape} />
      </div>
    );
  } else {
    body = (
      <Suspense fallback={<p className="text-sm text-muted">Loading the viewer…</p>}>
        <LazyJsonTree
          doc={current.outcome.doc}
          label={title}
          initiallyExpanded={current.expanded}
          target={current.found}
          linkTo={linkTo}
          fill={reserve}
        />
      </Suspense>
    );
  }

  return (
    <PanelFrame
      title={title}
      headingId={headingId}
      reserve={reserve}
      detail={current && `${formatBytes(current.outcome.bytes)} · ${isJson ? 'JSON' : 'text'}`}
      actions={
        <>
          {views.length > 0 && (
            <div role="group" aria-label={`${title} views`} className="flex flex-wrap gap-2">
              {views.map((name) => (
                <button
                  key={name}
                  type="button"
                  className={buttonClass}
                  aria-pressed={view === name}
                  onClick={() => setChosen(name)}
                >
                  {VIEW_LABELS[name]}
                </button>
              ))}
            </div>
          )}
          {current && (!isJson || view === 'raw') && (
            <button
              type="button"
              className={buttonClass}
              aria-pressed={wrap}
              onClick={() => setWrap(!wrap)}
            >
              Wrap
            </button>
          )}
          <CopyButton value={text} label={`Copy ${title.toLowerCase()}`} />
          <button type="button" className={buttonClass} onClick={download}>
            Download
          </button>
        </>
      }
    >
      {linkProblem && noticeShown && (
        <LinkNotice message={linkProblem} onDismiss={() => setNoticeShown(false)} />
      )}
      {body}
    </PanelFrame>
  );
}
