import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatNumber } from '../../lib/format.ts';
import { toJsonPath } from '../../lib/json/json-path.ts';
import {
  isContainer,
  MAX_TREE_DEPTH,
  PAGE_SIZE,
  pathKey,
  type JsonKey,
  type JsonPath,
  type Summary,
} from '../../lib/json/json-model.ts';
import { cn } from '../cn.ts';
import type { JsonDoc } from './json-doc.ts';
import { INLINE_CHARS, Value } from './json-value.tsx';

/** Past this depth rows stop moving right, so deep nesting stays readable on a phone. */
const MAX_INDENT_DEPTH = 16;

/** The value the tree was asked to show (a link, a search match): opened to, scrolled to, marked. */
export type TreeFocus = { key: string; ancestors: ReadonlySet<string>; seq: number };

export type NodeContext = {
  doc: JsonDoc;
  /** Paths (pathKey) open when first drawn. */
  expanded: ReadonlySet<string>;
  focus: TreeFocus | null;
  /** The app's address of a value, for "Copy link" (none: no such button). */
  linkTo?: (path: JsonPath) => string;
  onNotice: (message: string) => void;
};

type JsonNodeProps = {
  path: JsonPath;
  name: JsonKey | null;
  summary: Summary;
  depth: number;
  context: NodeContext;
};

type CopyWhat = 'value' | 'path' | 'link';

export const JsonNode = memo(function JsonNode({
  path,
  name,
  summary,
  depth,
  context,
}: JsonNodeProps) {
  const { doc, expanded, focus, linkTo, onNotice } = context;
  const key = useMemo(() => pathKey(path), [path]);
  // Past MAX_TREE_DEPTH a container is summarised only: nesting the DOM deeper can crash the tab.
  const tooDeep = depth >= MAX_TREE_DEPTH;
  const container = isContainer(summary) && summary.count > 0 && !tooDeep;
  const [open, setOpen] = useState(
    () => container && (expanded.has(key) || !!focus?.ancestors.has(key)),
  );
  const [seenFocus, setSeenFocus] = useState(focus?.seq);
  // A new focus opens the way to it (adjusting state while rendering, not in an effect).
  if (focus && focus.seq !== seenFocus) {
    setSeenFocus(focus.seq);
    if (container && !open && focus.ancestors.has(key)) setOpen(true);
  }
  // The loaded children live in the document's cache; `loads` re-renders once more arrive.
  const [loads, setLoads] = useState(0);
  const [failed, setFailed] = useState(false);
  const loaded = doc.cached(path);
  const focused = focus?.key === key;
  const row = useRef<HTMLDivElement>(null);
  // Each child's path is made once, so memoised children are not redrawn for a new array.
  const childPaths = useRef(new Map<JsonKey, JsonPath>());
  const childPath = (child: JsonKey) => {
    let made = childPaths.current.get(child);
    if (!made) childPaths.current.set(child, (made = [...path, child]));
    return made;
  };

  const needsPage = open && container && !loaded;
  useEffect(() => {
    if (!needsPage) return;
    let live = true;
    doc.loadPage(path, 0).then(
      () => live && setLoads((n) => n + 1),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [needsPage, doc, path]);

  useEffect(() => {
    if (focused) row.current?.scrollIntoView?.({ block: 'center' });
  }, [focused, focus?.seq]);

  function loadAt(offset: number) {
    doc.loadPage(path, offset).then(
      () => setLoads(loads + 1),
      () => setFailed(true),
    );
  }

  async function copy(what: CopyWhat) {
    const label = name === null ? 'the whole value' : String(name);
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      // The full value, not what the row shows of it.
      const text =
        what === 'value'
          ? await doc.text(path)
          : what === 'path'
            ? toJsonPath(path)
            : new URL(linkTo?.(path) ?? '', window.location.origin).href;
      await navigator.clipboard.writeText(text);
      onNotice(
        what === 'value'
          ? name === null
            ? 'Copied the whole value.'
            : `Copied ${label}.`
          : `Copied the ${what} of ${label}.`,
      );
    } catch {
      onNotice('Copy failed.');
    }
  }

  const nameText = name === null ? '' : String(name);
  const shortName = nameText.slice(0, 80) || 'root';
  const copyActions: { what: CopyWhat; text: string; label: string }[] = [
    {
      what: 'value',
      text: 'Copy',
      label: name === null ? 'Copy the whole value' : `Copy value of ${shortName}`,
    },
    { what: 'path', text: 'Copy path', label: `Copy path of ${shortName}` },
  ];
  if (linkTo)
    copyActions.push({ what: 'link', text: 'Copy link', label: `Copy link to ${shortName}` });
  const children: ReactNode[] = [];
  let end = 0;
  for (const chunk of loaded?.chunks ?? []) {
    if (chunk.offset > end) children.push(more(end, chunk.offset - end));
    chunk.entries.forEach((entry, i) => {
      children.push(
        <JsonNode
          key={String(entry.key)}
          path={childPath(entry.key)}
          name={entry.key}
          summary={entry.summary}
          depth={depth + 1}
          context={context}
        />,
      );
      end = chunk.offset + i + 1;
    });
  }
  if (loaded && loaded.total > end) children.push(more(end, loaded.total - end));

  function more(offset: number, hidden: number) {
    return (
      <li key={`more-${offset}`} className="pl-5">
        <button
          type="button"
          onClick={() => loadAt(offset)}
          className="text-accent underline hover:no-underline"
        >
          Show {formatNumber(Math.min(PAGE_SIZE, hidden))} more ({formatNumber(hidden)} not shown)
        </button>
      </li>
    );
  }

  return (
    <li>
      <div
        ref={row}
        aria-current={focused || undefined}
        className={cn(
          'group relative flex min-w-0 items-start gap-1 rounded px-1 hover:bg-raised',
          focused && 'bg-mark',
        )}
      >
        {container ? (
          <button
            type="button"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${nameText || 'root'}`}
            onClick={() => setOpen(!open)}
            className="w-4 shrink-0 text-muted hover:text-ink"
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span className="min-w-0 break-words">
          {name !== null && (
            <>
              <span className={typeof name === 'number' ? 'text-muted' : 'text-code-key'}>
                {nameText.length > INLINE_CHARS ? `${nameText.slice(0, INLINE_CHARS)}…` : nameText}
              </span>
              <span className="text-muted">: </span>
            </>
          )}
          <Value summary={summary} open={open} />
          {tooDeep && isContainer(summary) && summary.count > 0 && (
            <span className="text-muted"> (nested too deep to open here: see Raw or Download)</span>
          )}
        </span>
        {/* Over the row's right end, shown on hover or focus: hidden, they take no room from the value. */}
        <span className="absolute top-0 right-0 flex rounded bg-raised opacity-0 group-hover:opacity-100 focus-within:opacity-100">
          {copyActions.map(({ what, text, label }) => (
            <button
              key={what}
              type="button"
              onClick={() => void copy(what)}
              aria-label={label}
              className="rounded px-1 text-muted hover:bg-line-strong hover:text-ink"
            >
              {text}
            </button>
          ))}
        </span>
      </div>
      {open && container && (
        <ul className={depth < MAX_INDENT_DEPTH ? 'ml-2 border-l border-line pl-2' : undefined}>
          {!loaded && !failed && <li className="pl-5 text-muted">Loading…</li>}
          {failed && <li className="pl-5 text-danger">Could not load this part.</li>}
          {children}
        </ul>
      )}
    </li>
  );
});
