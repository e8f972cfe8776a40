import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../../lib/format.ts';
import type { JsonPath } from '../../lib/json/json-model.ts';
import type { SearchResult } from '../../lib/json/json-search.ts';
import { buttonClass, inputClass } from '../button-styles.ts';
import { cn } from '../cn.ts';
import type { JsonDoc } from './json-doc.ts';

/** Typing pauses this long before a search starts: one search per word, not per key. */
const SEARCH_DELAY_MS = 120;

type TreeSearchProps = {
  doc: JsonDoc;
  /** "Output": the field is labelled "Search output". */
  label: string;
  /** Shows one match in the tree (opened to, scrolled to, marked). */
  onGo(path: JsonPath): void;
};

/** Finds keys and values in the document (the worker searches); Enter / Shift+Enter step through. */
export function TreeSearch({ doc, label, onGo }: TreeSearchProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; result: SearchResult } | null>(null);
  const [index, setIndex] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const wanted = query.trim();
    if (!wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      doc.search(wanted).then(
        (result) => {
          if (!live) return;
          setFound({ query: wanted, result });
          setIndex(0);
          setFailed(false);
          const first = result.matches[0];
          if (first) onGo(first.path);
        },
        () => live && setFailed(true),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc, query, onGo]);

  const current = found && found.query === query.trim() ? found.result : null;
  const count = current?.matches.length ?? 0;

  function step(by: number) {
    if (!current || count === 0) return;
    const next = (index + by + count) % count;
    setIndex(next);
    const match = current.matches[next];
    if (match) onGo(match.path);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  }

  let status = '';
  if (failed) status = 'Search failed.';
  else if (current && current.total === 0) status = 'No matches';
  else if (current) {
    status = `${formatNumber(index + 1)} of ${formatNumber(current.total)} ${current.total === 1 ? 'match' : 'matches'}`;
    if (current.total > count)
      status += ` (the first ${formatNumber(count)} can be stepped through)`;
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Search {label.toLowerCase()}
      </label>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Search keys and values"
        className={cn(inputClass, 'w-auto max-w-48 px-2 py-1')}
      />
      <button type="button" className={buttonClass} onClick={() => step(-1)} disabled={count < 2}>
        <span aria-hidden="true">↑</span>
        <span className="sr-only">Previous match</span>
      </button>
      <button type="button" className={buttonClass} onClick={() => step(1)} disabled={count < 2}>
        <span aria-hidden="true">↓</span>
        <span className="sr-only">Next match</span>
      </button>
      <span role="status" className="text-xs text-muted">
        {query.trim() ? status : ''}
      </span>
    </div>
  );
}
