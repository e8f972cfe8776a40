import { useId, useState, type ReactNode } from 'react';
import type { ListJob, UnreadableItem } from './list-job.ts';
import { plural } from '../../lib/format.ts';
import { JobsTable } from './jobs-table.tsx';
import { useRowKeys } from './use-row-keys.ts';
import { toggleMark, useRowMarks } from './compare-marks.ts';
import { TimelineSlot } from './timeline-slot.tsx';
import { cn } from '../../ui/cn.ts';

/** The filters: the field each narrows the rows by, and its select's fixed width. */
const FILTERS = [
  { key: 'status', label: 'Status', of: (job: ListJob) => job.status, width: 'w-28' },
  { key: 'type', label: 'Type', of: (job: ListJob) => job.jobType, width: 'w-36 sm:w-48' },
] as const;

/** Each filter's chosen value; '' is All. */
type Filter = Record<(typeof FILTERS)[number]['key'], string>;
const NO_FILTER: Filter = { status: '', type: '' };

type FilteredTableProps = {
  /** null while the first page loads: placeholders, with the filters already in place. */
  rows: readonly ListJob[] | null;
  unreadable: readonly UnreadableItem[];
  /** Rows still to come after `rows` (all of the page's while `rows` is null). */
  pendingRows: number;
  /** The page is loading: the previous page's rows (then `stale` too) or the first of its own. */
  busy: boolean;
  /** The rows are the previous page's while the next loads. */
  stale: boolean;
  overlay: ReactNode;
};

/** The API has no filters: this narrows the rows on screen, and says so. */
export function FilteredTable({
  rows,
  unreadable,
  pendingRows,
  busy,
  stale,
  overlay,
}: FilteredTableProps) {
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const all = rows ?? [];
  const filtered = all.filter((job) =>
    FILTERS.every(({ key, of }) => !filter[key] || of(job) === filter[key]),
  );
  const active = FILTERS.some(({ key }) => filter[key] !== '');
  const { selectedId, select } = useRowKeys(filtered.map((job) => job.id));
  const marked = useRowMarks(selectedId);

  let body: ReactNode;
  if (rows === null) {
    body = (
      <>
        <p role="status" className="sr-only">
          Loading jobs…
        </p>
        <JobsTable rows={[]} pending={pendingRows} />
      </>
    );
  } else if (rows.length === 0 && unreadable.length === 0) {
    body = (
      <p className="rounded-lg border border-dashed border-line-strong px-6 py-8 text-center text-sm">
        Every job of this page was already shown on the page you came from.
      </p>
    );
  } else if (active && filtered.length === 0 && pendingRows === 0) {
    body = (
      <p className="rounded-lg border border-dashed border-line-strong px-6 py-8 text-center text-sm">
        No job on this page matches the filter. Other pages are not searched.
      </p>
    );
  } else {
    // An item that could not be read matches no filter.
    body = (
      <JobsTable
        rows={filtered}
        unreadable={active ? [] : unreadable}
        busy={busy}
        stale={stale}
        pending={pendingRows}
        selectedId={selectedId}
        onSelect={select}
        marked={marked}
        onMark={toggleMark}
      />
    );
  }

  return (
    <>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm sm:gap-x-4">
        {/* Fixed widths: a select as wide as its longest option would grow when the rows come, and on
            a phone push the row onto two lines, moving everything below. */}
        {FILTERS.map(({ key, label, of, width }) => (
          <FilterSelect
            key={key}
            label={label}
            values={distinct(all.map(of))}
            value={filter[key]}
            disabled={rows === null}
            onChange={(value) => setFilter({ ...filter, [key]: value })}
            className={width}
          />
        ))}
        <span className="text-muted" aria-live="polite">
          {!active
            ? 'Filters apply to this page only.'
            : pendingRows > 0
              ? 'Filtering this page only, as its jobs arrive.'
              : `Filtering this page only: ${filtered.length} of its ${all.length} ${plural(all.length, 'job')}.`}
        </span>
        {active && (
          <button
            type="button"
            className="font-medium text-accent underline"
            onClick={() => setFilter(NO_FILTER)}
          >
            Clear filters
          </button>
        )}
      </div>
      <TimelineSlot rows={rows === null ? null : filtered} onSelect={select} />
      <div>
        {overlay}
        {body}
      </div>
    </>
  );
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

// A chosen value stays in the list even when the page no longer has it (the filter still shows as set).
function withCurrent(values: string[], current: string): string[] {
  return current && !values.includes(current) ? [...values, current] : values;
}

type FilterSelectProps = {
  label: string;
  /** The values on this page, sorted. */
  values: string[];
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
  className?: string;
};

function FilterSelect({ label, values, value, disabled, onChange, className }: FilterSelectProps) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-muted">
        {label}
      </label>
      <select
        id={id}
        className={cn(
          'rounded-md border border-line-strong bg-surface px-2 py-1 text-sm disabled:opacity-60',
          className,
        )}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">All</option>
        {withCurrent(values, value).map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}
