// What a job's live connection reports, and the timings it runs on.
import { MAX_RESULT_BYTES } from '../../api/http.ts';

type StreamPhase = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'done' | 'failed';

/** The refusals nothing retries: sign-in (401), no access (403), not found (404). */
export type Refusal = 401 | 403 | 404;

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
  /** The server refused. Nothing is retried. */
  fatal?: Refusal;
  /** Another tab holds the connection and shares what it receives (shared-stream.ts). */
  viaOtherTab?: boolean;
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
  /**
   * Bytes of an event still arriving keep the watchdog quiet (a big result on a slow line), but for
   * this long at most: a line that never ends cannot keep a connection alive forever.
   */
  maxEventMs: 10 * 60_000,
  /** The most one event (a `result`: the whole job) may carry; past it the connection is dropped. */
  maxEventBytes: MAX_RESULT_BYTES,
  /** More events than this in a second is no heartbeat: the connection is dropped and backs off. */
  maxEventsPerSecond: 200,
  /** Heartbeats update the page's state at most this often. */
  pingStateMs: 1_000,
};

/**
 * A stream's state and who watches it: what `useSyncExternalStore` reads (`get`, `subscribe`), and
 * `set`, which tells every watcher.
 */
function createStateCell(initial: StreamState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: StreamState) {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Forgets every watcher (the stream has stopped). */
    clear: () => listeners.clear(),
  };
}

/** What the page and the registry hold of a job's stream, one tab's own or one shared by tabs. */
export type JobStream = {
  start(): void;
  stop(): void;
  getState(): StreamState;
  subscribe(listener: () => void): () => void;
};

/**
 * What both kinds of stream (job-stream.ts, shared-stream.ts) are built on: the state cell, and a
 * `JobStream` whose `start` runs once and never after `stop`, and whose `stop` runs once and then
 * forgets every watcher. `isStopped` is for callbacks that may come after the stop.
 */
export function createStreamShell(initial: StreamState) {
  const cell = createStateCell(initial);
  let started = false;
  let stopped = false;
  return {
    cell,
    isStopped: () => stopped,
    /** The stream around what starting and stopping it do. */
    handle(run: { start(): void; stop(): void }): JobStream {
      return {
        start() {
          if (started || stopped) return;
          started = true;
          run.start();
        },
        stop() {
          if (stopped) return;
          stopped = true;
          run.stop();
          cell.clear();
        },
        getState: cell.get,
        subscribe: cell.subscribe,
      };
    },
  };
}
