// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../api/schema.gen.ts';
import { startSimulatorServer } from './server.ts';
import type { SimulatorServer } from './server.ts';

type JobResponse = components['schemas']['JobResponse'];
type SseEvent = { event: string; data: string };

const DEMO = 'nx-demo-4f6b2c1e9a7d';
let server: SimulatorServer;

/**
 * A minimal Server-Sent Events reader: `event:` and `data:` fields (several data lines joined by "\n"),
 * comments skipped, LF / CRLF / CR line ends. `next()` resolves undefined once the stream has ended.
 */
function readEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const queue: SseEvent[] = [];
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let done = false;

  function parseLines(): void {
    for (let match = /\r\n|\r|\n/.exec(buffer); match; match = /\r\n|\r|\n/.exec(buffer)) {
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      if (line === '') {
        if (event !== '' || data.length > 0)
          queue.push({ event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
  }

  async function next(): Promise<SseEvent | undefined> {
    while (queue.length === 0 && !done) {
      const chunk = await reader.read();
      if (chunk.done) done = true;
      else {
        buffer += decoder.decode(chunk.value, { stream: true });
        parseLines();
      }
    }
    return queue.shift();
  }

  async function rest(): Promise<SseEvent[]> {
    const events: SseEvent[] = [];
    for (let e = await next(); e; e = await next()) events.push(e);
    return events;
  }

  return { next, rest, cancel: () => reader.cancel() };
}

async function openStream(id: string, init: RequestInit = {}) {
  const res = await fetch(`${server.url}/api/jobs/${encodeURIComponent(id)}/stream`, {
    ...init,
    headers: { Authorization: `Bearer ${DEMO}`, Accept: 'text/event-stream' },
  });
  if (!res.body) throw new Error('no body');
  return { res, events: readEvents(res.body) };
}

async function control(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${server.url}/__sim/${path}`, { method: 'POST', body: JSON.stringify(body) });
}

async function createJob(body: Record<string, unknown> = {}): Promise<JobResponse> {
  return (await (await control('jobs', body)).json()) as JobResponse;
}

async function counters(): Promise<{
  openStreams: number;
  requests: Record<string, number>;
  byPath: Record<string, number>;
}> {
  return (await (await fetch(`${server.url}/__sim/counters`)).json()) as Awaited<
    ReturnType<typeof counters>
  >;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  server = await startSimulatorServer({
    port: 0,
    controls: true,
    pingMs: 5000,
    jobTimeoutMs: 60_000,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  await control('reset');
});

describe('stream of a finished job', () => {
  it('sends the result at once, then ends', async () => {
    const job = await createJob({ status: 'completed', outputData: '{"result": {"a": 1}}' });
    const started = Date.now();
    const { res, events } = await openStream(job.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const all = await events.rest();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(all).toHaveLength(1);
    expect(all[0]?.event).toBe('result');
    const full = await (
      await fetch(`${server.url}/api/jobs/${job.id}`, {
        headers: { Authorization: `Bearer ${DEMO}` },
      })
    ).json();
    expect(JSON.parse(all[0]?.data ?? '')).toEqual(full);
  });

  it('sends a failed job as a result too', async () => {
    const job = await createJob({ status: 'failed', errorCode: 'Boom', errorMessage: 'It broke' });
    const all = await (await openStream(job.id)).events.rest();
    expect(all.map((e) => e.event)).toEqual(['result']);
    expect(JSON.parse(all[0]?.data ?? '')).toMatchObject({
      status: 'failed',
      errorCode: 'Boom',
      errorMessage: 'It broke',
    });
  });

  it('carries multi-megabyte seeded jobs whole', async () => {
    const items: JobResponse[] = [];
    for (let skip = 0; skip < 300; skip += 100) {
      const page = await fetch(`${server.url}/api/jobs?skip=${skip}&perPage=100`, {
        headers: { Authorization: `Bearer ${DEMO}` },
      });
      items.push(...((await page.json()) as { items: JobResponse[] }).items);
    }
    const big = items.find((job) => (job.outputData?.length ?? 0) > 2_000_000);
    expect(big).toBeDefined();
    const [result] = await (await openStream(big?.id ?? '')).events.rest();
    expect((JSON.parse(result?.data ?? '') as JobResponse).outputData).toBe(big?.outputData);
  }, 20_000);
});

describe('stream of an unfinished job', () => {
  it('pings with empty data, then sends the result when the job finishes, then ends', async () => {
    await control('config', { pingMs: 50 });
    const job = await createJob({ status: 'running' });
    const { events } = await openStream(job.id);
    const first = await events.next();
    const second = await events.next();
    expect(first).toEqual({ event: 'ping', data: '' });
    expect(second).toEqual({ event: 'ping', data: '' });
    expect((await counters()).openStreams).toBe(1);

    const finish = await control(`jobs/${encodeURIComponent(job.id)}/finish`, {
      status: 'completed',
      outputData: '{"result": 42}',
    });
    expect(finish.status).toBe(200);
    const rest = await events.rest();
    const result = rest.find((e) => e.event !== 'ping');
    expect(rest.at(-1)).toBe(result);
    const finished = JSON.parse(result?.data ?? '') as JobResponse;
    expect(result?.event).toBe('result');
    expect(finished).toMatchObject({
      id: job.id,
      status: 'completed',
      outputData: '{"result": 42}',
      inputData: job.inputData,
    });
    expect(finished.completedAt).toBeDefined();
    expect(Date.parse(finished.updatedAt)).toBeGreaterThanOrEqual(Date.parse(job.updatedAt));
    expect((await counters()).openStreams).toBe(0);
  });

  it('sends a failure as the result', async () => {
    const job = await createJob({ status: 'queued' });
    const { events } = await openStream(job.id);
    await eventually(async () => (await counters()).openStreams === 1);
    await control(`jobs/${encodeURIComponent(job.id)}/finish`, {
      status: 'failed',
      errorCode: 'E42',
      errorMessage: 'nope',
    });
    const all = await events.rest();
    expect(all.map((e) => e.event)).toEqual(['result']);
    expect(JSON.parse(all[0]?.data ?? '')).toMatchObject({
      status: 'failed',
      errorCode: 'E42',
      errorMessage: 'nope',
    });
  });

  it('sends the result to every open stream of the job', async () => {
    const job = await createJob();
    const a = await openStream(job.id);
    const b = await openStream(job.id);
    await eventually(async () => (await counters()).openStreams === 2);
    await control(`jobs/${encodeURIComponent(job.id)}/finish`);
    for (const stream of [a, b])
      expect((await stream.events.rest()).map((e) => e.event)).toEqual(['result']);
  });

  it('ends with a JobTimeout error when the job does not finish in time', async () => {
    await control('config', { pingMs: 40, jobTimeoutMs: 250 });
    const job = await createJob();
    const started = Date.now();
    const all = await (await openStream(job.id)).events.rest();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    const last = all.at(-1);
    expect(last?.event).toBe('error');
    expect(JSON.parse(last?.data ?? '')).toEqual({
      code: 'JobTimeout',
      message: expect.any(String),
    });
    expect(all.slice(0, -1).every((e) => e.event === 'ping')).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect((await counters()).openStreams).toBe(0);
  });

  it('applies a new ping interval to streams already open', async () => {
    const job = await createJob();
    const { events } = await openStream(job.id);
    await eventually(async () => (await counters()).openStreams === 1);
    await control('config', { pingMs: 30 });
    expect(await events.next()).toEqual({ event: 'ping', data: '' });
    await events.cancel();
  });
});

describe('connections', () => {
  it('drop-streams destroys open stream connections abruptly', async () => {
    const job = await createJob();
    const { events } = await openStream(job.id);
    await eventually(async () => (await counters()).openStreams === 1);
    const dropped = (await (await control('drop-streams')).json()) as { dropped: number };
    expect(dropped).toEqual({ dropped: 1 });
    await expect(events.rest()).rejects.toThrow();
    expect((await counters()).openStreams).toBe(0);
  });

  it('cleans up when the client goes away', async () => {
    const job = await createJob();
    const abort = new AbortController();
    const { events } = await openStream(job.id, { signal: abort.signal });
    await eventually(async () => (await counters()).openStreams === 1);
    abort.abort();
    await events.rest().catch(() => undefined);
    await eventually(async () => (await counters()).openStreams === 0);
    // The job can still finish without writing to a closed socket.
    expect((await control(`jobs/${encodeURIComponent(job.id)}/finish`)).status).toBe(200);
  });

  it('answers 401, 403 and 404 before streaming', async () => {
    const unknown = await fetch(`${server.url}/api/jobs/nope/stream`, {
      headers: { Authorization: `Bearer ${DEMO}` },
    });
    expect(unknown.status).toBe(404);
    const job = await createJob({ owner: 'mallory' });
    const forbidden = await fetch(`${server.url}/api/jobs/${job.id}/stream`, {
      headers: { Authorization: `Bearer ${DEMO}` },
    });
    expect(forbidden.status).toBe(403);
    expect((await fetch(`${server.url}/api/jobs/${job.id}/stream`)).status).toBe(401);
  });
});

describe('stream faults', () => {
  it('writes a raw sse body `count` times, then serves streams normally', async () => {
    const job = await createJob({ status: 'completed' });
    const raw =
      ': comment\r\nevent: result\r\ndata: {"id":\r\ndata: "x"}\r\nid: 7\r\nretry: 100\r\n\r\nevent: bogus\ndata: ?\n\n';
    expect((await control('faults', { path: 'stream', count: 2, sse: raw })).status).toBe(201);
    const first = await fetch(`${server.url}/api/jobs/${job.id}/stream`, {
      headers: { Authorization: `Bearer ${DEMO}` },
    });
    expect(first.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await first.text()).toBe(raw);
    const faulted = await openStream(job.id);
    expect(await faulted.events.rest()).toEqual([
      { event: 'result', data: '{"id":\n"x"}' },
      { event: 'bogus', data: '?' },
    ]);
    const normal = await (await openStream(job.id)).events.rest();
    expect(JSON.parse(normal[0]?.data ?? '')).toMatchObject({ id: job.id });
  });

  it('answers a stream with a faulted status', async () => {
    const job = await createJob();
    await control('faults', {
      path: `/api/jobs/${job.id}/stream`,
      count: 1,
      status: 503,
      body: 'busy',
      contentType: 'text/plain',
    });
    const res = await fetch(`${server.url}/api/jobs/${job.id}/stream`, {
      headers: { Authorization: `Bearer ${DEMO}` },
    });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('busy');
  });

  it('can open a stream that never sends anything (sse + hang)', async () => {
    const job = await createJob();
    await control('faults', { path: 'stream', count: 1, sse: '', hang: true });
    const { res, events } = await openStream(job.id);
    expect(res.status).toBe(200);
    const pending = events.next();
    const raced = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('silent'), 200)),
    ]);
    expect(raced).toBe('silent');
    await control('reset');
    await expect(pending).rejects.toThrow();
  });
});
