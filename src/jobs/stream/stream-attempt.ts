import { fetchEventSource } from '@microsoft/fetch-event-source';
import { ApiError } from '../../api/api-error.ts';
import { apiUrl, authHeaders, httpError, jobPath } from '../../api/http.ts';
import { currentCredentials } from '../../auth/token-store.ts';
import { eventStreamLines } from './event-stream-lines.ts';
import { streamTiming } from './stream-state.ts';
import type { SilenceWindow } from './watchdog.ts';

// One connection attempt to GET /api/jobs/{id}/stream: fetch-event-source for the framing only (its own
// retry loop ignores HTTP statuses, never backs off and leaks connections; see the stream guide), the
// byte filter in front of its parser, and a watchdog. Retrying is the caller's (job-stream.ts).

export class NotAnEventStream extends Error {}

type Data = string | Uint8Array;

export type AttemptEvents = {
  /** A 2xx event stream answered. */
  open(at: number): void;
  ping(at: number): void;
  /** A `result` event; results are handled one after another, and the end only after them. */
  result(data: Data): Promise<void>;
  /** An `error` event, `openFor` ms after the connection opened. */
  error(data: Data, openFor: number): void;
  /** Nothing came for longer than the silence window. */
  silent(): void;
  /**
   * The attempt ended without being aborted: a failure, or the server closing the stream. `stable`:
   * the server had been heard from, or the connection had lasted, so the backoff can start again.
   */
  ended(error: unknown, stable: boolean): void;
};

export type Attempt = { abort(): void };

export function openAttempt(jobId: string, silence: SilenceWindow, on: AttemptEvents): Attempt {
  const controller = new AbortController();
  const live = () => !controller.signal.aborted;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let openedAt = 0;
  let lastEventAt = 0;
  let heard = false;
  let results: Promise<void> = Promise.resolve();
  /** When the event now arriving began (0: between events), and the events of the current second. */
  let eventStartedAt = 0;
  let second = 0;
  let eventsThisSecond = 0;

  function abort() {
    clearTimeout(watchdog);
    controller.abort();
  }
  function arm(ms: number) {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      if (!live()) return;
      silence.diedSilent();
      abort();
      on.silent();
    }, ms);
  }
  const stable = () => heard || (openedAt > 0 && Date.now() - openedAt >= streamTiming.stableMs);
  // Bytes of a long event (a big result) keep the watchdog quiet before the event is complete, for a
  // while (streamTiming.maxEventMs); an event past maxEventBytes fails the stream.
  const lines = eventStreamLines(() => {
    if (!live() || openedAt === 0) return;
    const now = Date.now();
    eventStartedAt ||= now;
    if (now - eventStartedAt < streamTiming.maxEventMs) arm(silence.ms());
  }, streamTiming.maxEventBytes);

  /** Too many events in a second: dropped, as a connection that did not last (so it backs off). */
  function flooded(now: number): boolean {
    if (now - second >= 1000) {
      second = now;
      eventsThisSecond = 0;
    }
    eventsThisSecond += 1;
    if (eventsThisSecond <= streamTiming.maxEventsPerSecond) return false;
    // Its pings came a few ms apart: kept, they would shrink the watchdog's window to its minimum
    // and drop the next, healthy connection after two seconds of quiet.
    silence.forget();
    abort();
    const message = `The server sent more than ${streamTiming.maxEventsPerSecond} events a second: the live connection was closed.`;
    void results.then(() => on.ended(new ApiError('network', message), false));
    return true;
  }
  arm(Math.max(silence.ms(), streamTiming.connectTimeoutMs));

  const credentials = currentCredentials();
  fetchEventSource(apiUrl(jobPath(jobId, '/stream')), {
    signal: controller.signal,
    // A fresh token on every attempt; the library would otherwise reuse the first one forever.
    // (`accept` in lower case: the library adds its own unless it finds exactly this key.)
    headers: { accept: 'text/event-stream', ...authHeaders(credentials.token) },
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
        if (!live()) return;
        openedAt = lastEventAt = Date.now();
        arm(silence.ms());
        on.open(openedAt);
        return;
      }
      if (response.ok) throw new NotAnEventStream('The server answered without an event stream.');
      throw await httpError(response, credentials);
    },
    onmessage(message) {
      if (!live()) return;
      const now = Date.now();
      lines.eventDone();
      eventStartedAt = 0;
      if (flooded(now)) return;
      // Any bytes (pings, comments) prove the connection is alive.
      if (message.event === 'ping') silence.pinged(now - lastEventAt);
      lastEventAt = now;
      heard = true;
      arm(silence.ms());
      switch (message.event) {
        case 'ping':
          on.ping(now);
          break;
        case 'result': {
          const data = lines.expand(message.data);
          results = results.then(() => on.result(data));
          break;
        }
        case 'error':
          on.error(lines.expand(message.data), now - openedAt);
          break;
        default:
        // Comment-only blocks and unnamed or unknown events carry nothing for us.
      }
    },
    // Never let the library retry: every failure ends this attempt and comes to the caller.
    onerror(error) {
      throw error;
    },
  }).then(
    // Resolved without our abort: the server ended the stream without a result.
    () => settle(new ApiError('network', 'The server closed the live connection.')),
    (error: unknown) => settle(error),
  );

  function settle(error: unknown) {
    return results.then(() => {
      if (!live()) return;
      abort();
      on.ended(error, stable());
    });
  }

  return { abort };
}
