import { memo } from 'react';
import type { ListJob, UnreadableItem } from './list-job.ts';
import { Link, useInPlaceLinks } from '../../ui/link.tsx';
import { jobIdLink } from '../job-id-link.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { RelativeTime } from '../../ui/relative-time.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { formatDuration, parseTime } from '../../ui/time.ts';
import { useNow } from '../../ui/use-now.ts';
import { jobRow, ownerCol, rowGrid, TableFrame, td } from './table-frame.tsx';
import { SkeletonRows } from './skeleton-rows.tsx';
import { isFinished, isWaiting } from '../../api/job-status.ts';
import { formatBytes, forAttribute, shortId } from '../../lib/format.ts';
import { cn } from '../../ui/cn.ts';

type JobsTableProps = {
  rows: readonly ListJob[];
  /** Items the page could not read, each shown as a row at its place. */
  unreadable?: readonly UnreadableItem[];
  /** The page is loading: the previous page's rows (then `stale` too) or the first of its own. */
  busy?: boolean;
  /** The rows are the previous page's while the next one loads: dimmed. */
  stale?: boolean;
  /** Rows still to come, after these: placeholders keep their place. */
  pending?: number;
  /** The row the keyboard selection is on (use-row-keys.ts). */
  selectedId?: string | null;
  onSelect?: (id: string) => void;
  /** The jobs marked for compare (compare-marks.ts); each row has its checkbox when `onMark` is set. */
  marked?: readonly string[];
  onMark?: (id: string) => void;
};

export function JobsTable({
  rows,
  unreadable = [],
  busy = false,
  stale = false,
  pending = 0,
  selectedId = null,
  onSelect,
  marked = [],
  onMark,
}: JobsTableProps) {
  const cells = rows.map((job) => (
    <JobRow
      key={job.id}
      job={job}
      selected={job.id === selectedId}
      onSelect={onSelect}
      marked={marked.includes(job.id)}
      onMark={onMark}
    />
  ));
  const onLinkClick = useInPlaceLinks();
  // In the page's order, so each lands at its place among the page's items.
  for (const item of unreadable) {
    cells.splice(item.index, 0, <UnreadableRow key={`#${item.index}`} item={item} />);
  }
  return (
    <TableFrame busy={busy || pending > 0}>
      <tbody
        role="rowgroup"
        onClick={onLinkClick}
        className={cn(
          'block divide-y divide-line transition-opacity',
          stale && 'opacity-60 delay-200 duration-300',
        )}
      >
        {cells}
      </tbody>
      {pending > 0 && <SkeletonRows rows={pending} divided={cells.length > 0} />}
    </TableFrame>
  );
}

type JobRowProps = {
  job: ListJob;
  selected: boolean;
  onSelect?: (id: string) => void;
  marked: boolean;
  onMark?: (id: string) => void;
};

// Memoised: a live update replaces one row object, and only that row renders again. It reads the
// small fields only (a list keeps no payloads: list-job.ts).
const JobRow = memo(function JobRow({ job, selected, onSelect, marked, onMark }: JobRowProps) {
  const idLink = jobIdLink(job.id);
  return (
    <tr
      role="row"
      data-job-id={job.id}
      data-selected={selected || undefined}
      // Tabbing into a row moves the keyboard selection there too.
      onFocus={() => onSelect?.(job.id)}
      className={cn(jobRow, 'hover:bg-raised data-selected:bg-accent-soft')}
    >
      <td role="cell" className={td}>
        <div className="flex items-center gap-1">
          {onMark && (
            <input
              type="checkbox"
              aria-label={`Mark job ${shortId(job.id)} for compare`}
              checked={marked}
              onChange={() => onMark(job.id)}
              className="mr-1 accent-accent"
            />
          )}
          {/* A plain link: the table body navigates in place (useInPlaceLinks). */}
          <a
            href={idLink.to}
            title={idLink.title}
            // An id of up to 12 characters is shown whole: cut where the column ends, not over the next.
            className="truncate font-mono text-accent underline-offset-2 hover:underline"
          >
            {idLink.children}
          </a>
          <CopyButton value={job.id} label={`Copy job id ${shortId(job.id)}`} />
        </div>
      </td>
      <td role="cell" className={td}>
        <StatusBadge status={job.status} />
      </td>
      <td role="cell" className={cn(td, 'truncate')} title={forAttribute(job.jobType)}>
        {job.jobType}
      </td>
      <td
        role="cell"
        className={cn(td, ownerCol, 'truncate')}
        title={forAttribute(
          job.ownerOrganization ? `${job.ownerUser} · ${job.ownerOrganization}` : job.ownerUser,
        )}
      >
        {job.ownerUser}
        {job.ownerOrganization && <span className="text-muted"> · {job.ownerOrganization}</span>}
      </td>
      <td role="cell" className={td}>
        <RelativeTime iso={job.createdAt} />
      </td>
      <td role="cell" className={cn(td, 'text-right tabular-nums')}>
        <Duration job={job} />
      </td>
      <td role="cell" className={cn(td, 'text-right tabular-nums')}>
        <PayloadSize job={job} />
      </td>
      <td role="cell" className={cn(td, 'truncate')}>
        {job.errorCode ? (
          <span
            className="font-mono text-xs text-danger"
            // The error text is untrusted and may be long: the hover shows the start of it.
            title={forAttribute(job.errorMessage ?? job.errorCode)}
          >
            {job.errorCode}
          </span>
        ) : null}
      </td>
    </tr>
  );
});

function UnreadableRow({ item: { id, problem } }: { item: UnreadableItem }) {
  return (
    <tr role="row" className={rowGrid}>
      <td role="cell" className={td}>
        {/* The id is the server's text, of any width: cut where the column ends. */}
        {id === undefined ? (
          <Dash />
        ) : (
          <Link {...jobIdLink(id)} className="block truncate font-mono underline" />
        )}
      </td>
      <td role="cell" aria-colspan={7} className={cn(td, 'col-[2/-1] text-danger')}>
        {/* Wrapped to the width the screen shows of it: on a narrow screen the table scrolls sideways.
            14rem: the first column (9rem, table-frame.tsx) and the page's and cells' padding. */}
        <div className="max-w-[calc(100vw-14rem)] break-words whitespace-normal">
          Could not be read: {problem}
        </div>
      </td>
    </tr>
  );
}

function Duration({ job }: { job: ListJob }) {
  const started = parseTime(job.startedAt);
  if (started === undefined) return <Dash label={isWaiting(job) ? 'Not started' : undefined} />;
  if (isFinished(job)) {
    const completed = parseTime(job.completedAt ?? job.updatedAt);
    return completed === undefined ? <Dash /> : <>{formatDuration(completed - started) || '—'}</>;
  }
  if (isWaiting(job)) return <Dash label="Not started" />;
  return <RunningDuration started={started} />;
}

/** How big the job is: its input and output together, each apart in the hover. */
function PayloadSize({ job: { inputBytes, outputBytes, outputNotReceived } }: { job: ListJob }) {
  const total = formatBytes(inputBytes + (outputBytes ?? 0));
  const output = outputNotReceived
    ? 'output not in the list yet'
    : outputBytes === undefined
      ? 'no output'
      : `output ${formatBytes(outputBytes)}`;
  return (
    <span title={`Input ${formatBytes(inputBytes)} · ${output}`}>
      {/* Its output is still to be counted: the size is at least this. */}
      {outputNotReceived ? `≥ ${total}` : total}
    </span>
  );
}

// Mounted only for running rows, so the clock ticks only while something runs.
function RunningDuration({ started }: { started: number }) {
  const now = useNow(1000);
  return <span className="text-info">{formatDuration(Math.max(0, now - started))}</span>;
}

function Dash({ label }: { label?: string }) {
  return (
    <span className="text-muted" title={label}>
      —
    </span>
  );
}
