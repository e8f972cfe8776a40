import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Link } from '../ui/link.tsx';
import { ApiError } from '../api/api-error.ts';
import { isUsableJobId } from '../api/http.ts';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { preloadJsonViewer } from './output/lazy-json-tree.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { jobIdFromPathname } from './job-id.ts';
import { JobMetadata } from './job-metadata.tsx';
import { jobQueries } from './job-queries.ts';
import { isNewer } from './job-state.ts';
import { isFinished } from '../api/job-status.ts';
import { JOB_REFUSAL_TITLES } from '../api/http-messages.ts';
import { forAttribute, shortId } from '../lib/format.ts';
import type { StreamState } from './stream/stream-state.ts';
import { useJobStream } from './stream/use-job-stream.ts';
import { LiveIndicator } from './live-indicator.tsx';
import { FailurePanel } from './failure-panel.tsx';
import { JobRefusal } from './job-refusal.tsx';
import { NotifyOnFinish } from './notify-on-finish.tsx';
import { useShortcuts } from '../ui/shortcuts.ts';
import { lastListPath } from './list/last-list-path.ts';
import { curlCommand } from './curl-command.ts';
import { JobPayloads } from './job-payloads.tsx';
import { CancelJob } from './cancel-job.tsx';

/** The route element for /jobs/<id>: one JobView per id, so nothing of job A survives on job B. */
export function JobPage() {
  const { pathname } = useLocation();
  const jobId = jobIdFromPathname(pathname) ?? '';
  const navigate = useNavigate();
  useShortcuts({ Escape: () => void navigate(lastListPath()) });
  if (!isUsableJobId(jobId)) return <JobRefusal jobId={jobId} reason="invalid-id" />;
  return <JobView key={jobId} jobId={jobId} />;
}

type JobViewProps = { jobId: string };

function JobView({ jobId }: JobViewProps) {
  // The list keeps no payloads (list/list-job.ts): the page fetches the job itself.
  const detailQuery = useQuery(jobQueries.detail(jobId));
  const { data: job, error, refetch, isFetching } = detailQuery;
  // A /status answer (polling, a check after a drop) can be newer than the full copy for a moment.
  const { data: status } = useQuery({ ...jobQueries.status(jobId), enabled: false });
  const meta =
    job && status && status.updatedAt !== job.updatedAt && isNewer(job, status)
      ? { ...job, ...status }
      : job;
  const finished = meta ? isFinished(meta) : false;
  const stream = useJobStream(jobId, !!meta && !finished);
  const running = !!meta && !finished;
  useEffect(() => {
    if (running) preloadJsonViewer(); // the output, when it comes, should not wait for code
  }, [running]);
  const copyId = useRef<HTMLButtonElement>(null);
  useShortcuts({ c: () => copyId.current?.click() });
  const announcement = useCompletionAnnouncement(jobId, meta?.status, meta ? finished : undefined);

  const refused = refusal(error) ?? stream?.fatal;
  useDocumentTitle(
    refused === 404 || refused === 403
      ? JOB_REFUSAL_TITLES[refused]
      : meta
        ? `${meta.status} · Job ${shortId(jobId, '…')}`
        : `Job ${shortId(jobId, '…')}`,
  );
  if (refused === 404 || refused === 403) return <JobRefusal jobId={jobId} reason={refused} />;

  let body: ReactNode;
  if (meta && job) {
    const failure = job.errorCode || job.errorMessage ? job : undefined;
    body = (
      <>
        {failure && <FailurePanel code={failure.errorCode} message={failure.errorMessage} />}
        <JobMetadata job={meta} />
        <JobPayloads job={job} finished={finished} refreshing={isFetching} />
      </>
    );
  } else if (error) {
    body = (
      <ErrorPanel
        title="Could not load the job"
        message={error instanceof ApiError ? error.message : String(error)}
      >
        <button type="button" className={buttonClass} onClick={() => void refetch()}>
          Retry
        </button>
      </ErrorPanel>
    );
  } else {
    body = (
      <p className="text-sm text-muted" aria-busy="true">
        Loading the job…
      </p>
    );
  }

  return (
    <article aria-labelledby="job-heading" className="space-y-4">
      <Link to={paths.jobs()} className="text-sm text-accent hover:underline">
        ← All jobs
      </Link>
      <header className="space-y-2">
        <div className="flex items-start gap-1">
          <h1
            id="job-heading"
            aria-label={`Job ${forAttribute(jobId)}`}
            className="min-w-0 font-mono text-lg font-semibold break-all sm:text-xl"
          >
            {jobId}
          </h1>
          <CopyButton ref={copyId} value={jobId} label="Copy id" text="ID" className="mt-0.5" />
          <CopyButton value={shareLink(jobId)} label="Copy link" text="Link" className="mt-0.5" />
          <CopyButton
            value={curlCommand(jobId)}
            label="Copy as cURL"
            text="cURL"
            className="mt-0.5"
          />
        </div>
        {meta && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <StatusBadge status={meta.status} />
            {stream && <LiveIndicator state={stream} />}
            <NotifyOnFinish jobId={jobId} announcement={announcement} finished={finished} />
            {running && <CancelJob jobId={jobId} />}
          </div>
        )}
      </header>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {body}
    </article>
  );
}

/** The page's address, for sharing: the app's own origin and path, never a token. */
function shareLink(jobId: string): string {
  return new URL(paths.job(jobId), window.location.origin).href;
}

function refusal(error: unknown): StreamState['fatal'] {
  if (error instanceof ApiError && error.kind === 'http') {
    if (error.status === 403 || error.status === 404) return error.status;
  }
  return undefined;
}

/** "Job 3f2a… completed." once, when this page sees the job finish (not when it opens finished). */
function useCompletionAnnouncement(
  jobId: string,
  status: string | undefined,
  finished: boolean | undefined,
): string {
  const [seen, setSeen] = useState(finished);
  const [announcement, setAnnouncement] = useState('');
  if (finished !== seen) {
    setSeen(finished);
    if (seen === false && finished === true && status !== undefined) {
      setAnnouncement(`Job ${shortId(jobId, '…')} ${status}.`);
    }
  }
  return announcement;
}
