import type { ReactNode } from 'react';
import { cn } from '../../ui/cn.ts';

// The jobs table's frame: its columns, their widths and its header.
//
// The rows are grids, not table rows, so that a row off screen can skip style, layout and paint
// (content-visibility), which a table row cannot: laying out 100 rows took as long as rendering them.
// The explicit roles keep the table's semantics, which some browsers drop from a table not displayed
// as one.
const th = 'px-3 py-2 text-left text-xs font-semibold tracking-wide text-muted uppercase';
export const td = 'px-3 py-2';
/** Every row's columns: fixed widths (placeholders, the previous page and the next all line up), Type
 * the one flexible column; Owner gives way on narrow screens, and the rest scrolls sideways. The first
 * fits a checkbox, an 8-character id and its copy button (an unreadable row's width counts on it). */
export const rowGrid =
  'relative grid grid-cols-[9rem_7rem_minmax(0,1fr)_10rem_6rem_5rem_10rem] items-center sm:grid-cols-[9rem_7rem_minmax(0,1fr)_10rem_10rem_6rem_5rem_10rem]';
/** Out of sight on a narrow screen, not out of the table: a screen reader still counts 8 columns in every
 * row (an unreadable row's span counts on it) and reads the owner. Out of the grid's flow, held by its
 * row (`relative` in rowGrid). */
export const ownerCol = 'max-sm:sr-only';
/** A row's height inside its 1 px border: a 1.5rem line (the copy button), 0.5rem above and below. */
export const ROW_INNER_HEIGHT = '2.5rem';
/** A job's row: off screen, the browser skips it until it scrolls near, as tall as a row drawn
 * (ROW_INNER_HEIGHT, written out: Tailwind finds class names as they are written). */
export const jobRow = cn(rowGrid, '[contain-intrinsic-size:auto_2.5rem] [content-visibility:auto]');

export function TableFrame({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      {/* The minimum width leaves Type at least 11rem; narrower screens scroll. */}
      <table
        role="table"
        aria-busy={busy || undefined}
        aria-label="Jobs"
        className="block w-full min-w-[58rem] text-sm whitespace-nowrap sm:min-w-[68rem]"
      >
        <thead role="rowgroup" className="block border-b border-line bg-raised">
          <tr role="row" className={rowGrid}>
            <th role="columnheader" scope="col" className={th}>
              Job
            </th>
            <th role="columnheader" scope="col" className={th}>
              Status
            </th>
            <th role="columnheader" scope="col" className={th}>
              Type
            </th>
            <th role="columnheader" scope="col" className={cn(th, ownerCol)}>
              Owner
            </th>
            <th role="columnheader" scope="col" className={th}>
              Created
            </th>
            <th role="columnheader" scope="col" className={cn(th, 'text-right')}>
              Duration
            </th>
            <th
              role="columnheader"
              scope="col"
              className={cn(th, 'text-right')}
              title="The job's input and output together, as the list received them"
            >
              Size
            </th>
            <th role="columnheader" scope="col" className={th}>
              Error
            </th>
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
