import { useId } from 'react';
import { PER_PAGE_OPTIONS } from '../../paths.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import type { ListParams } from '../../api/types.ts';
import { pageTargets, rangeText, withPerPage } from './list-paging.ts';
import { cn } from '../../ui/cn.ts';

type PaginationProps = {
  params: ListParams;
  /** The server's count, or null before the first page arrives. */
  totalCount: number | null;
  /** Rows the server returned for this page (before any were hidden as repeats). */
  shown: number;
  onNavigate: (params: ListParams, how: 'page' | 'per-page') => void;
};

/** First/Previous/Next/Last, the range, and the page size; every control is a plain button or select. */
export function Pagination({ params, totalCount, shown, onNavigate }: PaginationProps) {
  const selectId = useId();
  const targets = pageTargets(params, totalCount ?? 0);
  const options: number[] = [...PER_PAGE_OPTIONS];
  // A size typed into the URL (1 to 100) is honoured and stays selectable.
  if (!options.includes(params.perPage)) {
    options.push(params.perPage);
    options.sort((a, b) => a - b);
  }

  // The symbol comes from the stylesheet, not the text: checkers hold a button's visible text to its
  // name, and to them « is part of a word, so "«First" is not in "First page" (‹ is punctuation).
  const button = (label: string, symbolClass: string, target: ListParams | null) => (
    <button
      type="button"
      className={cn(buttonClass, 'aria-disabled:cursor-not-allowed aria-disabled:opacity-50')}
      aria-label={label}
      title={label}
      // aria-disabled rather than disabled: the focus stays on the button when it stops leading anywhere.
      aria-disabled={target === null || undefined}
      onClick={() => target && onNavigate(target, 'page')}
    >
      <span aria-hidden="true" className={symbolClass} />
      <span className="hidden md:inline" aria-hidden="true">
        {label.replace(' page', '')}
      </span>
    </button>
  );

  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm"
    >
      <p className="tabular-nums text-muted" aria-live="polite">
        {totalCount === null ? '\u00a0' : rangeText(params.skip, shown, totalCount)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="text-muted">
          Per page
        </label>
        <select
          id={selectId}
          value={params.perPage}
          onChange={(event) =>
            onNavigate(withPerPage(params, Number(event.target.value)), 'per-page')
          }
          className="rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm"
        >
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <div className="flex items-center gap-1">
          {button('First page', "before:content-['«']", targets.first)}
          {button('Previous page', "before:content-['‹']", targets.previous)}
          {button('Next page', "before:content-['›']", targets.next)}
          {button('Last page', "before:content-['»']", targets.last)}
        </div>
      </div>
    </nav>
  );
}
