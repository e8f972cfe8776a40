import { lazy, Suspense, useEffect, useId, useState, type ReactNode } from 'react';
import { formatBytes, formatNumber } from '../lib/format.ts';
import { buttonClass } from './button-styles.ts';
import { CopyButton } from './copy-button.tsx';
import { downloadText, safeFileName } from './download.ts';
import { LargeText } from './large-text.tsx';
import { parseJsonText, type JsonDoc, type ParseOutcome } from './json-viewer/json-doc.ts';
import type { JsonTree as JsonTreeComponent } from './json-viewer/json-tree.tsx';
import {
  isContainer,
  mightBeJson,
  pathKey,
  type ChildPage,
  type Summary,
} from '../lib/json/json-model.ts';
import { useShortcuts } from './shortcuts.ts';

// The tree is only needed once a payload is showing: it stays out of every other page's bundle.
// Once its code is here it renders directly: a lazy component's first render suspends, and React
// holds a suspended boundary's reveal back for up to 300 ms.
let loadedTree: typeof JsonTreeComponent | null = null;
const loadTree = () =>
  import('./json-viewer/json-tree.tsx').then((module) => {
    loadedTree = module.JsonTree;
    return module;
  });

/** Loads the tree viewer's code ahead of need (a running job's output is coming). */
export function preloadJsonViewer(): void {
  void loadTree();
}

const LazyJsonTree = lazy(() => loadTree().then((module) => ({ default: module.JsonTree })));

type Tokens = Partial<Record<'inputTokens' | 'outputTokens' | 'totalTokens' | 'logprobs', number>>;

/** How an output is presented, from its shape (not its job type: the contract keeps that open). */
type Shape =
  | { kind: 'tree'; expanded: Set<string>; tokens?: Tokens }
  | { kind: 'markdown'; result: string; thinkingTrace?: string };

type Prepared = { outcome: ParseOutcome; shape?: Shape };

const TOKEN_KEYS = ['inputTokens', 'outputTokens', 'totalTokens', 'logprobs'] as const;

function summaryOf(page: ChildPage | undefined, key: string): Summary | undefined {
  return page?.entries.find((entry) => entry.key === key)?.summary;
}

async function fullString(doc: JsonDoc, key: string, summary: Summary | undefined) {
  if (summary?.type !== 'string') return undefined;
  return summary.value.length === summary.length ? summary.value : doc.text([key]);
}

/** Loads what the first view shows (the root's children, an extraction's result) before it renders. */
async function prepare(doc: JsonDoc, isOutput: boolean): Promise<Shape> {
  const expanded = new Set([pathKey([])]);
  if (!isContainer(doc.root)) return { kind: 'tree', expanded };
  const root = await doc.loadMore([]);
  if (!isOutput || doc.root.type !== 'object') return { kind: 'tree', expanded };
  const result = summaryOf(root, 'result');
  if (result?.type === 'string') {
    return {
      kind: 'markdown',
      result: (await fullString(doc, 'result', result)) ?? '',
      thinkingTrace: await fullString(doc, 'thinkingTrace', summaryOf(root, 'thinkingTrace')),
    };
  }
  const tokens: Tokens = {};
  for (const key of TOKEN_KEYS) {
    const summary = summaryOf(root, key);
    if (summary?.type === 'number') tokens[key] = summary.value;
  }
  if (result && isContainer(result)) {
    await doc.loadMore(['result']);
    expanded.add(pathKey(['result']));
  }
  return { kind: 'tree', expanded, tokens: Object.keys(tokens).length ? tokens : undefined };
}

// The output's body always takes this height, whatever it holds (the promise of an output, "Reading…",
// a tree of three keys or of thousands) and scrolls inside: nothing below it moves when it arrives.
const RESERVED_BODY = 'flex h-[min(60vh,30rem)] flex-col';

type PanelFrameProps = {
  title: string;
  headingId: string;
  /** Beside the title: size and kind. */
  detail?: ReactNode;
  actions?: ReactNode;
  reserve: boolean;
  children: ReactNode;
};

function PanelFrame({ title, headingId, detail, actions, reserve, children }: PanelFrameProps) {
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      {/* At least a button's height: the row is as tall before its buttons come as after. */}
      <div className="mb-3 flex min-h-8.5 flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        <span className="text-xs text-slate-600 dark:text-slate-300">{detail}</span>
        <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div>
      </div>
      {reserve ? <div className={RESERVED_BODY}>{children}</div> : children}
    </section>
  );
}

/** Where a job's output will be, at the size it will take, until there is one. */
export function PayloadPlaceholder({ title, message }: { title: string; message: string }) {
  const headingId = useId();
  return (
    <PanelFrame title={title} headingId={headingId} reserve>
      <p className="flex flex-1 items-center justify-center rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
        {message}
      </p>
    </PanelFrame>
  );
}

type PayloadPanelProps = {
  title: string;
  text: string;
  /** The downloaded file's name without extension (made safe here). */
  fileBase: string;
  /** Outputs get the extraction / markdown presentations; inputs are shown as they are. */
  isOutput?: boolean;
  /** A fixed-height body (the output's: the page below it never moves when it comes or changes). */
  reserve?: boolean;
};

/** A job's input or output: a JSON tree, raw text, or plain text, with copy, download and size. */
export function PayloadPanel({
  title,
  text,
  fileBase,
  isOutput = false,
  reserve = false,
}: PayloadPanelProps) {
  const headingId = useId();
  const [prepared, setPrepared] = useState<{ text: string; value: Prepared } | null>(null);
  const [raw, setRaw] = useState(false);
  const [wrap, setWrap] = useState(true);
  const current = prepared?.text === text ? prepared.value : undefined;

  // Parsing runs off the main thread for large text; a newer text (or leaving) discards the old work.
  useEffect(() => {
    const controller = new AbortController();
    let doc: JsonDoc | undefined;
    // Fetch the viewer's code while the text is parsed, not after.
    const code = mightBeJson(text) ? loadTree().catch(() => undefined) : undefined;
    void (async () => {
      const outcome = await parseJsonText(text, controller.signal);
      if (outcome.kind === 'json') doc = outcome.doc;
      if (controller.signal.aborted) return;
      const shape = outcome.kind === 'json' ? await prepare(outcome.doc, isOutput) : undefined;
      await code;
      if (controller.signal.aborted) return;
      setPrepared({ text, value: { outcome, shape } });
    })().catch(() => {
      if (!controller.signal.aborted) {
        setPrepared({
          text,
          value: { outcome: { kind: 'text', reason: 'unreadable', bytes: text.length } },
        });
      }
    });
    return () => {
      controller.abort();
      doc?.dispose();
    };
  }, [text, isOutput]);

  const isJson = current?.outcome.kind === 'json';
  // Offered from the start when the text looks like JSON (the usual case), so no button moves later.
  const offersRaw = current ? isJson : mightBeJson(text);
  const JsonTree = loadedTree ?? LazyJsonTree;
  // The job page's r: the output between its tree and its raw text.
  useShortcuts({ r: () => setRaw((was) => !was) }, isOutput && offersRaw && !!current);
  const showingText = !!current && (!isJson || raw || current.shape?.kind === 'markdown');

  function download() {
    const json = isJson;
    downloadText(
      text,
      safeFileName(fileBase, json ? 'json' : 'txt'),
      json ? 'application/json' : 'text/plain',
    );
  }

  let body: ReactNode;
  if (!current) {
    body = (
      <p className="text-sm text-slate-600 dark:text-slate-300" aria-busy="true">
        Reading {formatBytes(text.length)}…
      </p>
    );
  } else if (current.outcome.kind === 'text' || raw) {
    body = <LargeText text={text} wrap={wrap} onDownload={download} fill={reserve} />;
  } else if (current.shape?.kind === 'markdown') {
    body = (
      <div className={reserve ? 'min-h-0 flex-1 overflow-auto' : undefined}>
        <MarkdownOutput
          result={current.shape.result}
          trace={current.shape.thinkingTrace}
          wrap={wrap}
        />
      </div>
    );
  } else {
    const shape = current.shape;
    body = (
      <>
        {shape?.tokens && <TokenSummary tokens={shape.tokens} />}
        <Suspense
          fallback={
            <p className="text-sm text-slate-600 dark:text-slate-300">Loading the viewer…</p>
          }
        >
          <JsonTree
            doc={current.outcome.doc}
            label={title}
            initiallyExpanded={shape?.expanded}
            fill={reserve}
          />
        </Suspense>
      </>
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
          {offersRaw && (
            <button
              type="button"
              className={buttonClass}
              aria-pressed={raw}
              disabled={!current}
              onClick={() => setRaw(!raw)}
            >
              Raw
            </button>
          )}
          {showingText && (
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
      {body}
    </PanelFrame>
  );
}

type TokenSummaryProps = { tokens: Tokens };

function TokenSummary({ tokens }: TokenSummaryProps) {
  const parts: [string, number | undefined][] = [
    ['Input tokens', tokens.inputTokens],
    ['Output tokens', tokens.outputTokens],
    ['Total tokens', tokens.totalTokens],
    ['Log probability', tokens.logprobs],
  ];
  return (
    <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="Token usage">
      {parts.map(([label, value]) =>
        value === undefined ? null : (
          <div key={label} className="flex gap-1.5">
            <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
            <dd className="font-medium tabular-nums">{formatNumber(value)}</dd>
          </div>
        ),
      )}
    </dl>
  );
}

type MarkdownOutputProps = { result: string; trace: string | undefined; wrap: boolean };

/** Markdown is shown as its text: rendering it could run markup from the job's data. */
function MarkdownOutput({ result, trace, wrap }: MarkdownOutputProps) {
  return (
    <div className="space-y-3">
      <div>
        <h3 className="mb-1 text-sm font-medium text-slate-600 dark:text-slate-300">
          Result (markdown)
        </h3>
        <LargeText text={result} wrap={wrap} />
      </div>
      {trace !== undefined && (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-slate-600 dark:text-slate-300">
            Thinking trace
          </summary>
          <div className="mt-1">
            <LargeText text={trace} wrap={wrap} />
          </div>
        </details>
      )}
    </div>
  );
}
