import { isCancelledError, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.ts';
import { isFinished } from '../../api/job-status.ts';
import { backoffDelay, isRetryable } from '../../api/retry.ts';
import type { JobStatus } from '../../api/types.ts';
import { parseStreamError } from '../../api/validate.ts';
import { expireOn401 } from '../../auth/expire-on-401.ts';
import { writeJob, writeJobFailure, writeJobStatus } from '../job-cache.ts';
import { sameJobId } from '../job-id.ts';
import { jobQueries } from '../job-queries.ts';
import { EventTooLarge } from './event-stream-lines.ts';
import { NotAnEventStream, openAttempt, type Attempt } from './stream-attempt.ts';
import {
  createStreamShell,
  streamTiming,
  type JobStream,
  type Refusal,
  type StreamState,
} from './stream-state.ts';
import { pollStatus } from './poll-status.ts';
import { createSilenceWindow } from './watchdog.ts';
import { readStreamResult } from './stream-result.ts';

// Following one job live: the phase machine over single connection attempts (stream-attempt.ts).
// connecting → live → done; a drop → reconnecting with backoff; a stream `error` → polling /status;
// a refusal → failed. Checks and polling go through the status query.

const INITIAL: StreamState = { phase: 'connecting', attempt: 0 };
const ignore = () => undefined;

export type StreamOptions = { random?: () => number };

type Outcome = 'finished' | 'unfinished' | 'unknown' | 'fatal';

function isRefusal(error: unknown): error is ApiError & { status: Refusal } {
  return (
    error instanceof ApiError &&
    error.kind === 'http' &&
    (error.status === 401 || error.status === 403 || error.status === 404)
  );
}

function describe(error: unknown): string {
  if (error instanceof ApiError || error instanceof NotAnEventStream) return error.message;
  return 'The connection to the server was lost.';
}

export function createJobStream(
  queryClient: QueryClient,
  jobId: string,
  { random = Math.random }: StreamOptions = {},
): JobStream {
  const { cell, isStopped, handle } = createStreamShell(INITIAL);
  /** The connection attempt in progress; anything from an older one is ignored by it. */
  let current: Attempt | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopPolling: (() => void) | null = null;
  let attempt = 0;
  /** After a drop the job is checked once (the result may have come meanwhile), not on every retry. */
  let checkedSinceDrop = false;
  let timeoutStreak = 0;
  const silence = createSilenceWindow();
  const statusQuery = jobQueries.status(jobId);

  function set(patch: Partial<StreamState>) {
    cell.set({ ...cell.get(), ...patch });
  }

  const isOver = () => isStopped() || cell.get().phase === 'done' || cell.get().phase === 'failed';

  function closeConnection() {
    current?.abort();
    current = null;
  }

  function halt() {
    closeConnection();
    clearTimeout(retryTimer);
    stopPolling?.();
    stopPolling = null;
    window.removeEventListener('online', resync);
    document.removeEventListener('visibilitychange', onVisibility);
  }

  function end(patch: Partial<StreamState>) {
    halt();
    set({ ...patch, nextRetryAt: undefined });
  }

  function finish() {
    if (isOver()) return;
    end({ phase: 'done', problem: undefined });
  }

  function fail(status: Refusal, message: string) {
    // 401: the token has been cleared, which sends the person to sign-in and back.
    end({ phase: 'failed', fatal: status, problem: { message } });
  }

  function onStatus(status: JobStatus): Outcome {
    if (isOver()) return 'unknown';
    writeJobStatus(queryClient, status);
    if (!isFinished(status)) return 'unfinished';
    finish();
    return 'finished';
  }

  function onStatusError(error: unknown): Outcome {
    // Cancelled: a result arrived meanwhile and wrote the job itself.
    if (isOver() || isCancelledError(error)) return 'unknown';
    if (isRefusal(error)) {
      fail(error.status, error.message);
      return 'fatal';
    }
    // Polling stops on what retrying cannot fix (a 400, an unreadable answer); elsewhere a failed
    // check only means "don't know", and the connection loop carries on.
    if (cell.get().phase === 'polling' && !isRetryable(error)) {
      end({ phase: 'failed', problem: { message: describe(error) } });
      return 'fatal';
    }
    return 'unknown';
  }

  /** Asks /status whether the job has finished meanwhile (the query shares one request between asks). */
  function check(): Promise<Outcome> {
    return queryClient.fetchQuery({ ...statusQuery, retry: false }).then(onStatus, onStatusError);
  }

  function connect() {
    if (isOver()) return;
    clearTimeout(retryTimer);
    closeConnection();
    set(
      attempt === 0
        ? { phase: 'connecting', nextRetryAt: undefined }
        : { phase: 'reconnecting', attempt, nextRetryAt: undefined },
    );
    current = openAttempt(jobId, silence, {
      open(at) {
        checkedSinceDrop = false;
        set({
          phase: 'live',
          attempt: 0,
          connectedAt: at,
          lastPingAt: undefined,
          problem: undefined,
        });
      },
      // Throttled: a server pinging thousands of times a second must not re-render the page as often.
      ping: (at) =>
        at - (cell.get().lastPingAt ?? 0) >= streamTiming.pingStateMs && set({ lastPingAt: at }),
      result: onResult,
      error: onStreamError,
      silent() {
        current = null;
        dropped(new ApiError('timeout', 'The live connection went silent.'), false);
      },
      ended(error, stable) {
        current = null;
        if (isRefusal(error)) refused(error);
        // Reconnecting would bring the same event again: /status still tells when the job is done.
        else if (error instanceof EventTooLarge) startPolling({ message: error.message });
        else if (error instanceof ApiError && error.kind === 'http' && !isRetryable(error)) {
          // Other 4xx are not retried (security guide); /status still tells when the job is done.
          startPolling({ code: `HTTP ${error.status}`, message: error.message });
        } else dropped(error, stable);
      },
    });
  }

  function refused(error: ApiError & { status: Refusal }) {
    if (error.status === 401) {
      expireOn401(error); // the stream is no query: the query cache cannot see this one
      return fail(401, error.message);
    }
    // A 403 from the stream can mean "not yours" or a billing limit on streaming: /status tells which.
    // If the job itself is readable, the page keeps it and polls instead.
    startPolling({ code: `HTTP ${error.status}`, message: error.message });
  }

  function dropped(error: unknown, wasStable: boolean) {
    if (isOver()) return;
    if (wasStable) attempt = 0;
    attempt += 1;
    const delay = backoffDelay(attempt - 1, error, random);
    set({
      phase: 'reconnecting',
      attempt,
      nextRetryAt: Date.now() + delay,
      problem: { message: describe(error) },
    });
    if (!checkedSinceDrop) {
      checkedSinceDrop = true;
      void check();
    }
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, delay);
  }

  async function onResult(data: string | Uint8Array): Promise<void> {
    const result = await readStreamResult(data);
    if (isOver()) return;
    if (result.kind === 'failure') {
      // The job failed and the service sent why instead of the job: show it, stop following, and
      // let /status say the rest (its status word and times).
      writeJobFailure(queryClient, jobId, result.failure);
      finish();
      void queryClient
        .fetchQuery({ ...statusQuery, retry: false })
        .then((status) => writeJobStatus(queryClient, status), ignore);
      return;
    }
    const job = result.kind === 'job' ? result.job : undefined;
    if (!job || !sameJobId(job.id, jobId)) {
      // Malformed, or about another job: ignored, but the real result may be lost, so ask.
      void check();
      return;
    }
    writeJob(queryClient, job);
    if (isFinished(job)) finish();
  }

  function onStreamError(data: string | Uint8Array, openFor: number) {
    let code = 'StreamError';
    let message = 'The server reported a problem with the live connection.';
    try {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      const parsed = parseStreamError(JSON.parse(text));
      code = parsed.code;
      message = parsed.message ?? message;
    } catch {
      // an undescribed error is still an error
    }
    closeConnection();
    if (code !== 'JobTimeout') {
      startPolling({ code, message });
      return;
    }
    // The server gave up waiting, not the job: if it is still running, follow it on a new stream.
    // Timeouts that come quickly one after another back off, so a short server limit cannot spin.
    timeoutStreak = openFor < streamTiming.stableMs ? timeoutStreak + 1 : 1;
    attempt = 0;
    set({ phase: 'connecting', problem: undefined });
    void check().then((outcome) => {
      if (isOver() || outcome === 'finished' || outcome === 'fatal' || current) return;
      const delay = timeoutStreak <= 1 ? 0 : backoffDelay(timeoutStreak - 2, undefined, random);
      clearTimeout(retryTimer);
      retryTimer = setTimeout(connect, delay);
    });
  }

  /** Polls /status through the status query's refetchInterval until the job finishes or is refused. */
  function startPolling(problem: StreamState['problem']) {
    closeConnection();
    clearTimeout(retryTimer);
    set({ phase: 'polling', problem, nextRetryAt: undefined });
    stopPolling ??= pollStatus(queryClient, jobId, random, {
      answered: onStatus,
      failed: onStatusError,
    });
  }

  /** Back online, or the tab shown again: check the job once, and reconnect now if waiting to. */
  function resync() {
    if (isOver()) return;
    void check();
    if (cell.get().phase === 'reconnecting' && !current) connect();
  }

  function onVisibility() {
    if (document.visibilityState === 'visible') resync();
  }

  return handle({
    start() {
      window.addEventListener('online', resync);
      document.addEventListener('visibilitychange', onVisibility);
      connect();
    },
    stop: halt,
  });
}
