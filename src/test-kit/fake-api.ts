// The Jobs API as the unit tests see it: `fetch` stubbed with a small in-memory API. The list pages over
// `jobs` (newest first), a job and its /status answer by id, and event streams stay open for the test
// to drive by hand. A test bends it with `reply` (answer anything first) or `queue` (the next answers
// to one path), and reads `calls` to see what the app asked.
import { vi } from 'vitest';
import type { Job } from '../api/types.ts';
import { statusOf } from './jobs.ts';

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** One server-sent event as it travels on the wire. */
export function sseEvent(name: string, data: string): string {
  return `event: ${name}\ndata: ${data}\n\n`;
}

/** An event stream the fake API holds open. */
export type FakeStream = {
  url: string;
  init: RequestInit;
  headers: Headers;
  open: boolean;
  send(text: string): void;
  /** The server ends the stream normally. */
  end(): void;
  /** The connection breaks. */
  drop(): void;
};

type Answer = () => Response | Promise<Response>;
type Replier = (
  url: URL,
  init: RequestInit,
) => Response | undefined | Promise<Response | undefined>;

const encoder = new TextEncoder();

function openStream(url: string, init: RequestInit): { stream: FakeStream; response: Response } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const stream: FakeStream = {
    url,
    init,
    headers: new Headers(init.headers),
    open: true,
    send: (text) => controller.enqueue(encoder.encode(text)),
    end() {
      stream.open = false;
      controller.close();
    },
    drop() {
      stream.open = false;
      controller.error(new TypeError('network error'));
    },
  };
  init.signal?.addEventListener('abort', () => {
    if (!stream.open) return;
    stream.open = false;
    controller.error(new DOMException('Aborted', 'AbortError'));
  });
  const response = new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  return { stream, response };
}

/** Stubs `fetch` with the fake API (vi.unstubAllGlobals() removes it). */
export function fakeApi({ jobs = [] as Job[], demoToken = undefined as string | undefined } = {}) {
  let replier: Replier | undefined;
  const queued: { suffix: string; answer: Answer }[] = [];
  const refusals = new Map<string, number>();

  const api = {
    /** The jobs the API holds, newest first: the list pages over them. */
    jobs: [...jobs],
    /** Every URL the app fetched, as it passed it. */
    calls: [] as string[],
    streams: [] as FakeStream[],
    /** Answers every request first; where it returns undefined, or once reset, the fake API answers. */
    reply(next: Replier | undefined) {
      replier = next;
    },
    /** The next request whose path ends with `suffix` (e.g. '/status', '/stream') gets `answer`. */
    queue(suffix: string, answer: Answer) {
      queued.push({ suffix, answer });
    },
    /** The job's page, status and stream answer `status` from now on. */
    refuse(id: string, status: number) {
      refusals.set(id, status);
    },
    lastStream: () => api.streams[api.streams.length - 1] as FakeStream,
    openStreams: () => api.streams.filter((s) => s.open).length,
    /** How many requests went to a path ending with `suffix`. */
    count: (suffix: string) => api.calls.filter((c) => c.split('?')[0]?.endsWith(suffix)).length,
    fetch: vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const raw = String(input);
      api.calls.push(raw);
      if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      const url = new URL(raw, 'http://localhost');
      const custom = await replier?.(url, init);
      if (custom) return custom;
      const at = queued.findIndex((q) => url.pathname.endsWith(q.suffix));
      const [next] = at >= 0 ? queued.splice(at, 1) : [];
      if (next) return next.answer();
      return answer(url, raw, init);
    }),
  };

  function answer(url: URL, raw: string, init: RequestInit): Response {
    if (url.pathname === '/__sim/demo') {
      return demoToken ? json({ token: demoToken }) : new Response('Not found', { status: 404 });
    }
    if (url.pathname === '/api/jobs') {
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const perPage = Number(url.searchParams.get('perPage') ?? 30);
      const items = api.jobs.slice(skip, skip + perPage);
      return json({ totalCount: api.jobs.length, skip, perPage, items });
    }
    const match = /^\/api\/jobs\/([^/]+)(\/status|\/stream)?$/.exec(url.pathname);
    const id = decodeURIComponent(match?.[1] ?? '');
    const refused = refusals.get(id);
    if (refused) return json({ message: 'Refused' }, refused);
    const job = api.jobs.find((j) => j.id === id);
    if (!match || !job) return json({ message: 'Job not found' }, 404);
    if (match[2] === '/status') return json(statusOf(job));
    if (match[2] === '/stream') {
      const { stream, response } = openStream(raw, init);
      api.streams.push(stream);
      return response;
    }
    return json(job);
  }

  vi.stubGlobal('fetch', api.fetch);
  return api;
}

export type FakeApi = ReturnType<typeof fakeApi>;
