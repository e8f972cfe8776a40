import type { ReactNode } from 'react';
import { isFinished } from '../../api/job-status.ts';
import { forAttribute } from '../../lib/format.ts';
import { Link } from '../../ui/link.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { formatAbsolute, formatDuration, parseTime } from '../../ui/time.ts';
import type { JobDetail } from '../job-detail.ts';
import { jobIdLink } from '../job-id-link.ts';
import { jobTimings } from '../job-metadata.tsx';

type Row = { label: string; show: (job: JobDetail) => ReactNode; text: (job: JobDetail) => string };

function runTime(job: JobDetail): string {
  const { runMs } = jobTimings(job, Date.now());
  return runMs === undefined || !isFinished(job) ? '' : formatDuration(runMs) || '—';
}

const text = (value: string | undefined) => value ?? '';
const ROWS: Row[] = [
  {
    label: 'Status',
    show: (job) => <StatusBadge status={job.status} />,
    text: (job) => job.status,
  },
  { label: 'Type', show: (job) => job.jobType, text: (job) => job.jobType },
  { label: 'Owner', show: (job) => job.ownerUser, text: (job) => job.ownerUser },
  {
    label: 'Organization',
    show: (job) => job.ownerOrganization ?? <span className="text-muted">Personal</span>,
    text: (job) => text(job.ownerOrganization),
  },
  { label: 'Created', show: (job) => <Time iso={job.createdAt} />, text: () => '' },
  { label: 'Started', show: (job) => <Time iso={job.startedAt} />, text: () => '' },
  { label: 'Completed', show: (job) => <Time iso={job.completedAt} />, text: () => '' },
  {
    label: 'Run duration',
    show: (job) => runTime(job) || <span className="text-muted">—</span>,
    text: runTime,
  },
  {
    label: 'Error',
    show: (job) =>
      job.errorCode || job.errorMessage ? (
        <span className="text-danger" title={forAttribute(job.errorMessage ?? '')}>
          {job.errorCode ?? 'Error'}
        </span>
      ) : (
        <span className="text-muted">None</span>
      ),
    text: (job) => `${text(job.errorCode)} ${text(job.errorMessage)}`,
  },
];

/** Side by side, times are read against each other: absolute, to the second, with the zone. */
function Time({ iso }: { iso: string | undefined }) {
  if (!iso) return <span className="text-muted">—</span>;
  return parseTime(iso) === undefined ? iso : <time dateTime={iso}>{formatAbsolute(iso)}</time>;
}

type CompareMetadataProps = { jobs: readonly [JobDetail, JobDetail] };

/** The two jobs' metadata in two columns; a row whose values differ says so (times always do). */
export function CompareMetadata({ jobs }: CompareMetadataProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">The two jobs</caption>
        <thead>
          <tr className="border-b border-line">
            <td className="px-3 py-2" />
            {jobs.map((job, i) => (
              <th key={job.id} scope="col" className="px-3 py-2 font-semibold">
                {i === 0 ? 'A: ' : 'B: '}
                <Link {...jobIdLink(job.id)} className="font-mono text-accent hover:underline" />
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {ROWS.map((row) => {
            const differs = row.text(jobs[0]) !== row.text(jobs[1]);
            return (
              <tr key={row.label}>
                <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap text-muted">
                  {row.label}
                  {differs && <span className="sr-only">, differs</span>}
                </th>
                {jobs.map((job) => (
                  <td key={job.id} className={differs ? 'px-3 py-2 font-semibold' : 'px-3 py-2'}>
                    {row.show(job)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
