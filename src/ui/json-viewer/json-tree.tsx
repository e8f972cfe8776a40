import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatNumber } from '../../lib/format.ts';
import {
  EXPAND_ALL_BUDGET,
  isContainer,
  MAX_TREE_DEPTH,
  pathKey,
  type JsonPath,
} from '../../lib/json/json-model.ts';
import { buttonClass } from '../button-styles.ts';
import { cn } from '../cn.ts';
import type { JsonDoc } from './json-doc.ts';
import { JsonNode, type NodeContext, type TreeFocus } from './json-node.tsx';
import { TreeSearch } from './tree-search.tsx';

type JsonTreeProps = {
  doc: JsonDoc;
  /** Names the tree for assistive technology, e.g. "Output". */
  label: string;
  /** Paths (pathKey) open at first; by default only the root. */
  initiallyExpanded?: ReadonlySet<string>;
  /** A value to open the tree to, scroll to and mark when it is first drawn (a link's). */
  target?: JsonPath;
  /** The app's address of a value: offered as "Copy link" on every row. */
  linkTo?: (path: JsonPath) => string;
  /** Fill a fixed-height flex column (scrolling inside) instead of growing up to 70% of the screen. */
  fill?: boolean;
};

const ROOT: JsonPath = [];

/** A collapsible JSON tree that renders only what is open, a page of children at a time. */
export function JsonTree({
  doc,
  label,
  initiallyExpanded,
  target,
  linkTo,
  fill = false,
}: JsonTreeProps) {
  // Expand all / collapse all replace every node's own state: a new generation remounts the rows.
  const [view, setView] = useState(() => ({
    generation: 0,
    expanded: initiallyExpanded ?? new Set([pathKey([])]),
    note: '',
  }));
  const [focus, setFocus] = useState<TreeFocus | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 2000);
    return () => clearTimeout(timer);
  }, [notice]);

  /** Loads the way to `path`, then opens it, scrolls to it and marks it. */
  const goTo = useCallback(
    (path: JsonPath) => {
      doc.reveal(path).then(
        (found) => {
          if (!found) return;
          const ancestors = new Set(path.map((_, i) => pathKey(path.slice(0, i))));
          setFocus((before) => ({ key: pathKey(path), ancestors, seq: (before?.seq ?? 0) + 1 }));
        },
        () => setNotice('Could not open that value.'),
      );
    },
    [doc],
  );

  useEffect(() => {
    if (target) goTo(target);
  }, [target, goTo]);

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

  const context: NodeContext = useMemo(
    () => ({ doc, expanded: view.expanded, focus, linkTo, onNotice: setNotice }),
    [doc, view.expanded, focus, linkTo],
  );

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
          {view.note && <span className="text-xs text-muted">{view.note}</span>}
          <TreeSearch doc={doc} label={label} onGo={goTo} />
        </div>
      )}
      <ul
        key={view.generation}
        aria-label={`${label} as a tree`}
        className={cn(
          'overflow-auto rounded-md bg-page p-2 font-mono text-xs leading-5',
          fill ? 'min-h-0 flex-1' : 'max-h-[70vh]',
        )}
      >
        <JsonNode path={ROOT} name={null} summary={doc.root} depth={0} context={context} />
      </ul>
      <p aria-live="polite" className="sr-only">
        {notice}
      </p>
      {notice && (
        <p aria-hidden="true" className="mt-1 text-xs text-muted">
          {notice}
        </p>
      )}
    </div>
  );
}
