import type { ReactNode } from 'react';
import type { JobStatus } from '../api/types.ts';
import { formatNumber, plural } from '../lib/format.ts';
import type { DocumentInfo } from '../lib/json/output-shape.ts';
import { formatAbsolute, formatDuration, formatRelative, parseTime } from '../ui/time.ts';
import { useNow } from '../ui/use-now.ts';
import { isFinished, isWaiting } from '../api/job-status.ts';
import { useAbsoluteTimes } from '../ui/absolute-times.tsx';

function duration(ms: number): string {
  return formatDuration(ms) || '—';
}

type JobTimingsInput = Pick<JobStatus, 'status' | 'createdAt' | 'startedAt' | 'completedAt'>;

/** Queue wait and run time; both grow while the job waits or runs. */
export function jobTimings(job: JobTimingsInput, now: number) {
  // An unreadable time makes NaN here, which duration() shows as a dash.
  const created = parseTime(job.createdAt) ?? NaN;
  const started = parseTime(job.startedAt) ?? NaN;
  const completed = parseTime(job.completedAt) ?? NaN;
  const finished = isFinished(job);
  if (isWaiting(job)) {
    return { waiting: true, queueWaitMs: now - created, runMs: undefined };
  }
  const end = finished ? completed : now;
  // Never started (cancelled in the queue, say): no run time.
  const runMs = job.startedAt === undefined ? undefined : end - started;
  return { waiting: false, queueWaitMs: started - created, runMs };
}

type JobMetadataProps = {
  job: JobStatus;
  /** The document an extraction read, from its output's `documentInfo` (once the output is read). */
  documentInfo?: DocumentInfo;
};

export function JobMetadata({ job, documentInfo }: JobMetadataProps) {
  const finished = isFinished(job);
  // Ticks every second while something is still counting, slowly otherwise (relative times).
  const now = useNow(finished ? 30_000 : 1_000);
  const { waiting, queueWaitMs, runMs } = jobTimings(job, now);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-line bg-surface p-3 text-sm sm:grid-cols-2 sm:p-4 lg:grid-cols-3">
      <Item label="Type">{job.jobType}</Item>
      <Item label="Owner">{job.ownerUser}</Item>
      <Item label="Organization">
        {job.ownerOrganization ?? <span className="text-muted">Personal</span>}
      </Item>
      <Item label="Created">
        <Time iso={job.createdAt} now={now} />
      </Item>
      <Item label="Started">
        {waiting || job.startedAt === undefined ? (
          <span className="text-muted">Not yet</span>
        ) : (
          <Time iso={job.startedAt} now={now} />
        )}
      </Item>
      <Item label="Completed">
        {job.completedAt ? (
          <Time iso={job.completedAt} now={now} />
        ) : (
          <span className="text-muted">Not yet</span>
        )}
      </Item>
      <Item label="Queue wait">
        <span className="tabular-nums">{duration(queueWaitMs)}</span>
        {waiting && <span className="text-muted"> and counting</span>}
      </Item>
      <Item label="Run duration">
        {runMs === undefined ? (
          <span className="text-muted">Not started</span>
        ) : (
          <>
            <span className="tabular-nums">{duration(runMs)}</span>
            {!finished && <span className="text-muted"> and counting</span>}
          </>
        )}
      </Item>
      <Item label="Last update">
        <Time iso={job.updatedAt} now={now} />
      </Item>
      {documentInfo && <DocumentItem info={documentInfo} />}
    </dl>
  );
}

type ItemProps = { label: string; children: ReactNode };

function Item({ label, children }: ItemProps) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted uppercase">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

/** One cell, so the grid grows by a row at most when the output has been read. */
function DocumentItem({ info }: { info: DocumentInfo }) {
  const details = [
    info.type,
    info.partCount === undefined
      ? undefined
      : `${formatNumber(info.partCount)} ${plural(info.partCount, 'part')}`,
    info.dpi === undefined ? undefined : `${formatNumber(info.dpi)} DPI`,
  ].filter((part) => part !== undefined);
  if (info.fileName === undefined && details.length === 0) return null;
  return (
    <Item label="Document">
      {info.fileName ?? <span className="text-muted">No file name</span>}
      {details.length > 0 && (
        <span className="block text-xs text-muted">{details.join(' · ')}</span>
      )}
    </Item>
  );
}

type TimeProps = { iso: string; now: number };

/** Relative time with the absolute time and its zone below it, or the other way round ("Absolute times"). */
function Time({ iso, now }: TimeProps) {
  const [absolute] = useAbsoluteTimes();
  const valid = parseTime(iso) !== undefined;
  if (!valid) return <span>{iso}</span>;
  const [first, second] = absolute
    ? [formatAbsolute(iso), formatRelative(iso, now)]
    : [formatRelative(iso, now), formatAbsolute(iso)];
  return (
    <>
      <time dateTime={iso}>{first}</time>
      <span className="block text-xs text-muted">{second}</span>
    </>
  );
}
