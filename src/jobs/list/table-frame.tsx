import type { ReactNode } from 'react';
import { cn } from '../../ui/cn.ts';

// The jobs table's frame: its columns, their widths and its header.
const th = 'px-3 py-2 text-left text-xs font-semibold tracking-wide text-muted uppercase';
export const td = 'px-3 py-2 align-middle';
// Secondary columns give way on narrow screens; the rest scrolls inside the container.
export const ownerCol = 'hidden sm:table-cell';

export function TableFrame({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      {/* Fixed column widths: placeholders, the previous page and the next all line up (no jump). */}
      <table
        aria-busy={busy || undefined}
        aria-label="Jobs"
        className="w-full min-w-[52rem] table-fixed text-sm whitespace-nowrap sm:min-w-[62rem]"
      >
        {/* The minimum width leaves Type (the one flexible column) at least 11rem; narrower screens scroll. */}
        <colgroup>
          <col className="w-32" />
          <col className="w-28" />
          <col />
          <col className="hidden w-40 sm:table-column" />
          <col className="w-40" />
          <col className="w-24" />
          <col className="w-40" />
        </colgroup>
        <thead className="border-b border-line bg-raised">
          <tr>
            <th scope="col" className={th}>
              Job
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Type
            </th>
            <th scope="col" className={cn(th, ownerCol)}>
              Owner
            </th>
            <th scope="col" className={th}>
              Created
            </th>
            <th scope="col" className={cn(th, 'text-right')}>
              Duration
            </th>
            <th scope="col" className={th}>
              Error
            </th>
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
