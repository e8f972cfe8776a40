import { useQuery } from '@tanstack/react-query';
import { isFinished } from '../../api/job-status.ts';
import { shortId } from '../../lib/format.ts';
import type { JobDetail } from '../job-detail.ts';
import { DiffList } from './diff-list.tsx';
import { payloadDiffQuery, type Payload } from './diff-query.ts';

const NOTE_CLASS = 'rounded-lg border border-dashed border-line-strong p-4 text-sm text-muted';

/** Why a job's payload is not here to compare, or null when it is. */
function missing(job: JobDetail, payload: Payload): string | null {
  const name = `job ${shortId(job.id)}`;
  if (job.inputData === undefined) {
    // A service without the detail endpoint: input and output come only with the stream's result.
    return isFinished(job)
      ? `Input and output are not available for ${name} from this server.`
      : `${payload === 'input' ? 'Input' : 'Output'} of ${name}: this server sends it when the job finishes.`;
  }
  if (payload === 'input' || job.outputData !== undefined) return null;
  if (!isFinished(job)) return `The ${name} has not finished: it has no output yet.`;
  return job.errorCode || job.errorMessage
    ? `The ${name} failed: it has no output.`
    : `The ${name} has no output.`;
}

type PayloadDiffProps = { payload: Payload; jobs: readonly [JobDetail, JobDetail] };

/** One payload of the two jobs, compared; or why it cannot be. */
export function PayloadDiff({ payload, jobs }: PayloadDiffProps) {
  const [a, b] = jobs;
  const reasons = [missing(a, payload), missing(b, payload)].filter((r) => r !== null);
  const query = useQuery({
    ...payloadDiffQuery(payload, a, b),
    enabled: reasons.length === 0,
  });
  if (reasons.length > 0) {
    return (
      <div className={NOTE_CLASS}>
        {[...new Set(reasons)].map((reason) => (
          <p key={reason}>{reason}</p>
        ))}
      </div>
    );
  }
  if (query.error) {
    return (
      <p role="alert" className="text-sm text-danger">
        Could not compare the {payload}s: {query.error.message}
      </p>
    );
  }
  if (!query.data) {
    return (
      <p className="text-sm text-muted" aria-busy="true">
        Comparing the {payload}s…
      </p>
    );
  }
  return <DiffList diff={query.data} payload={payload} jobs={jobs} />;
}
