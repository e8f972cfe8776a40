import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../api/api-error.ts';
import { apiUrl, authHeaders, httpError, jobPath } from '../api/http.ts';
import { backoffDelay, isRetryable } from '../api/retry.ts';
import type { Job } from '../api/types.ts';
import { parseJob, parseStreamError } from '../api/validate.ts';
import { getToken } from '../auth/token-store.ts';
import { fetchJobStatus } from './jobs-api.ts';
import { writeJob, writeJobStatus } from './job-cache.ts';
import { isFinished } from '../api/job-status.ts';
import { parseJsonOffThread } from '../ui/json-viewer/json-doc.ts';
import { eventStreamLines } from './event-stream-lines.ts';

// Following one job live over GET /api/jobs/{id}/stream (Server-Sent Events with a bearer token).
// fetch-event-source 2.0.1 is used for one attempt at a time only (its own retry loop ignores HTTP
// statuses, never backs off and leaks connections; see /shared/guides/stream.md); the loop is ours.

type StreamPhase = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'done' | 'failed';

export type StreamState = {
  phase: StreamPhase;
  /** Reconnection attempt, from 1, while reconnecting. */
  attempt: number;
  /** When the current connection opened and when its last heartbeat came (ms since the epoch). */
  connectedAt?: number;
  lastPingAt?: number;
  /** When the next connection attempt is due, while reconnecting. */
  nextRetryAt?: number;
  /** Why the stream is not live: a stream `error` event, or why the connection failed. */
  problem?: { code?: string; message: string };
  /** The server refused: sign-in (401), no access (403) or not found (404). Nothing is retried. */
  fatal?: 401 | 403 | 404;
};

/** Timings, in one place so tests can shrink them. */
export const streamTiming = {
  /** The server pings every 30 s; until gaps have been seen, this much silence means a dead connection. */
  watchdogMs: 75_000,
  /** Once pings have been seen: silence longer than this many times the longest gap means dead. */
  watchdogFactor: 2.5,
  minWatchdogMs: 2_000,
  maxWatchdogMs: 5 * 60_000,
  /** Waiting for the response headers is allowed at least this long. */
  connectTimeoutMs: 20_000,
  /** A connection that lasted this long resets the backoff. */
  stableMs: 10_000,
  /** /status polling when the stream reported an error it cannot recover from. */
  pollMs: 5_000,
};

const INITIAL: StreamState = { phase: 'connecting', attempt: 0 };
const OFF_THREAD_CHARS = 256 * 1024;

class NotAnEventStream extends Error {}

type JobStream = {
  start(): void;
  stop(): void;
  getState(): StreamState;
  subscribe(listener: () => void): () => void;
};

type StreamOptions = { random?: () => number };

type Outcome = 'finished' | 'unfinished' | 'unknown' | 'fatal';

function isFatalStatus(error: unknown): error is ApiError & { status: 401 | 403 | 404 } {
  return (
    error instanceof ApiError &&
    error.kind === 'http' &&
    (error.status === 401 || error.status === 403 || error.status === 404)
  );
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof NotAnEventStream) return error.message;
  return 'The connection to the server was lost.';
}

/** One job's live connection: a state machine over single fetch-event-source attempts. */
export function createJobStream(
  queryClient: QueryClient,
  jobId: string,
  { random = Math.random }: StreamOptions = {},
): JobStream {
  let state: StreamState = INITIAL;
  const listeners = new Set<() => void>();
  let started = false;
  let stopped = false;
  /** The connection attempt in progress; anything from an older one is ignored. */
  let current: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let watchdogTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let checking: Promise<Outcome> | null = null;
  const checkControllers = new Set<AbortController>();
  let attempt = 0;
  /** After a drop the job is checked once (the result may have come meanwhile), not on every retry. */
  let checkedSinceDrop = false;
  let longestGap = 0;
  let silentStrikes = 0;
  let timeoutStreak = 0;
  let pollFailures = 0;

  function set(patch: Partial<StreamState>) {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  }

  function watchdogWindow(): number {
    const base =
      longestGap > 0
        ? Math.min(
            streamTiming.maxWatchdogMs,
            Math.max(streamTiming.minWatchdogMs, longestGap * streamTiming.watchdogFactor),
          )
        : streamTiming.watchdogMs;
    // Each silent death widens the window, in case the server simply pings less often now.
    return Math.min(streamTiming.maxWatchdogMs, base * 2 ** silentStrikes);
  }

  function clearTimers() {
    clearTimeout(retryTimer);
    clearTimeout(watchdogTimer);
    clearTimeout(pollTimer);
    retryTimer = watchdogTimer = pollTimer = undefined;
  }

  function closeConnection() {
    const connection = current;
    current = null;
    clearTimeout(watchdogTimer);
    connection?.abort();
  }

  function armWatchdog(connection: AbortController, ms: number, onSilence: () => void) {
    clearTimeout(watchdogTimer);
    watchdogTimer = setTimeout(() => {
      if (connection === current) onSilence();
    }, ms);
  }

  function removeListeners() {
    window.removeEventListener('online', resync);
    document.removeEventListener('visibilitychange', onVisibility);
  }

  function end(patch: Partial<StreamState>) {
    closeConnection();
    clearTimers();
    for (const controller of checkControllers) controller.abort();
    removeListeners();
    set(patch);
  }

  function finish() {
    if (stopped || state.phase === 'done') return;
    end({ phase: 'done', problem: undefined, nextRetryAt: undefined });
  }

  function fail(status: 401 | 403 | 404, message: string) {
    // 401: the HTTP layer has cleared the token, which sends the person to sign-in and back.
    end({ phase: 'failed', fatal: status, problem: { message }, nextRetryAt: undefined });
  }

  /** Asks /status whether the job has finished meanwhile; concurrent asks share one request. */
  function check(): Promise<Outcome> {
    if (checking) return checking;
    const controller = new AbortController();
    checkControllers.add(controller);
    checking = (async (): Promise<Outcome> => {
      try {
        const status = await fetchJobStatus(jobId, controller.signal);
        if (stopped || controller.signal.aborted) return 'unknown';
        writeJobStatus(queryClient, status);
        if (isFinished(status)) {
          finish();
          return 'finished';
        }
        return 'unfinished';
      } catch (error) {
        if (stopped || controller.signal.aborted) return 'unknown';
        if (isFatalStatus(error)) {
          fail(error.status, error.message);
          return 'fatal';
        }
        // Polling stops on what retrying cannot fix (a 400, an unreadable answer); elsewhere a failed
        // check only means "don't know", and the connection loop carries on.
        if (state.phase === 'polling' && !isRetryable(error)) {
          end({ phase: 'failed', problem: { message: describe(error) }, nextRetryAt: undefined });
          return 'fatal';
        }
        return 'unknown';
      } finally {
        checkControllers.delete(controller);
        checking = null;
      }
    })();
    return checking;
  }

  function isOver() {
    return stopped || state.phase === 'done' || state.phase === 'failed';
  }

  function connect() {
    if (isOver()) return;
    clearTimeout(retryTimer);
    clearTimeout(pollTimer);
    closeConnection();
    const connection = new AbortController();
    current = connection;
    let openedAt = 0;
    let lastEventAt = 0;
    let heardFromServer = false;
    /** Results are handled in order, and the end of the stream only after them (they can be async). */
    let results: Promise<void> = Promise.resolve();
    const lines = eventStreamLines(() => {
      // Bytes of a long event (a big result) keep the watchdog quiet before the event is complete.
      if (connection === current && openedAt > 0)
        armWatchdog(connection, watchdogWindow(), onSilence);
    });
    set(
      attempt === 0
        ? { phase: 'connecting', nextRetryAt: undefined }
        : { phase: 'reconnecting', attempt, nextRetryAt: undefined },
    );
    const onSilence = () => {
      silentStrikes += 1;
      closeConnection();
      dropped(new ApiError('timeout', 'The live connection went silent.'), false);
    };
    armWatchdog(connection, Math.max(watchdogWindow(), streamTiming.connectTimeoutMs), onSilence);

    const onMessage = (message: EventSourceMessage) => {
      if (connection !== current) return;
      const now = Date.now();
      // Any bytes (pings, comments) prove the connection is alive.
      if (message.event === 'ping') {
        longestGap = Math.max(longestGap, now - lastEventAt);
        silentStrikes = 0;
      }
      lastEventAt = now;
      heardFromServer = true;
      armWatchdog(connection, watchdogWindow(), onSilence);
      switch (message.event) {
        case 'ping':
          set({ phase: 'live', lastPingAt: now });
          break;
        case 'result': {
          const data = lines.expand(message.data);
          results = results.then(() => onResult(data));
          break;
        }
        case 'error':
          onStreamError(lines.expand(message.data), now - openedAt);
          break;
        default:
        // Comment-only blocks and unnamed or unknown events carry nothing for us.
      }
    };

    const sentToken = getToken();
    fetchEventSource(apiUrl(jobPath(jobId, '/stream')), {
      signal: connection.signal,
      // A fresh token on every attempt; the library would otherwise reuse the first one forever.
      // (`accept` in lower case: the library adds its own unless it finds exactly this key.)
      headers: { accept: 'text/event-stream', ...authHeaders(sentToken) },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      // Hiding the tab must not close and reopen the stream behind our back (duplicates, orphans).
      openWhenHidden: true,
      async fetch(input, init) {
        const response = await fetch(input, init);
        if (!response.ok || !response.body) return response;
        return new Response(response.body.pipeThrough(lines.stream), {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      },
      async onopen(response) {
        const type = response.headers.get('Content-Type') ?? '';
        if (response.ok && type.toLowerCase().startsWith('text/event-stream')) {
          if (connection !== current) return;
          openedAt = lastEventAt = Date.now();
          checkedSinceDrop = false;
          armWatchdog(connection, watchdogWindow(), onSilence);
          set({
            phase: 'live',
            attempt: 0,
            connectedAt: openedAt,
            lastPingAt: undefined,
            problem: undefined,
          });
          return;
        }
        if (response.ok) {
          throw new NotAnEventStream('The server answered without an event stream.');
        }
        throw await httpError(response, sentToken);
      },
      onmessage: onMessage,
      // Never let the library retry: every failure ends this attempt and comes to us.
      onerror(error) {
        throw error;
      },
    }).then(
      () =>
        results.then(() => {
          // Resolved without our abort: the server ended the stream without a result.
          if (connection === current && !connection.signal.aborted) {
            closeConnection();
            dropped(new ApiError('network', 'The server closed the live connection.'), stable());
          }
        }),
      (error: unknown) =>
        results.then(() => {
          if (connection !== current || connection.signal.aborted) return;
          closeConnection();
          if (isFatalStatus(error)) refused(error);
          else if (error instanceof ApiError && error.kind === 'http' && !isRetryable(error)) {
            // Other 4xx are not retried (security guide); /status still tells when the job is done.
            startPolling({ code: `HTTP ${error.status}`, message: error.message });
          } else dropped(error, stable());
        }),
    );

    function stable() {
      return heardFromServer || (openedAt > 0 && Date.now() - openedAt >= streamTiming.stableMs);
    }
  }

  function refused(error: ApiError & { status: 401 | 403 | 404 }) {
    if (error.status === 401) return fail(401, error.message);
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
    let job: Job | undefined;
    try {
      // A big result (megabytes of output) is parsed off the main thread.
      const value: unknown =
        typeof data === 'string' && data.length < OFF_THREAD_CHARS
          ? JSON.parse(data)
          : await parseJsonOffThread(data);
      job = parseJob(value, 'stream result');
    } catch {
      job = undefined;
    }
    if (isOver()) return;
    if (!job || job.id !== jobId) {
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

  function startPolling(problem: StreamState['problem']) {
    closeConnection();
    clearTimeout(retryTimer);
    set({ phase: 'polling', problem, nextRetryAt: undefined });
    void poll();
  }

  async function poll() {
    clearTimeout(pollTimer);
    const outcome = await check();
    if (isOver() || state.phase !== 'polling') return;
    pollFailures = outcome === 'unknown' ? pollFailures + 1 : 0;
    const delay = pollFailures
      ? Math.max(streamTiming.pollMs, backoffDelay(pollFailures - 1, undefined, random))
      : streamTiming.pollMs;
    clearTimeout(pollTimer);
    pollTimer = setTimeout(() => void poll(), delay);
  }

  /** Back online, or the tab shown again: check the job once, and reconnect now if waiting to. */
  function resync() {
    if (isOver()) return;
    if (state.phase === 'polling') {
      void poll();
      return;
    }
    void check();
    if (state.phase === 'reconnecting' && !current) connect();
  }

  function onVisibility() {
    if (document.visibilityState === 'visible') resync();
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      window.addEventListener('online', resync);
      document.addEventListener('visibilitychange', onVisibility);
      connect();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      closeConnection();
      clearTimers();
      for (const controller of checkControllers) controller.abort();
      removeListeners();
      listeners.clear();
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// ---- One stream per job per tab: a registry keyed by job id, with a reference count. ----

type Entry = {
  stream: JobStream;
  refs: number;
  closeTimer?: ReturnType<typeof setTimeout>;
  unsubscribe: () => void;
};

type Registry = {
  entries: Map<string, Entry>;
  watchers: Map<string, Set<() => void>>;
};

const registries = new WeakMap<QueryClient, Registry>();

function registryFor(queryClient: QueryClient): Registry {
  let registry = registries.get(queryClient);
  if (!registry) {
    registry = { entries: new Map(), watchers: new Map() };
    registries.set(queryClient, registry);
  }
  return registry;
}

function notify(registry: Registry, jobId: string) {
  for (const watcher of registry.watchers.get(jobId) ?? []) watcher();
}

/**
 * Takes a share of the job's stream, opening it if nobody holds one. Releasing the last share closes
 * it after the current task, so React's StrictMode unmount-and-remount keeps the same connection.
 */
export function acquireJobStream(
  queryClient: QueryClient,
  jobId: string,
  options?: StreamOptions,
): () => void {
  const registry = registryFor(queryClient);
  let entry = registry.entries.get(jobId);
  if (!entry) {
    const stream = createJobStream(queryClient, jobId, options);
    entry = { stream, refs: 0, unsubscribe: stream.subscribe(() => notify(registry, jobId)) };
    registry.entries.set(jobId, entry);
    stream.start();
    notify(registry, jobId);
  }
  const held = entry;
  clearTimeout(held.closeTimer);
  held.refs += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.refs -= 1;
    if (held.refs > 0) return;
    clearTimeout(held.closeTimer);
    held.closeTimer = setTimeout(() => {
      if (held.refs > 0 || registry.entries.get(jobId) !== held) return;
      registry.entries.delete(jobId);
      held.unsubscribe();
      held.stream.stop();
      notify(registry, jobId);
    }, 0);
  };
}

export function getJobStreamState(
  queryClient: QueryClient,
  jobId: string,
): StreamState | undefined {
  return registryFor(queryClient).entries.get(jobId)?.stream.getState();
}

function watchJobStream(queryClient: QueryClient, jobId: string, watcher: () => void): () => void {
  const { watchers } = registryFor(queryClient);
  let set = watchers.get(jobId);
  if (!set) {
    set = new Set();
    watchers.set(jobId, set);
  }
  set.add(watcher);
  return () => {
    set.delete(watcher);
    if (set.size === 0 && watchers.get(jobId) === set) watchers.delete(jobId);
  };
}

/**
 * Follows a job live while `enabled` (the job is loaded and unfinished). Results go into the query
 * cache; the returned state is for the live indicator. Undefined when no stream is open.
 */
export function useJobStream(jobId: string, enabled: boolean): StreamState | undefined {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return acquireJobStream(queryClient, jobId);
  }, [queryClient, jobId, enabled]);
  const subscribe = useCallback(
    (listener: () => void) => watchJobStream(queryClient, jobId, listener),
    [queryClient, jobId],
  );
  const state = useSyncExternalStore(subscribe, () => getJobStreamState(queryClient, jobId));
  return enabled ? state : undefined;
}
