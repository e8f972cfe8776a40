// What a job's live connection reports, and the timings it runs on.

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
};
