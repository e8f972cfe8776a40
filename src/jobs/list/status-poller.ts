import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error.ts';
import { expireOn401 } from '../../auth/expire-on-401.ts';
import { getTokenVersion } from '../../auth/token-store.ts';
import { backoffDelay, isRetryable } from '../../api/retry.ts';
import type { Job, JobStatus } from '../../api/types.ts';
import { writeJob, writeJobFailure, writeJobStatus } from '../job-cache.ts';
import { sameJobId } from '../job-id.ts';
import { readFinishedResult } from '../stream/finished-result.ts';
import type { StreamResult } from '../stream/stream-result.ts';
import { isFinished } from '../../api/job-status.ts';
import { fetchJob, fetchJobStatus } from '../jobs-api.ts';
import {
  isDetailEndpointMissing,
  isGoneAnswer,
  rememberDetailEndpointMissing,
} from '../detail-endpoint.ts';

/** How often unfinished rows are checked. */
const LIVE_ROWS_INTERVAL_MS = 5_000;
/** At most this many /status calls at once: the browser has 6 connections per origin for everything. */
const LIVE_ROWS_CONCURRENCY = 3;
/** How long a finished row's stream may take to send its result (2026: no detail endpoint). */
const STREAM_RESULT_DEADLINE_MS = 10_000;
/** At most this many finished rows' streams read at once. */
const STREAM_READS = 2;

export type StatusPollerOptions = {
  queryClient: QueryClient;
  /** The unfinished rows on screen now (read at every round). */
  getRows: () => readonly JobStatus[];
  intervalMs?: number;
  concurrency?: number;
  fetchStatus?: (id: string, signal: AbortSignal) => Promise<JobStatus>;
  fetchFull?: (id: string, signal: AbortSignal) => Promise<Job>;
  /** A finished job's stream result, where the service has no detail endpoint. */
  readFinished?: (id: string, signal: AbortSignal) => Promise<StreamResult>;
  /** For tests; the page's document by default. */
  doc?: Document;
  random?: () => number;
};

/**
 * Refreshes unfinished list rows through the cheap /status call: one round every interval, at most
 * `concurrency` requests at once, backing off while the server fails, paused while the tab is hidden.
 * A row that finishes gets its full job fetched once, so its list row and detail cache are complete:
 * from the detail endpoint, or where the service has none (detail-endpoint.ts) from the job's stream.
 * Returns the function that stops it (aborting whatever is in flight, but for finished rows' stream
 * reads, which end by their deadline).
 */
export function startStatusPoller({
  queryClient,
  getRows,
  intervalMs = LIVE_ROWS_INTERVAL_MS,
  concurrency = LIVE_ROWS_CONCURRENCY,
  fetchStatus = fetchJobStatus,
  fetchFull = fetchJob,
  readFinished = readFinishedResult,
  doc = document,
  random = Math.random,
}: StatusPollerOptions): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  // Jobs we may no longer read (403/404): asking again would fail the same way.
  const gone = new Set<string>();
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingForVisible = false;

  const schedule = (ms: number) => {
    timer = setTimeout(() => void round(), ms);
  };

  async function refresh(row: JobStatus): Promise<unknown> {
    const { id } = row;
    try {
      const status = await fetchStatus(id, signal);
      if (!isFinished(status)) {
        // Unchanged rows are left alone: no cache write, no render.
        if (status.updatedAt !== row.updatedAt || status.status !== row.status) {
          writeJobStatus(queryClient, status);
        }
        return undefined;
      }
      if (!isDetailEndpointMissing(queryClient)) {
        const failure = await fillFromDetail(status);
        if (failure !== 'gone') return failure;
        // A 404 or 405 for a job /status has just answered for: the endpoint is gone (2026).
        rememberDetailEndpointMissing(queryClient);
      }
      // The status moves the row on at once; the finished job's stream, which sends the whole job at
      // once, then brings its data (its size, its error), outside the round.
      writeJobStatus(queryClient, status);
      readStream(id);
      return undefined;
    } catch (error) {
      if (signal.aborted) return undefined;
      expireOn401(error); // these calls are no queries: the query cache cannot see their 401
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
        gone.add(id);
        return undefined;
      }
      return error;
    }
  }

  /** The finished job from the detail endpoint into the cache; 'gone' where the service has none. */
  async function fillFromDetail(status: JobStatus): Promise<unknown> {
    try {
      writeJob(queryClient, await fetchFull(status.id, signal));
      return undefined;
    } catch (error) {
      if (signal.aborted) return undefined;
      expireOn401(error);
      if (isGoneAnswer(error)) return 'gone';
      // The status alone moves the row on; its data fields follow on the next list fetch.
      writeJobStatus(queryClient, status);
      return error;
    }
  }

  /**
   * Finished rows' streams, read apart from the rounds (a stream that pings without a result must not
   * hold the other rows) and at most STREAM_READS at once (the browser has 6 connections per origin),
   * each once. They outlive the rounds: the last running row's finish stops those at once. Each gets
   * STREAM_RESULT_DEADLINE_MS; a row whose result cannot be read stays as /status left it, its output
   * counted as still to come. A result that comes after sign-out is dropped.
   */
  const streamReads: string[] = [];
  const readingStreams = new Set<string>();
  function readStream(id: string): void {
    if (readingStreams.has(id) || streamReads.includes(id)) return;
    streamReads.push(id);
    startStreamReads();
  }
  function startStreamReads(): void {
    while (readingStreams.size < STREAM_READS && streamReads.length > 0) {
      const id = streamReads.shift() ?? '';
      readingStreams.add(id);
      void fillFromStream(id).finally(() => {
        readingStreams.delete(id);
        startStreamReads();
      });
    }
  }

  async function fillFromStream(id: string): Promise<void> {
    const session = getTokenVersion();
    const read = new AbortController();
    const deadline = setTimeout(() => read.abort(), STREAM_RESULT_DEADLINE_MS);
    let result: StreamResult;
    try {
      result = await readFinished(id, read.signal);
    } catch (error) {
      // A 401 ends the session, and the reads still to come with it; the deadline leaves the row.
      expireOn401(error);
      if (error instanceof ApiError && error.status === 401) streamReads.length = 0;
      return;
    } finally {
      clearTimeout(deadline);
    }
    if (getTokenVersion() !== session) return;
    if (result.kind === 'job' && sameJobId(result.job.id, id)) writeJob(queryClient, result.job);
    else if (result.kind === 'failure') writeJobFailure(queryClient, id, result.failure);
  }

  async function round(): Promise<void> {
    timer = undefined;
    if (doc.visibilityState === 'hidden') {
      waitingForVisible = true;
      return;
    }
    const queue = getRows().filter((row) => !gone.has(row.id));
    let lastError: unknown;
    const worker = async () => {
      for (let row = queue.shift(); row !== undefined; row = queue.shift()) {
        const error = await refresh(row);
        if (error !== undefined) lastError = error;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    if (signal.aborted) return;
    if (lastError instanceof ApiError && lastError.status === 401) return; // signed out: the page goes away
    if (lastError !== undefined && isRetryable(lastError)) {
      failures += 1;
      schedule(Math.max(intervalMs, backoffDelay(failures, lastError, random)));
    } else {
      failures = 0;
      schedule(intervalMs);
    }
  }

  const onVisibility = () => {
    if (doc.visibilityState !== 'visible' || !waitingForVisible || signal.aborted) return;
    waitingForVisible = false;
    void round();
  };
  doc.addEventListener('visibilitychange', onVisibility);
  schedule(intervalMs);

  return () => {
    controller.abort();
    clearTimeout(timer);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
