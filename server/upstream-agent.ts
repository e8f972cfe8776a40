import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';
import { Agent, type Dispatcher } from 'undici';
import { isStreamTarget } from './api-paths.ts';

/** Carries a proxied request's number from reply-from to the agent; taken off before it goes upstream. */
const TAG_HEADER = 'x-dashboard-upstream-tag';

/**
 * A stream's headers may come only with its first event (a ping, every 30 s at the real service): a
 * stream waits this long for them, where other requests get the configured timeout.
 */
const STREAM_HEADERS_TIMEOUT_MS = 65_000;
/**
 * A stream is quiet for 30 s between pings; three missed pings mean the upstream connection died
 * without a word, and the browser's connection is ended so the dashboard reconnects.
 */
const STREAM_SILENCE_TIMEOUT_MS = 95_000;

type Headers = Record<string, string | string[] | undefined>;
type Callback<T> = (error: Error | null, data: Dispatcher.ResponseData<T>) => void;

/**
 * The upstream connection pool for @fastify/reply-from. Reply-from gives undici no abort signal, so a
 * browser that leaves before the upstream has sent its headers (a slow list page, a stream whose
 * server waits for its first event) would keep the upstream request open until the headers timeout.
 * Here each browser request gets a signal that aborts when its response closes unfinished; the
 * request is tagged on its way through reply-from, and the pool hands undici that request's signal.
 * It also gives streams their own, longer, timeouts.
 */
export class UpstreamAgent extends Agent {
  readonly #signals = new WeakMap<object, AbortSignal>();
  readonly #tagged = new Map<string, AbortSignal>();
  #lastTag = 0;
  readonly #streamHeadersTimeout: number;

  constructor(headersTimeout: number) {
    // A body that stops coming for as long as the headers may take is a dead upstream (streams: below).
    super({ headersTimeout, bodyTimeout: headersTimeout });
    this.#streamHeadersTimeout = Math.max(headersTimeout, STREAM_HEADERS_TIMEOUT_MS);
  }

  /** Call when the browser's request arrives: from then on, its leaving aborts the upstream request. */
  follow(req: object, res: ServerResponse | Http2ServerResponse): void {
    const controller = new AbortController();
    this.#signals.set(req, controller.signal);
    res.once('close', () => {
      if (!res.writableEnded) controller.abort();
    });
  }

  /** For reply-from's rewriteRequestHeaders: marks the upstream request with the browser's signal. */
  tag(req: object, headers: Headers): Headers {
    const signal = this.#signals.get(req);
    if (!signal) return headers;
    const tag = String(++this.#lastTag);
    this.#tagged.set(tag, signal);
    return { ...headers, [TAG_HEADER]: tag };
  }

  override request<T = null>(
    options: Dispatcher.RequestOptions<T>,
  ): Promise<Dispatcher.ResponseData<T>>;
  override request<T = null>(options: Dispatcher.RequestOptions<T>, callback: Callback<T>): void;
  override request<T = null>(options: Dispatcher.RequestOptions<T>, callback?: Callback<T>) {
    const given = options.headers;
    // Reply-from always sends a plain object; any other shape was not tagged here.
    if (!given || Array.isArray(given) || Symbol.iterator in given) {
      return callback ? super.request(options, callback) : super.request(options);
    }
    const { [TAG_HEADER]: tag, ...headers } = given;
    const signal = typeof tag === 'string' ? this.#tagged.get(tag) : undefined;
    if (typeof tag === 'string') this.#tagged.delete(tag);
    const isStream = isStreamTarget(options.path);
    const untagged = {
      ...options,
      headers,
      signal: signal ?? options.signal,
      ...(isStream && {
        headersTimeout: this.#streamHeadersTimeout,
        bodyTimeout: Math.max(this.#streamHeadersTimeout, STREAM_SILENCE_TIMEOUT_MS),
      }),
    };
    return callback ? super.request(untagged, callback) : super.request(untagged);
  }
}
