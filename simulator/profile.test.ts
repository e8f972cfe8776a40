// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatorServer } from './server.ts';
import type { SimulatorServer } from './server.ts';
import { wireTime } from './profile.ts';

const DEMO = 'nx-demo-4f6b2c1e9a7d';
const MALLORY = 'tok-mallory';

let server: SimulatorServer;

function api(path: string, init: RequestInit = {}, token = DEMO): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}` } });
}

async function control(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${server.url}/__sim/${path}`, { method: 'POST', body: JSON.stringify(body) });
}

async function createJob(body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await control('jobs', body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

/** The events of a stream that ends by itself (a finished job's). */
async function streamText(id: string): Promise<string> {
  const res = await api(`/api/jobs/${id}/stream`);
  return res.text();
}

beforeAll(async () => {
  server = await startSimulatorServer({
    port: 0,
    controls: true,
    tokens: { [DEMO]: 'demo', [MALLORY]: 'mallory' },
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  expect((await control('reset')).status).toBe(200);
});

describe('the contract profile (the default)', () => {
  it('serves the detail endpoint, whole-job results, Z timestamps and no cancel endpoint', async () => {
    const job = await createJob({ id: 'c-1', status: 'failed' });
    const detail = await api(`/api/jobs/${job.id}`);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as { createdAt: string };
    expect(body.createdAt).toMatch(/Z$/);
    expect(await streamText(job.id)).toContain('"id":"c-1"');
    expect((await api(`/api/jobs/${job.id}/cancel`, { method: 'POST' })).status).toBe(404);
    expect((await api('/api/jobs/C-1/status')).status).toBe(404);
  });
});

describe('the 2026 profile (switched at runtime)', () => {
  beforeEach(async () => {
    const res = await control('config', { profile: '2026', cancelDelayMs: 50 });
    expect(((await res.json()) as { profile: string }).profile).toBe('2026');
  });

  it('has no detail endpoint, but /status and the stream know the job', async () => {
    const job = await createJob({ status: 'completed' });
    expect((await api(`/api/jobs/${job.id}`)).status).toBe(404);
    expect((await api(`/api/jobs/${job.id}/status`)).status).toBe(200);
    expect(await streamText(job.id)).toContain('"inputData"');
  });

  it('writes timestamps with microseconds and +00:00', async () => {
    const job = await createJob({ status: 'completed' });
    const status = (await (await api(`/api/jobs/${job.id}/status`)).json()) as Record<
      string,
      string
    >;
    for (const key of ['createdAt', 'startedAt', 'updatedAt', 'completedAt'])
      expect(status[key]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
  });

  it('matches ids without regard to letter case, answering with the id it keeps', async () => {
    const job = await createJob({ id: 'ab12cd34-0000-4000-8000-00000000abcd' });
    const res = await api(`/api/jobs/${job.id.toUpperCase()}/status`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(job.id);
  });

  it("sends a failed job's stream result as {code, message} with a numeric code", async () => {
    const job = await createJob({ status: 'failed', errorCode: 'ContextLengthExceeded' });
    const text = await streamText(job.id);
    expect(text).toContain('event: result');
    expect(text).toContain('{"code":413,"message":"Request Entity Too Large"}');
  });

  it('cancels a running job and its children within the delay; the stream reports it', async () => {
    const parent = await createJob({ status: 'running' });
    const child = await createJob({ status: 'running', parent: parent.id });
    const stream = streamText(parent.id);
    const res = await api(`/api/jobs/${parent.id}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await stream).toContain('"status":"cancelled"');
    const childStatus = (await (await api(`/api/jobs/${child.id}/status`)).json()) as {
      status: string;
    };
    expect(childStatus.status).toBe('cancelled');
  });

  it('follows the vendor rules: finished is a no-op, a child is 400, not yours 403, unknown 404', async () => {
    const done = await createJob({ status: 'completed' });
    expect((await api(`/api/jobs/${done.id}/cancel`, { method: 'POST' })).status).toBe(200);
    const status = (await (await api(`/api/jobs/${done.id}/status`)).json()) as { status: string };
    expect(status.status).toBe('completed');

    const parent = await createJob({ status: 'running' });
    const child = await createJob({ status: 'running', parent: parent.id });
    const refused = await api(`/api/jobs/${child.id}/cancel`, { method: 'POST' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await refused.text()).toMatch(/cancel the parent instead/);

    const theirs = await createJob({ status: 'running', owner: 'mallory' });
    expect((await api(`/api/jobs/${theirs.id}/cancel`, { method: 'POST' })).status).toBe(403);
    expect((await api('/api/jobs/nope/cancel', { method: 'POST' })).status).toBe(404);
    expect((await api(`/api/jobs/${parent.id}/cancel`)).status).toBe(405);
  });

  it('goes back to the contract on reset', async () => {
    const job = await createJob({ status: 'completed' });
    await control('reset');
    await createJob({ id: job.id, status: 'completed' });
    expect((await api(`/api/jobs/${job.id}`)).status).toBe(200);
  });
});

describe('wireTime', () => {
  it('keeps the contract text and pads milliseconds to microseconds for 2026', () => {
    expect(wireTime('2026-01-02T03:04:05.678Z', 'contract', { seq: 1 })).toBe(
      '2026-01-02T03:04:05.678Z',
    );
    expect(wireTime('2026-01-02T03:04:05.678Z', '2026', { seq: 1 })).toMatch(
      /^2026-01-02T03:04:05\.678\d{3}\+00:00$/,
    );
  });
});
