import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { createElement, StrictMode, type ReactNode } from 'react';
import { vi } from 'vitest';
import { clearToken, getToken, setToken } from '../../auth/token-store.ts';
import {
  fakeApi as fakeJobsApi,
  json,
  sseEvent as event,
  type FakeApi,
} from '../../test-kit/fake-api.ts';
import type { Job } from '../../api/types.ts';
import { completedJob, listPage, runningJob, statusOf } from '../../test-kit/jobs.ts';
import { jobQueries } from '../job-queries.ts';
import { toListJob } from '../list/list-job.ts';
import { createJobStream } from './job-stream.ts';
import { acquireJobStream, getJobStreamState } from './stream-registry.ts';
import { streamTiming } from './stream-state.ts';
import { useJobStream } from './use-job-stream.ts';

const JOB_ID = 'job 1/?#';
const running = runningJob({ id: JOB_ID });
const completed = completedJob({ id: JOB_ID });
const runningStatus = statusOf(running);

/** The API holding the running job; its /status answers whatever `api.jobs` holds. */
const fakeApi = () => fakeJobsApi({ jobs: [running] });

/** The job has finished on the server: /status says so from now on. */
function finishOnServer(api: FakeApi) {
  api.jobs = [completed];
}

/** Lets promise chains (fetch, stream reads) run without moving the clock. */
async function flush() {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
}

async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await flush();
}

let queryClient: QueryClient;
const defaults = { ...streamTiming };
const started: { stop(): void }[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  setToken('tok-1', false);
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(jobQueries.detail(JOB_ID).queryKey, running);
  Object.assign(streamTiming, defaults);
});

afterEach(() => {
  for (const stream of started.splice(0)) stream.stop();
  queryClient.clear();
  clearToken('signed-out');
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A stream whose jitter is always the top of the range: delays are exactly the backoff ceiling. */
function start(random = () => 1) {
  const stream = createJobStream(queryClient, JOB_ID, { random });
  started.push(stream);
  stream.start();
  return stream;
}

/**
 * A connected stream is sent `text` in pieces of `size` characters, as the network may cut it, and
 * takes `job` from it: the job is in the cache and the stream is done.
 */
async function expectResultInPieces(text: string, size: number, job: Job) {
  const { api, stream } = await connected();
  for (let i = 0; i < text.length; i += size) api.lastStream().send(text.slice(i, i + size));
  await flush();
  expect(queryClient.getQueryData(jobQueries.detail(JOB_ID).queryKey)).toEqual(job);
  expect(stream.getState().phase).toBe('done');
}

/** Five pings on the open stream, `gap` ms apart, each taken in before the clock moves on. */
async function fivePings(api: FakeApi, gap: number) {
  for (let i = 0; i < 5; i++) {
    await advance(gap);
    api.lastStream().send(event('ping', ''));
    await flush();
  }
}

/**
 * The fake API, set up by `prepare` (answers queued, the job finished), and a stream started on it
 * once its first connection has been tried.
 */
async function connected(prepare?: (api: FakeApi) => void) {
  const api = fakeApi();
  prepare?.(api);
  const stream = start();
  await flush();
  return { api, stream };
}

describe('the job stream', () => {
  it('opens one stream with a fresh bearer token and is live once the server answers', async () => {
    const api = fakeApi();
    const stream = start();
    expect(stream.getState().phase).toBe('connecting');
    await flush();
    expect(api.streams).toHaveLength(1);
    expect(api.lastStream().url).toBe('/api/jobs/job%201%2F%3F%23/stream');
    expect(api.lastStream().headers.get('Authorization')).toBe('Bearer tok-1');
    expect(api.lastStream().headers.get('Accept')).toBe('text/event-stream');
    expect(api.lastStream().init.credentials).toBe('omit');
    expect(stream.getState().phase).toBe('live');

    api.lastStream().send(event('ping', ''));
    await flush();
    expect(stream.getState()).toMatchObject({ phase: 'live', lastPingAt: Date.now() });
    stream.stop();
  });

  it('writes a result into the detail, status and list caches, then closes for good', async () => {
    const api = fakeApi();
    const listKey = jobQueries.list({ organization: null, skip: 0, perPage: 30 }).queryKey;
    queryClient.setQueryData(listKey, listPage([running]));
    const stream = start();
    await flush();
    api.lastStream().send(event('result', JSON.stringify(completed)));
    await flush();

    expect(queryClient.getQueryData(jobQueries.detail(JOB_ID).queryKey)).toEqual(completed);
    expect(queryClient.getQueryData(jobQueries.status(JOB_ID).queryKey)).toMatchObject({
      status: 'completed',
    });
    expect(queryClient.getQueryData(listKey)?.items[0]).toEqual(toListJob(completed));
    expect(stream.getState().phase).toBe('done');
    expect(api.openStreams()).toBe(0);

    await advance(10 * 60_000);
    expect(api.count('/stream')).toBe(1);
  });

  it('parses the whole SSE framing: comments, id, retry, multi-line data, CRLF, any chunking', async () => {
    const body = JSON.stringify(completed, null, 1).split('\n');
    const text = [
      ': a comment\r\n',
      'retry: 10\r\n',
      '\r\n',
      'id: 7\r\n',
      'event: result\r\n',
      ...body.map((line) => `data: ${line}\r\n`),
      '\r\n',
    ].join('');
    // Cut between every CR and LF, and inside fields.
    await expectResultInPieces(text, 5, completed);
  });

  it('takes a multi-megabyte result in small chunks (parsed off the main thread where there is a worker)', async () => {
    const big = { ...completed, outputData: JSON.stringify({ result: 'é'.repeat(300_000) }) };
    const text = `event: result\r\ndata: ${JSON.stringify(big)}\r\n\r\n`;
    await expectResultInPieces(text, 4096, big);
  });

  it('handles a result before the end of the stream that carried it', async () => {
    const { api, stream } = await connected();
    api
      .lastStream()
      .send(event('result', JSON.stringify({ ...completed, outputData: 'z'.repeat(300_000) })));
    api.lastStream().end();
    await flush();
    expect(stream.getState().phase).toBe('done');
    await advance(60_000);
    expect(api.count('/stream')).toBe(1);
    expect(api.count('/status')).toBe(0);
  });

  it("takes a result whose id differs only in the letters' case as this job's result", async () => {
    const uuid = '0f8e3a52-6c1d-4b7e-9a2f-3d5c7e9b1a40';
    const api = fakeJobsApi({ jobs: [{ ...running, id: uuid }] });
    queryClient.setQueryData(jobQueries.detail(uuid).queryKey, { ...running, id: uuid });
    const stream = createJobStream(queryClient, uuid, { random: () => 1 });
    started.push(stream);
    stream.start();
    await flush();
    api
      .lastStream()
      .send(event('result', JSON.stringify({ ...completed, id: uuid.toUpperCase() })));
    await flush();
    expect(stream.getState().phase).toBe('done');
    expect(queryClient.getQueryData(jobQueries.detail(uuid).queryKey)).toMatchObject({
      status: 'completed',
    });
    expect(api.count('/status')).toBe(0);
  });

  it('ignores a malformed result, a result failing validation and one for another job, and checks the job once', async () => {
    const { api, stream } = await connected();
    api.lastStream().send(event('result', '{not json'));
    api.lastStream().send(event('result', JSON.stringify({ ...completed, status: 42 })));
    api.lastStream().send(event('result', JSON.stringify({ ...completed, id: 'someone-else' })));
    await flush();
    expect(queryClient.getQueryData(jobQueries.detail(JOB_ID).queryKey)).toEqual(running);
    expect(queryClient.getQueryData(jobQueries.detail('someone-else').queryKey)).toBeUndefined();
    // Three checks asked at once share the status query's one request.
    expect(api.count('/status')).toBe(1);
    expect(stream.getState().phase).toBe('live');
    expect(api.openStreams()).toBe(1);
    stream.stop();
  });

  it('never lets an older result replace a newer finished copy', async () => {
    const api = fakeApi();
    queryClient.setQueryData(jobQueries.detail(JOB_ID).queryKey, completed);
    const stream = start();
    await flush();
    const older = { ...completed, status: 'failed', updatedAt: '2026-11-01T10:00:30Z' };
    api.lastStream().send(event('result', JSON.stringify(older)));
    await flush();
    expect(queryClient.getQueryData(jobQueries.detail(JOB_ID).queryKey)).toEqual(completed);
    expect(stream.getState().phase).toBe('done');
  });

  it('reconnects after a drop with capped exponential backoff, checking the job once', async () => {
    const { api, stream } = await connected();
    api.lastStream().drop();
    await flush();
    expect(stream.getState()).toMatchObject({ phase: 'reconnecting', attempt: 1 });
    expect(api.count('/status')).toBe(1);

    // backoffDelay(0) with full jitter at the top: 500 ms.
    await advance(499);
    expect(api.count('/stream')).toBe(1);
    api.queue('/stream', () => Promise.reject(new TypeError('offline')));
    await advance(1);
    expect(api.count('/stream')).toBe(2);
    expect(stream.getState()).toMatchObject({ phase: 'reconnecting', attempt: 2 });

    // Second failure: 1000 ms; still one status check for the whole outage.
    api.queue('/stream', () => new Response('oops', { status: 503 }));
    await advance(1000);
    expect(api.count('/stream')).toBe(3);
    expect(stream.getState()).toMatchObject({ phase: 'reconnecting', attempt: 3 });
    await advance(2000);
    expect(api.count('/stream')).toBe(4);
    expect(stream.getState().phase).toBe('live');
    expect(api.count('/status')).toBe(1);
    expect(api.openStreams()).toBe(1);
    stream.stop();
  });

  it('caps the backoff and honours Retry-After', async () => {
    const api = fakeApi();
    for (let i = 0; i < 30; i++) api.queue('/stream', () => new Response('', { status: 502 }));
    const stream = start();
    await flush();
    for (let i = 0; i < 11; i++) await advance(30_000);
    expect(stream.getState().phase).toBe('reconnecting');
    const gap = (stream.getState().nextRetryAt ?? 0) - Date.now();
    expect(gap).toBeLessThanOrEqual(30_000);
    stream.stop();

    const api2 = fakeApi();
    api2.queue(
      '/stream',
      () => new Response('', { status: 429, headers: { 'Retry-After': '120' } }),
    );
    const second = start();
    await flush();
    expect((second.getState().nextRetryAt ?? 0) - Date.now()).toBe(120_000);
    second.stop();
  });

  it('finishes without reconnecting when the check after a drop finds the job done', async () => {
    const { api, stream } = await connected(finishOnServer);
    api.lastStream().drop();
    await flush();
    expect(stream.getState().phase).toBe('done');
    expect(queryClient.getQueryData(jobQueries.status(JOB_ID).queryKey)).toMatchObject({
      status: 'completed',
    });
    await advance(60_000);
    expect(api.count('/stream')).toBe(1);
  });

  it('treats a stream the server ends without a result as a drop', async () => {
    const { api, stream } = await connected();
    api.lastStream().end();
    await flush();
    expect(stream.getState()).toMatchObject({ phase: 'reconnecting', attempt: 1 });
    await advance(500);
    expect(api.count('/stream')).toBe(2);
    stream.stop();
  });

  it('stops on 401 (the token is cleared, sending the person to sign-in) and never retries', async () => {
    const { api, stream } = await connected((api) =>
      api.queue('/stream', () => json({ message: 'bad token' }, 401)),
    );
    expect(stream.getState()).toMatchObject({ phase: 'failed', fatal: 401 });
    expect(getToken()).toBeNull();
    await advance(10 * 60_000);
    expect(api.count('/stream')).toBe(1);
  });

  it.each([403, 404] as const)(
    'on %i confirms with /status, then shows the refusal without retrying',
    async (status) => {
      const { api, stream } = await connected((api) => api.refuse(JOB_ID, status));
      expect(stream.getState()).toMatchObject({ phase: 'failed', fatal: status });
      await advance(10 * 60_000);
      expect(api.count('/stream')).toBe(1);
      expect(api.count('/status')).toBe(1);
    },
  );

  it('a stream refused with 403 while the job itself is readable falls back to polling', async () => {
    const { api, stream } = await connected((api) =>
      api.queue('/stream', () => json({ message: 'Streaming quota exceeded' }, 403)),
    );
    expect(stream.getState()).toMatchObject({
      phase: 'polling',
      problem: { code: 'HTTP 403', message: 'Streaming quota exceeded' },
    });
    finishOnServer(api);
    await advance(streamTiming.pollMs);
    expect(stream.getState().phase).toBe('done');
    expect(api.count('/stream')).toBe(1);
  });

  it('reconnects when the connection goes silent (the watchdog)', async () => {
    const { api, stream } = await connected();
    await advance(streamTiming.watchdogMs - 1);
    expect(api.count('/stream')).toBe(1);
    await advance(1);
    expect(api.streams[0]?.open).toBe(false);
    expect(stream.getState()).toMatchObject({ phase: 'reconnecting', attempt: 1 });
    await advance(500);
    expect(api.count('/stream')).toBe(2);
    expect(api.openStreams()).toBe(1);
    stream.stop();
  });

  it('learns the ping interval: pings keep it live, silence well past the gaps reconnects', async () => {
    const { api, stream } = await connected();
    await fivePings(api, 1000);
    expect(stream.getState().phase).toBe('live');
    expect(api.count('/stream')).toBe(1);
    // Longest gap 1 s, factor 2.5, floor 2 s: silent for 2.5 s is dead.
    await advance(2400);
    expect(api.count('/stream')).toBe(1);
    await advance(100);
    expect(stream.getState().phase).toBe('reconnecting');
    stream.stop();
  });

  it('drops an event past the size cap, says why, and follows the job through /status', async () => {
    streamTiming.maxEventBytes = 1000;
    const { api, stream } = await connected();
    api.lastStream().send(`event: result\ndata: ${'x'.repeat(600)}`);
    await flush();
    expect(stream.getState().phase).toBe('live');
    api.lastStream().send('y'.repeat(600)); // the same line, still without an end
    await flush();
    expect(api.lastStream().open).toBe(false);
    expect(stream.getState()).toMatchObject({
      phase: 'polling',
      problem: {
        message: 'The server sent a live event larger than 1000 B: the live connection was closed.',
      },
    });
    finishOnServer(api);
    await advance(streamTiming.pollMs);
    expect(stream.getState().phase).toBe('done');
    expect(api.count('/stream')).toBe(1);
  });

  it('counts each event on its own against the size cap', async () => {
    streamTiming.maxEventBytes = 1000;
    const { api, stream } = await connected();
    for (let i = 0; i < 5; i++) api.lastStream().send(event('ping', 'p'.repeat(400)));
    await flush();
    expect(stream.getState().phase).toBe('live');
    stream.stop();
  });

  it('lets the bytes of an unfinished line keep the connection alive for a while, not forever', async () => {
    streamTiming.watchdogMs = 2000;
    streamTiming.maxEventMs = 10_000;
    const { api, stream } = await connected();
    api.lastStream().send('data: ');
    // A byte a second: each re-arms the watchdog, until the line has taken maxEventMs.
    for (let i = 0; i < 9; i++) {
      await advance(1000);
      api.lastStream().send('x');
    }
    await flush();
    expect(stream.getState().phase).toBe('live');
    // 10 s into the line: its bytes no longer count, the window armed at 9 s runs out at 11 s.
    await advance(1000);
    api.lastStream().send('x');
    await advance(999);
    expect(stream.getState().phase).toBe('live');
    await advance(1);
    expect(api.streams[0]?.open).toBe(false);
    expect(stream.getState()).toMatchObject({
      phase: 'reconnecting',
      problem: { message: 'The live connection went silent.' },
    });
    stream.stop();
  });

  it('re-renders at most once a second for pings, and drops a flood with a growing backoff', async () => {
    const { api, stream } = await connected();
    let changes = 0;
    stream.subscribe(() => (changes += 1));
    api.lastStream().send(event('ping', '').repeat(150));
    await flush();
    expect(stream.getState().phase).toBe('live');
    expect(changes).toBe(1);
    await advance(1000);
    api.lastStream().send(event('ping', '').repeat(streamTiming.maxEventsPerSecond + 1));
    await flush();
    expect(api.streams[0]?.open).toBe(false);
    expect(stream.getState()).toMatchObject({
      phase: 'reconnecting',
      attempt: 1,
      problem: {
        message: `The server sent more than ${streamTiming.maxEventsPerSecond} events a second: the live connection was closed.`,
      },
    });
    // Flooded again as soon as it is open: the connection never counts as stable, the wait grows.
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { nextRetryAt = 0 } = stream.getState();
      waits.push(nextRetryAt - Date.now());
      await advance(nextRetryAt - Date.now());
      api.lastStream().send(event('ping', '').repeat(streamTiming.maxEventsPerSecond + 1));
      await flush();
    }
    expect(stream.getState().attempt).toBe(4);
    expect(waits[2]).toBeGreaterThan(waits[0] ?? Infinity);
    expect(api.openStreams()).toBe(0);
    stream.stop();
  });

  it('after a flood, the next connection keeps the default watchdog window', async () => {
    const { api, stream } = await connected();
    // Pings 10 ms apart, then too many of them.
    await fivePings(api, 10);
    api.lastStream().send(event('ping', '').repeat(streamTiming.maxEventsPerSecond));
    await flush();
    expect(stream.getState().phase).toBe('reconnecting');
    await advance((stream.getState().nextRetryAt ?? 0) - Date.now());
    expect(stream.getState().phase).toBe('live');
    // A healthy server pinging every 30 s: the flood's gaps of a few ms taught nothing.
    await advance(30_000);
    api.lastStream().send(event('ping', ''));
    await flush();
    expect(stream.getState().phase).toBe('live');
    expect(api.count('/stream')).toBe(2);
    stream.stop();
  });

  it('the watchdog window can be set for tests', async () => {
    streamTiming.watchdogMs = 50;
    streamTiming.connectTimeoutMs = 50;
    const { api, stream } = await connected();
    await advance(60);
    expect(stream.getState().phase).toBe('reconnecting');
    expect(api.streams[0]?.open).toBe(false);
    stream.stop();
  });

  it('on JobTimeout checks the job and opens a new stream if it still runs', async () => {
    const { api, stream } = await connected();
    await advance(60_000);
    api
      .lastStream()
      .send(event('error', JSON.stringify({ code: 'JobTimeout', message: 'too long' })));
    await flush();
    expect(api.count('/status')).toBe(1);
    expect(api.count('/stream')).toBe(2);
    expect(api.streams[0]?.open).toBe(false);
    expect(stream.getState().phase).toBe('live');
    stream.stop();
  });

  it('on JobTimeout stops when the job has finished meanwhile', async () => {
    const { api, stream } = await connected(finishOnServer);
    api.lastStream().send(event('error', JSON.stringify({ code: 'JobTimeout' })));
    await flush();
    expect(stream.getState().phase).toBe('done');
    await advance(60_000);
    expect(api.count('/stream')).toBe(1);
  });

  it('backs off when JobTimeouts come one right after another', async () => {
    const { api, stream } = await connected();
    const timeout = event('error', JSON.stringify({ code: 'JobTimeout' }));
    api.lastStream().send(timeout);
    await flush();
    expect(api.count('/stream')).toBe(2); // the first one reopens at once
    api.lastStream().send(timeout);
    await flush();
    expect(api.count('/stream')).toBe(2);
    await advance(500);
    expect(api.count('/stream')).toBe(3);
    api.lastStream().send(timeout);
    await advance(999);
    expect(api.count('/stream')).toBe(3);
    await advance(1);
    expect(api.count('/stream')).toBe(4);
    stream.stop();
  });

  it('on another error code shows it and polls /status until the job finishes', async () => {
    const { api, stream } = await connected();
    api
      .lastStream()
      .send(event('error', JSON.stringify({ code: 'QuotaExceeded', message: 'No more' })));
    await flush();
    expect(stream.getState()).toMatchObject({
      phase: 'polling',
      problem: { code: 'QuotaExceeded', message: 'No more' },
    });
    expect(api.openStreams()).toBe(0);
    expect(api.count('/status')).toBe(1);
    await advance(streamTiming.pollMs);
    expect(api.count('/status')).toBe(2);
    finishOnServer(api);
    await advance(streamTiming.pollMs);
    expect(stream.getState().phase).toBe('done');
    await advance(60_000);
    expect(api.count('/status')).toBe(3);
    expect(api.count('/stream')).toBe(1);
  });

  it('polling backs off while /status fails, and keeps the interval once it answers again', async () => {
    const api = fakeApi();
    api.reply((url) =>
      url.pathname.endsWith('/status') ? new Response('', { status: 503 }) : undefined,
    );
    const stream = start();
    await flush();
    api.lastStream().send(event('error', JSON.stringify({ code: 'QuotaExceeded' })));
    await flush();
    expect(api.count('/status')).toBe(1);
    // Failures 1 to 4 wait the interval (the backoff is shorter), the 5th waits 8 s.
    for (let n = 2; n <= 5; n++) {
      await advance(streamTiming.pollMs);
      expect(api.count('/status')).toBe(n);
    }
    await advance(streamTiming.pollMs);
    expect(api.count('/status')).toBe(5);
    await advance(8000 - streamTiming.pollMs);
    expect(api.count('/status')).toBe(6);
    expect(stream.getState().phase).toBe('polling');
    api.reply(undefined);
    await advance(16_000);
    expect(api.count('/status')).toBe(7);
    await advance(streamTiming.pollMs);
    expect(api.count('/status')).toBe(8);
    expect(queryClient.getQueryData(jobQueries.status(JOB_ID).queryKey)).toEqual(runningStatus);
    stream.stop();
  });

  it('an error event without a readable body still falls back to polling', async () => {
    const { api, stream } = await connected();
    api.lastStream().send(event('error', '<html>'));
    await flush();
    expect(stream.getState()).toMatchObject({ phase: 'polling', problem: { code: 'StreamError' } });
    stream.stop();
  });

  it('a 200 answer that is not an event stream is retried with backoff', async () => {
    const api = fakeApi();
    api.queue(
      '/stream',
      () => new Response('<html>', { headers: { 'Content-Type': 'text/html' } }),
    );
    const stream = start();
    await flush();
    expect(stream.getState()).toMatchObject({ phase: 'reconnecting', attempt: 1 });
    await advance(500);
    expect(stream.getState().phase).toBe('live');
    stream.stop();
  });

  it('other 4xx are not retried: it polls /status instead', async () => {
    const { api, stream } = await connected((api) =>
      api.queue('/stream', () => new Response('Invalid value', { status: 400 })),
    );
    expect(stream.getState()).toMatchObject({ phase: 'polling' });
    await advance(60_000);
    expect(api.count('/stream')).toBe(1);
    stream.stop();
  });

  it('sends the current token on every attempt', async () => {
    const { api, stream } = await connected();
    setToken('tok-2', false);
    api.lastStream().drop();
    await advance(500);
    expect(api.lastStream().headers.get('Authorization')).toBe('Bearer tok-2');
    stream.stop();
  });

  it('reconnects at once when the browser comes back online, and when the tab is shown again checks the job', async () => {
    const { api, stream } = await connected();
    api.lastStream().drop();
    api.queue('/stream', () => Promise.reject(new TypeError('offline')));
    await advance(500);
    expect(stream.getState()).toMatchObject({ phase: 'reconnecting', attempt: 2 });
    const before = api.count('/status');
    window.dispatchEvent(new Event('online'));
    await flush();
    expect(api.count('/stream')).toBe(3);
    expect(api.count('/status')).toBe(before + 1);
    expect(stream.getState().phase).toBe('live');

    document.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(api.count('/status')).toBe(before + 2);
    expect(api.count('/stream')).toBe(3);
    stream.stop();
  });

  it('stop() aborts the connection and every timer', async () => {
    const { api, stream } = await connected();
    api.lastStream().drop();
    await flush();
    stream.stop();
    await advance(10 * 60_000);
    expect(api.count('/stream')).toBe(1);
    expect(api.openStreams()).toBe(0);

    const api2 = fakeApi();
    const other = start();
    await flush();
    other.stop();
    await flush();
    expect(api2.openStreams()).toBe(0);
  });
});

describe('one stream per job per tab', () => {
  it('shares one connection between holders and closes it when the last lets go', async () => {
    const api = fakeApi();
    const releaseA = acquireJobStream(queryClient, JOB_ID);
    const releaseB = acquireJobStream(queryClient, JOB_ID);
    await flush();
    expect(api.count('/stream')).toBe(1);
    releaseA();
    releaseA(); // twice is harmless
    await flush();
    expect(api.openStreams()).toBe(1);
    releaseB();
    await flush();
    expect(api.openStreams()).toBe(0);
    expect(getJobStreamState(queryClient, JOB_ID)).toBeUndefined();
  });

  it('survives a release followed by an acquire in the same task (StrictMode remount)', async () => {
    const api = fakeApi();
    const release = acquireJobStream(queryClient, JOB_ID);
    release();
    const again = acquireJobStream(queryClient, JOB_ID);
    await flush();
    expect(api.count('/stream')).toBe(1);
    expect(api.openStreams()).toBe(1);
    again();
    await flush();
    expect(api.openStreams()).toBe(0);
  });
});

describe('useJobStream', () => {
  function wrapper({ children }: { children: ReactNode }) {
    return createElement(
      StrictMode,
      null,
      createElement(QueryClientProvider, { client: queryClient }, children),
    );
  }

  it('opens one stream under StrictMode, reports its state, and closes on unmount', async () => {
    const api = fakeApi();
    const { result, unmount } = renderHook(() => useJobStream(JOB_ID, true), { wrapper });
    await act(flush);
    expect(api.count('/stream')).toBe(1);
    expect(result.current?.phase).toBe('live');
    act(() => api.lastStream().send(event('ping', '')));
    await act(flush);
    expect(result.current?.lastPingAt).toBe(Date.now());
    unmount();
    await act(flush);
    expect(api.openStreams()).toBe(0);
  });

  it('opens nothing while disabled, and closes when the job finishes', async () => {
    const api = fakeApi();
    const { result, rerender } = renderHook(({ on }) => useJobStream(JOB_ID, on), {
      wrapper,
      initialProps: { on: false },
    });
    await act(flush);
    expect(api.count('/stream')).toBe(0);
    expect(result.current).toBeUndefined();
    rerender({ on: true });
    await act(flush);
    expect(api.openStreams()).toBe(1);
    rerender({ on: false });
    await act(flush);
    expect(api.openStreams()).toBe(0);
  });

  it('moving from job A to job B leaves only B open', async () => {
    const api = fakeJobsApi({ jobs: [runningJob({ id: 'job-a' }), runningJob({ id: 'job-b' })] });
    const { rerender, unmount } = renderHook(({ id }) => useJobStream(id, true), {
      wrapper,
      initialProps: { id: 'job-a' },
    });
    await act(flush);
    rerender({ id: 'job-b' });
    await act(flush);
    expect(api.openStreams()).toBe(1);
    expect(api.lastStream().url).toBe('/api/jobs/job-b/stream');
    unmount();
    await act(flush);
    expect(api.openStreams()).toBe(0);
  });
});
