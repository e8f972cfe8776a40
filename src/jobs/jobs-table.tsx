import { memo, type ReactNode } from 'react';
import { Link } from '../ui/link.tsx';
import { paths } from '../paths.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { formatDuration } from '../ui/time.ts';
import { useNow } from '../ui/use-now.ts';
import { isFinished, isWaiting } from '../api/job-status.ts';
import { shortId } from '../lib/format.ts';
import type { ListJob } from './list/list-job.ts';

const th =
  'px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300';
const td = 'px-3 py-2 align-middle';
// Secondary columns give way on narrow screens; the rest scrolls inside the container.
const ownerCol = 'hidden sm:table-cell';

function TableFrame({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      {/* Fixed column widths: the skeleton, the previous page and the next all line up (no jump). */}
      <table
        aria-busy={busy || undefined}
        aria-label="Jobs"
        className="w-full min-w-[50rem] table-fixed text-sm whitespace-nowrap sm:min-w-[60rem]"
      >
        {/* The minimum width leaves Type (the one flexible column) at least 11rem; narrower screens scroll. */}
        <colgroup>
          <col className="w-32" />
          <col className="w-28" />
          <col />
          <col className="hidden w-40 sm:table-column" />
          <col className="w-32" />
          <col className="w-24" />
          <col className="w-40" />
        </colgroup>
        <thead className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-800/60">
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
            <th scope="col" className={`${th} ${ownerCol}`}>
              Owner
            </th>
            <th scope="col" className={th}>
              Created
            </th>
            <th scope="col" className={`${th} text-right`}>
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

type JobsTableProps = {
  rows: readonly ListJob[];
  /** The rows are the previous page's while the next one loads. */
  busy?: boolean;
};

export function JobsTable({ rows, busy = false }: JobsTableProps) {
  return (
    <TableFrame busy={busy}>
      <tbody
        className={`divide-y divide-slate-100 transition-opacity dark:divide-slate-800 ${busy ? 'opacity-60 delay-200 duration-300' : ''}`}
      >
        {rows.map((job) => (
          <JobRow key={job.id} job={job} />
        ))}
      </tbody>
    </TableFrame>
  );
}

type JobRowProps = { job: ListJob };

// Memoised: a live update replaces one row object, and only that row renders again.
const JobRow = memo(function JobRow({ job }: JobRowProps) {
  return (
    <tr data-job-id={job.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
      <td className={td}>
        <div className="flex items-center gap-1">
          <Link
            to={paths.job(job.id)}
            // The name is the visible short id (what a voice user would say); the full id is its description.
            title={job.id}
            className="font-mono text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
          >
            {shortId(job.id)}
          </Link>
          <CopyButton value={job.id} label={`Copy job id ${shortId(job.id)}`} />
        </div>
      </td>
      <td className={td}>
        <StatusBadge status={job.status} />
      </td>
      <td className={`${td} truncate`} title={job.jobType}>
        {job.jobType}
      </td>
      <td
        className={`${td} ${ownerCol} truncate`}
        title={
          job.ownerOrganization ? `${job.ownerUser} · ${job.ownerOrganization}` : job.ownerUser
        }
      >
        {job.ownerUser}
        {job.ownerOrganization && (
          <span className="text-slate-500 dark:text-slate-400"> · {job.ownerOrganization}</span>
        )}
      </td>
      <td className={td}>
        <RelativeTime iso={job.createdAt} />
      </td>
      <td className={`${td} text-right tabular-nums`}>
        <Duration job={job} />
      </td>
      <td className={`${td} truncate`}>
        {job.errorCode ? (
          <span
            className="font-mono text-xs text-rose-700 dark:text-rose-300"
            // The error text is untrusted and may be long: the list keeps (and shows) the start of it.
            title={job.errorMessage ?? job.errorCode}
          >
            {job.errorCode}
          </span>
        ) : null}
      </td>
    </tr>
  );
});

function Duration({ job }: JobRowProps) {
  const started = Date.parse(job.startedAt);
  if (Number.isNaN(started)) return <Dash />;
  if (isFinished(job)) {
    const completed = Date.parse(job.completedAt ?? job.updatedAt);
    return Number.isNaN(completed) ? <Dash /> : <>{formatDuration(completed - started)}</>;
  }
  if (isWaiting(job)) return <Dash label="Not started" />;
  return <RunningDuration started={started} />;
}

// Mounted only for running rows, so the clock ticks only while something runs.
function RunningDuration({ started }: { started: number }) {
  const now = useNow(1000);
  return (
    <span className="text-sky-700 dark:text-sky-300">
      {formatDuration(Math.max(0, now - started))}
    </span>
  );
}

function Dash({ label }: { label?: string }) {
  return (
    <span className="text-slate-400" title={label}>
      —
    </span>
  );
}

// Roughly each column's usual width.
const SKELETON_WIDTHS = ['w-20', 'w-18', 'w-32', 'w-16', 'w-20', 'w-12 ml-auto', 'w-10'];
// More placeholder rows than a screen holds only cost rendering time while the page is on its way
// (a 100-row skeleton is 1,400 elements); the rest of the height is one empty row.
const SKELETON_DRAWN_ROWS = 20;
// A row's height: py-2 around a 24 px line, and its 1 px border.
const ROW_HEIGHT_PX = 41;

type JobsTableSkeletonProps = { rows: number };

/** The table's own shape and height while the first page loads, so nothing jumps when it arrives. */
export function JobsTableSkeleton({ rows }: JobsTableSkeletonProps) {
  const drawn = Math.min(rows, SKELETON_DRAWN_ROWS);
  return (
    <TableFrame busy>
      {/* One animation for the whole body, not one per cell: hundreds of animated cells cost style
          recalculations and an animationstart event each, all while the real page is arriving. */}
      <tbody className="animate-pulse divide-y divide-slate-100 dark:divide-slate-800">
        {Array.from({ length: drawn }, (_, i) => (
          <tr key={i} aria-hidden="true" data-skeleton="">
            {SKELETON_WIDTHS.map((width, col) => (
              <td key={col} className={`${td} ${col === 3 ? ownerCol : ''}`}>
                <div className={`h-6 rounded bg-slate-200 dark:bg-slate-800 ${width}`} />
              </td>
            ))}
          </tr>
        ))}
        {rows > drawn && (
          <tr aria-hidden="true">
            {/* One cell, no colSpan (a span wider than the visible columns adds a phantom one). Its
                height is a style property set from script (CSSOM), which the CSP allows. */}
            <td style={{ height: (rows - drawn) * ROW_HEIGHT_PX }} />
          </tr>
        )}
      </tbody>
    </TableFrame>
  );
}
