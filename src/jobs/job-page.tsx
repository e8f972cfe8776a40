import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Link } from '../ui/link.tsx';
import { clearToken } from '../auth/token-store.ts';
import { ApiError } from '../api/api-error.ts';
import { isUsableJobId } from '../api/http.ts';
import type { Job } from '../api/types.ts';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { PayloadPanel, PayloadPlaceholder, preloadJsonViewer } from '../ui/payload-panel.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { jobIdFromPathname } from './job-id.ts';
import { JobMetadata } from './job-metadata.tsx';
import { jobQueries } from './job-queries.ts';
import { isNewer } from './job-state.ts';
import { isFinished } from '../api/job-status.ts';
import { JOB_REFUSAL_TITLES } from '../api/http-messages.ts';
import { shortId, truncate } from '../lib/format.ts';
import type { StreamState } from './stream/stream-state.ts';
import { useJobStream } from './stream/use-job-stream.ts';
import { LiveIndicator } from './live-indicator.tsx';

/** The route element for /jobs/<id>: one JobView per id, so nothing of job A survives on job B. */
export function JobPage() {
  const { pathname } = useLocation();
  const jobId = jobIdFromPathname(pathname) ?? '';
  if (!isUsableJobId(jobId)) return <InvalidJobId jobId={jobId} />;
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
  const announcement = useCompletionAnnouncement(jobId, meta?.status, meta ? finished : undefined);
  const notify = useNotifyOnFinish(jobId, announcement);

  const refused = refusal(error) ?? stream?.fatal;
  useDocumentTitle(
    refused === 404 || refused === 403
      ? JOB_REFUSAL_TITLES[refused]
      : meta
        ? `${meta.status} · Job ${shortId(jobId, '…')}`
        : `Job ${shortId(jobId, '…')}`,
  );
  if (refused === 404) return <JobNotFound jobId={jobId} />;
  if (refused === 403) return <NoAccess jobId={jobId} />;

  let body: ReactNode;
  if (meta && job) {
    const failure = job.errorCode || job.errorMessage ? job : undefined;
    body = (
      <>
        {failure && <FailurePanel code={failure.errorCode} message={failure.errorMessage} />}
        <JobMetadata job={meta} />
        <OutputSection job={job} finished={finished} refreshing={isFetching} />
        <PayloadPanel title="Input" text={job.inputData} fileBase={`${jobId}-input`} />
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
      <p className="text-sm text-slate-600 dark:text-slate-300" aria-busy="true">
        Loading the job…
      </p>
    );
  }

  return (
    <article aria-labelledby="job-heading" className="space-y-4">
      <Link
        to={paths.jobs()}
        className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
      >
        ← All jobs
      </Link>
      <header className="space-y-2">
        <div className="flex items-start gap-1">
          <h1
            id="job-heading"
            aria-label={`Job ${jobId}`}
            className="min-w-0 font-mono text-lg font-semibold break-all sm:text-xl"
          >
            {jobId}
          </h1>
          <CopyButton value={jobId} label="Copy id" className="mt-0.5" />
          <CopyButton value={shareLink(jobId)} label="Copy link" className="mt-0.5" />
        </div>
        {meta && (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <StatusBadge status={meta.status} />
            {stream && <LiveIndicator state={stream} />}
            {!finished && notify}
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

type NotifyState = 'off' | 'on' | 'blocked';

/** A desktop notification on completion, offered on a click (permission is never asked on load). */
function useNotifyOnFinish(jobId: string, announcement: string): ReactNode {
  const supported = typeof Notification !== 'undefined';
  const [state, setState] = useState<NotifyState>(() =>
    supported && Notification.permission === 'denied' ? 'blocked' : 'off',
  );

  useEffect(() => {
    if (!announcement || state !== 'on') return;
    try {
      new Notification(announcement, { tag: `job-${jobId}` });
    } catch {
      // some browsers only allow notifications from a service worker
    }
  }, [announcement, state, jobId]);

  if (!supported) return null;
  if (state === 'blocked') {
    return (
      <span className="text-xs text-slate-600 dark:text-slate-300">Notifications are blocked</span>
    );
  }

  async function toggle() {
    if (state === 'on') return setState('off');
    const permission =
      Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    setState(permission === 'granted' ? 'on' : permission === 'denied' ? 'blocked' : 'off');
  }

  return (
    <button
      type="button"
      className={buttonClass}
      aria-pressed={state === 'on'}
      onClick={() => void toggle()}
    >
      {state === 'on' ? 'Will notify when finished' : 'Notify me when finished'}
    </button>
  );
}

type OutputSectionProps = { job: Job; finished: boolean; refreshing: boolean };

function OutputSection({ job, finished, refreshing }: OutputSectionProps) {
  if (job.outputData !== undefined) {
    return (
      <PayloadPanel
        title="Output"
        text={job.outputData}
        fileBase={`${job.id}-output`}
        isOutput
        reserve
      />
    );
  }
  // Until the output is here, its place is held at the size it will take.
  if (!isFinished(job) || refreshing) {
    const message = isFinished(job)
      ? 'Fetching the output…'
      : finished
        ? 'The job has finished; fetching its output…'
        : 'The output appears here as soon as the job finishes.';
    return <PayloadPlaceholder title="Output" message={message} />;
  }
  return (
    <section
      aria-label="Output"
      className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300"
    >
      This job has no output.
    </section>
  );
}

const MESSAGE_PREVIEW = 10_000;

type FailurePanelProps = { code: string | undefined; message: string | undefined };

/** Why a job failed, first and prominent. Both fields are untrusted text. */
function FailurePanel({ code, message }: FailurePanelProps) {
  const shown = message && truncate(message, MESSAGE_PREVIEW);
  return (
    <section
      aria-labelledby="job-failure"
      className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-rose-950 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100"
    >
      <div className="flex items-start gap-2">
        <h2 id="job-failure" className="min-w-0 font-semibold break-words">
          Failed
          {code ? (
            <>
              : <span className="font-mono">{code}</span>
            </>
          ) : null}
        </h2>
        {message && <CopyButton value={message} label="Copy error message" />}
      </div>
      {shown && <p className="mt-1 text-sm break-words whitespace-pre-wrap">{shown}</p>}
    </section>
  );
}

function BackToList() {
  return (
    <Link to={paths.jobs()} className={`mt-4 ${buttonClass}`}>
      Back to the jobs list
    </Link>
  );
}

/** The refusal views; their page titles are set by whoever renders them. */
function Refusal({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-2 text-slate-600 dark:text-slate-300">{children}</div>
    </div>
  );
}

function JobNotFound({ jobId }: JobViewProps) {
  return (
    <Refusal title={JOB_REFUSAL_TITLES[404]}>
      <p className="break-words">
        There is no job with the id <code className="font-mono break-all">{jobId}</code>. Check the
        link, or find the job in the list.
      </p>
      <BackToList />
    </Refusal>
  );
}

function NoAccess({ jobId }: JobViewProps) {
  return (
    <Refusal title={JOB_REFUSAL_TITLES[403]}>
      <p className="break-words">
        The job <code className="font-mono break-all">{jobId}</code> belongs to someone else. Ask
        its owner to share it with your organization, or sign in with another token.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <BackToList />
        <button
          type="button"
          className={`mt-4 ${buttonClass}`}
          onClick={() => clearToken('signed-out')}
        >
          Sign in with another token
        </button>
      </div>
    </Refusal>
  );
}

function InvalidJobId({ jobId }: JobViewProps) {
  useDocumentTitle('Not a valid job id');
  return (
    <Refusal title="Not a valid job id">
      <p className="break-words">
        {jobId ? (
          <>
            <code className="font-mono">{jobId}</code> cannot be a job id: it cannot be part of an
            address.
          </>
        ) : (
          'This address has no job id in it.'
        )}
      </p>
      <BackToList />
    </Refusal>
  );
}
