import { memo, useEffect, useMemo, useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { buttonClass } from '../button-styles.ts';
import { linkHost, linkText, safeHttpUrl } from '../safe-url.ts';
import type { JsonDoc } from './json-doc.ts';
import {
  EXPAND_ALL_BUDGET,
  isContainer,
  MAX_TREE_DEPTH,
  PAGE_SIZE,
  pathKey,
  type ChildPage,
  type JsonKey,
  type JsonPath,
  type Summary,
} from '../../lib/json/json-model.ts';

/** Inline string values are cut here; the rest is one click (or a copy) away. */
const INLINE_CHARS = 300;
/** Past this depth rows stop moving right, so deep nesting stays readable on a phone. */
const MAX_INDENT_DEPTH = 16;

type CopyNotice = (message: string) => void;

type JsonTreeProps = {
  doc: JsonDoc;
  /** Names the tree for assistive technology, e.g. "Output". */
  label: string;
  /** Paths (pathKey) open at first; by default only the root. */
  initiallyExpanded?: ReadonlySet<string>;
  /** Fill a fixed-height flex column (scrolling inside) instead of growing up to 70% of the screen. */
  fill?: boolean;
};

/** A collapsible JSON tree that renders only what is open, a page of children at a time. */
export function JsonTree({ doc, label, initiallyExpanded, fill = false }: JsonTreeProps) {
  // Expand all / collapse all replace every node's own state: a new generation remounts the rows.
  const [view, setView] = useState(() => ({
    generation: 0,
    expanded: initiallyExpanded ?? new Set([pathKey([])]),
    note: '',
  }));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 2000);
    return () => clearTimeout(timer);
  }, [notice]);

  async function expandAll() {
    setBusy(true);
    try {
      const { expanded, truncated } = await doc.expandAll();
      setView((v) => ({
        generation: v.generation + 1,
        expanded,
        note: truncated
          ? `Opened what fits (up to ${formatNumber(EXPAND_ALL_BUDGET)} rows, ${MAX_TREE_DEPTH} levels deep); open the rest one by one.`
          : '',
      }));
    } catch {
      setNotice('Could not expand this document.');
    } finally {
      setBusy(false);
    }
  }

  function collapseAll() {
    setView((v) => ({ generation: v.generation + 1, expanded: new Set(), note: '' }));
  }

  return (
    <div className={fill ? 'flex min-h-0 flex-1 flex-col' : undefined}>
      {isContainer(doc.root) && (
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={buttonClass}
            onClick={() => void expandAll()}
            disabled={busy}
          >
            Expand all
          </button>
          <button type="button" className={buttonClass} onClick={collapseAll}>
            Collapse all
          </button>
          {view.note && (
            <span className="text-xs text-slate-600 dark:text-slate-300">{view.note}</span>
          )}
        </div>
      )}
      <ul
        key={view.generation}
        aria-label={`${label} as a tree`}
        className={`${fill ? 'min-h-0 flex-1' : 'max-h-[70vh]'} overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs leading-5 dark:bg-slate-950`}
      >
        <JsonNode
          doc={doc}
          path={ROOT}
          name={null}
          summary={doc.root}
          depth={0}
          expanded={view.expanded}
          onNotice={setNotice}
        />
      </ul>
      <p aria-live="polite" className="sr-only">
        {notice}
      </p>
      {notice && (
        <p aria-hidden="true" className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {notice}
        </p>
      )}
    </div>
  );
}

const ROOT: JsonPath = [];

type JsonNodeProps = {
  doc: JsonDoc;
  path: JsonPath;
  name: JsonKey | null;
  summary: Summary;
  depth: number;
  expanded: ReadonlySet<string>;
  onNotice: CopyNotice;
};

const JsonNode = memo(function JsonNode({
  doc,
  path,
  name,
  summary,
  depth,
  expanded,
  onNotice,
}: JsonNodeProps) {
  // Past MAX_TREE_DEPTH a container is summarised only: nesting the DOM deeper can crash the tab.
  const tooDeep = depth >= MAX_TREE_DEPTH;
  const container = isContainer(summary) && summary.count > 0 && !tooDeep;
  const [open, setOpen] = useState(() => container && expanded.has(pathKey(path)));
  const [page, setPage] = useState<ChildPage | undefined>(() => doc.cached(path));
  const [failed, setFailed] = useState(false);

  // Opening a node whose children are not loaded yet fetches the first page.
  const needsPage = open && container && !page;
  useEffect(() => {
    if (!needsPage) return;
    let live = true;
    doc.loadMore(path).then(
      (loaded) => live && setPage(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [needsPage, doc, path]);

  const childPaths = useMemo(
    () => page?.entries.map((entry) => [...path, entry.key] as JsonPath) ?? [],
    [page, path],
  );

  function showMore() {
    doc.loadMore(path).then(setPage, () => setFailed(true));
  }

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      // The full value, not what the row shows of it.
      await navigator.clipboard.writeText(await doc.text(path));
      onNotice(name === null ? 'Copied the whole value.' : `Copied ${String(name)}.`);
    } catch {
      onNotice('Copy failed.');
    }
  }

  const nameText = name === null ? '' : typeof name === 'number' ? String(name) : name;
  const remaining = page ? page.total - page.entries.length : 0;

  return (
    <li>
      <div className="group flex min-w-0 items-start gap-1 rounded px-1 hover:bg-slate-200/60 dark:hover:bg-slate-800/60">
        {container ? (
          <button
            type="button"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${nameText || 'root'}`}
            onClick={() => setOpen(!open)}
            className="w-4 shrink-0 text-slate-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span className="min-w-0 break-words">
          {name !== null && (
            <>
              <span
                className={
                  typeof name === 'number'
                    ? 'text-slate-500 dark:text-slate-400'
                    : 'text-violet-800 dark:text-violet-300'
                }
              >
                {nameText.length > INLINE_CHARS ? `${nameText.slice(0, INLINE_CHARS)}…` : nameText}
              </span>
              <span className="text-slate-500 dark:text-slate-400">: </span>
            </>
          )}
          <Value summary={summary} open={open} />
          {tooDeep && isContainer(summary) && summary.count > 0 && (
            <span className="text-slate-600 dark:text-slate-300">
              {' '}
              (nested too deep to open here: see Raw or Download)
            </span>
          )}
        </span>
        <button
          type="button"
          onClick={() => void copy()}
          aria-label={
            name === null ? 'Copy the whole value' : `Copy value of ${nameText.slice(0, 80)}`
          }
          className="ml-auto shrink-0 rounded px-1 text-slate-500 dark:text-slate-400 opacity-0 group-hover:opacity-100 hover:bg-slate-300 hover:text-slate-900 focus:opacity-100 dark:hover:bg-slate-700 dark:hover:text-slate-100"
        >
          Copy
        </button>
      </div>
      {open && container && (
        <ul
          className={
            depth < MAX_INDENT_DEPTH
              ? 'ml-2 border-l border-slate-200 pl-2 dark:border-slate-800'
              : ''
          }
        >
          {!page && !failed && (
            <li className="pl-5 text-slate-500 dark:text-slate-400">Loading…</li>
          )}
          {failed && (
            <li className="pl-5 text-rose-700 dark:text-rose-300">Could not load this part.</li>
          )}
          {page?.entries.map((entry, i) => (
            <JsonNode
              key={String(entry.key)}
              doc={doc}
              path={childPaths[i] ?? ROOT}
              name={entry.key}
              summary={entry.summary}
              depth={depth + 1}
              expanded={expanded}
              onNotice={onNotice}
            />
          ))}
          {remaining > 0 && (
            <li className="pl-5">
              <button
                type="button"
                onClick={showMore}
                className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              >
                Show {formatNumber(Math.min(PAGE_SIZE, remaining))} more ({formatNumber(remaining)}{' '}
                not shown)
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
});

type ValueProps = { summary: Summary; open: boolean };

function Value({ summary, open }: ValueProps) {
  switch (summary.type) {
    case 'object':
    case 'array': {
      const [start, end] = summary.type === 'object' ? ['{', '}'] : ['[', ']'];
      const unit =
        summary.type === 'object'
          ? summary.count === 1
            ? 'key'
            : 'keys'
          : summary.count === 1
            ? 'item'
            : 'items';
      return (
        <span className="text-slate-500 dark:text-slate-400">
          {summary.count === 0 ? `${start}${end}` : open ? start : `${start}…${end}`}{' '}
          <span className="italic">
            {formatNumber(summary.count)} {unit}
          </span>
        </span>
      );
    }
    case 'string':
      return <StringValue value={summary.value} length={summary.length} />;
    case 'number':
      return (
        <span className="text-sky-800 dark:text-sky-300">
          {summary.source ?? String(summary.value)}
        </span>
      );
    case 'boolean':
      return <span className="text-amber-800 dark:text-amber-300">{String(summary.value)}</span>;
    case 'null':
      return <span className="text-slate-500 dark:text-slate-400">null</span>;
  }
}

type StringValueProps = { value: string; length: number };

function StringValue({ value, length }: StringValueProps) {
  const [more, setMore] = useState(false);
  const complete = value.length === length;
  const href = complete ? safeHttpUrl(value) : null;
  const whole = href ? linkText(value) : value;
  const shown = more || whole.length <= INLINE_CHARS ? whole : whole.slice(0, INLINE_CHARS);
  // A link is whole (complete): only its own text, less the controls taken out, can be longer.
  const cut = shown.length < (href ? whole.length : length);
  const text = (
    <>
      “{shown}
      {cut ? '…' : '”'}
    </>
  );
  return (
    <>
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-emerald-800 underline dark:text-emerald-300"
        >
          {text}
          {/* Where it goes, whatever the text says. */}
          <span className="text-slate-500 dark:text-slate-400"> ({linkHost(href)})</span>
        </a>
      ) : (
        <span className="text-emerald-800 dark:text-emerald-300">{text}</span>
      )}
      {cut && (
        <>
          {' '}
          <span className="text-slate-500 dark:text-slate-400">
            ({formatNumber(length)} characters)
          </span>
          {!more && value.length > INLINE_CHARS && (
            <>
              {' '}
              <button
                type="button"
                onClick={() => setMore(true)}
                className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
              >
                more
              </button>
            </>
          )}
        </>
      )}
    </>
  );
}
