import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { JobStatus } from '../../api/types.ts';
import type { JobDetail } from '../job-detail.ts';
import { getToken } from '../../auth/token-store.ts';
import { writeJob, writeJobStatus } from '../job-cache.ts';
import { jobQueries } from '../job-queries.ts';
import { createJobStream, type StreamOptions } from './job-stream.ts';
import { createStreamShell, type JobStream, type StreamState } from './stream-state.ts';

// One stream per job for all the tabs of one sign-in. The tabs that follow a job ask for a Web Lock
// named after it: the one holding the lock (the leader) opens the stream and posts its state and
// every fresher copy of the job on a BroadcastChannel of the same name; the others (followers) show
// that state and write those copies into their own cache. When the leader stops following the job,
// or its tab closes, the lock passes to a follower, which checks /status and opens its own stream.
// Nothing secret crosses the channel: job data and connection state only, never the token.

/** Bumped when the messages change, so tabs running an older build never share with this one. */
const PROTOCOL = 'v1';

type Message =
  | { type: 'hello' }
  | { type: 'state'; state: StreamState }
  | { type: 'job'; job: JobDetail }
  | { type: 'status'; status: JobStatus };

function canShare(): boolean {
  return (
    typeof BroadcastChannel === 'function' &&
    typeof navigator !== 'undefined' &&
    'locks' in navigator &&
    typeof crypto !== 'undefined' &&
    'subtle' in crypto
  );
}

/**
 * The lock and channel name: the job and a digest of the token, so tabs signed in with different
 * keys (another organization) never see each other's jobs. The token itself is never written.
 */
async function channelName(jobId: string): Promise<string | null> {
  const token = getToken();
  if (token === null) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  const hex = Array.from(new Uint8Array(digest).slice(0, 12), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  return `nuextract.stream.${PROTOCOL}.${hex}.${jobId.toLowerCase()}`;
}

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null || !('type' in data)) return false;
  switch (data.type) {
    case 'hello':
      return true;
    case 'state':
      return 'state' in data && typeof data.state === 'object' && data.state !== null;
    case 'job':
      return 'job' in data && typeof data.job === 'object' && data.job !== null;
    case 'status':
      return 'status' in data && typeof data.status === 'object' && data.status !== null;
    default:
      return false;
  }
}

/**
 * A job's stream shared by every tab that follows the job. The same interface as one tab's own
 * stream (job-stream.ts), which it falls back to where Web Locks or BroadcastChannel are missing.
 */
export function createSharedJobStream(
  queryClient: QueryClient,
  jobId: string,
  options?: StreamOptions,
): JobStream {
  if (!canShare()) return createJobStream(queryClient, jobId, options);

  const { cell, isStopped, handle } = createStreamShell({ phase: 'connecting', attempt: 0 });
  let channel: BroadcastChannel | null = null;
  let name: string | null = null;
  /** Ends the wait for the lock, or gives the lock back. */
  let leaving = new AbortController();
  let stepDown: (() => void) | null = null;
  let queued = false;
  let followedLeader = false;
  const detailHash = hashKey(jobQueries.detail(jobId).queryKey);
  const statusHash = hashKey(jobQueries.status(jobId).queryKey);

  function post(message: Message) {
    channel?.postMessage(message);
  }

  function onMessage(event: MessageEvent<unknown>) {
    if (isStopped() || !isMessage(event.data)) return;
    const message = event.data;
    if (message.type === 'hello') {
      if (stepDown) post({ type: 'state', state: cell.get() });
      return;
    }
    if (stepDown) return; // the leader listens to no one
    followedLeader = true;
    if (message.type === 'state') cell.set({ ...message.state, viaOtherTab: true });
    else if (message.type === 'job') writeJob(queryClient, message.job);
    else writeJobStatus(queryClient, message.status);
  }

  /** This tab holds the lock: open the stream, and tell the other tabs everything it learns. */
  function lead(): Promise<void> {
    const stream = createJobStream(queryClient, jobId, options);
    const unsubscribeState = stream.subscribe(() => {
      cell.set(stream.getState());
      post({ type: 'state', state: cell.get() });
    });
    // Every fresher copy of the job this tab gets, from the stream or from its own page.
    const unsubscribeCache = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (event.query.queryHash === detailHash) {
        const job = queryClient.getQueryData(jobQueries.detail(jobId).queryKey);
        if (job) post({ type: 'job', job });
      } else if (event.query.queryHash === statusHash) {
        const status = queryClient.getQueryData(jobQueries.status(jobId).queryKey);
        if (status) post({ type: 'status', status });
      }
    });
    if (followedLeader) {
      // Taking over from a tab that went away: a result may have come while nobody listened.
      void queryClient
        .fetchQuery({ ...jobQueries.status(jobId), staleTime: 0, retry: false })
        .then((status) => writeJobStatus(queryClient, status))
        .catch(() => {}); // the stream reports its own problems
    }
    cell.set(stream.getState());
    post({ type: 'state', state: cell.get() });
    stream.start();
    return new Promise<void>((resolve) => {
      stepDown = () => {
        stepDown = null;
        unsubscribeState();
        unsubscribeCache();
        stream.stop();
        resolve();
      };
    });
  }

  function queueForLock() {
    if (isStopped() || queued || name === null) return;
    queued = true;
    leaving = new AbortController();
    navigator.locks
      .request(name, { signal: leaving.signal }, () => {
        queued = false;
        return isStopped() ? undefined : lead();
      })
      .catch(() => (queued = false)); // aborted while waiting: this tab stopped following the job
  }

  /** A tab put in the back/forward cache or frozen cannot lead: give the stream to another tab. */
  function onPageHidden() {
    if (!stepDown) return;
    stepDown();
    cell.set({ ...cell.get(), phase: 'connecting' });
  }

  function onPageShown() {
    if (!stepDown) queueForLock();
  }

  return handle({
    start() {
      void channelName(jobId).then((found) => {
        if (isStopped()) return;
        if (found === null) return cell.set({ phase: 'failed', attempt: 0 });
        name = found;
        channel = new BroadcastChannel(found);
        channel.onmessage = onMessage;
        post({ type: 'hello' });
        window.addEventListener('pagehide', onPageHidden);
        window.addEventListener('pageshow', onPageShown);
        document.addEventListener('freeze', onPageHidden);
        document.addEventListener('resume', onPageShown);
        queueForLock();
      });
    },
    stop() {
      leaving.abort();
      stepDown?.();
      channel?.close();
      window.removeEventListener('pagehide', onPageHidden);
      window.removeEventListener('pageshow', onPageShown);
      document.removeEventListener('freeze', onPageHidden);
      document.removeEventListener('resume', onPageShown);
    },
  });
}
