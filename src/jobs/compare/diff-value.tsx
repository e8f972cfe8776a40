import type { JsonKey } from '../../lib/json/json-model.ts';
import { formatNumber, shortId } from '../../lib/format.ts';
import type { DiffValue } from '../../lib/json/json-diff.ts';
import { paths } from '../../paths.ts';
import { Link } from '../../ui/link.tsx';
import type { JobDetail } from '../job-detail.ts';
import { jobValueLink } from '../output/value-link.ts';
import type { Payload } from './diff-query.ts';

/** Characters of a value shown in its row; the rest is one click away. */
const SHOWN = 160;

type DiffValueViewProps = {
  side: 'A' | 'B';
  job: JobDetail;
  payload: Payload;
  path: JsonKey[];
  /** Missing: this job has nothing at the path. */
  value: DiffValue | undefined;
};

/** One side's value at a path, as compact JSON: long values cut, with a way to the whole of it. */
export function DiffValueView({ side, job, payload, path, value }: DiffValueViewProps) {
  const label = `${side} (${shortId(job.id)})`;
  if (!value) {
    return (
      <div className="min-w-0">
        <span className="text-muted">{label}: </span>
        <span className="text-muted italic">not present</span>
      </div>
    );
  }
  const long = value.text.length > SHOWN || value.cut;
  return (
    <div className="min-w-0">
      <span className="text-muted">{label}: </span>
      <code className="font-mono break-all whitespace-pre-wrap">
        {long ? `${value.text.slice(0, SHOWN)}…` : value.text}
      </code>
      {long && (
        <details className="mt-1">
          <summary className="cursor-pointer text-accent">
            Show{' '}
            {value.cut ? `the first ${formatNumber(value.text.length)} characters` : 'all of it'}
          </summary>
          <code className="mt-1 block font-mono break-all whitespace-pre-wrap">{value.text}</code>
          {value.cut && (
            <Link
              to={payload === 'output' ? jobValueLink(job.id, path) : paths.job(job.id)}
              className="text-accent underline"
            >
              The whole value, on the page of job {shortId(job.id)}
            </Link>
          )}
        </details>
      )}
    </div>
  );
}
