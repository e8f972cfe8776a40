// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../api/schema.gen.ts';
import { startSimulatorServer } from './server.ts';
import type { SimulatorServer } from './server.ts';

type JobResponse = components['schemas']['JobResponse'];
type Page = components['schemas']['PaginatedResponseJobResponse'];

const DEMO = 'nx-demo-4f6b2c1e9a7d';
let server: SimulatorServer;

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${DEMO}` } });
}

function control(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${server.url}/__sim/${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function createJob(body: Record<string, unknown> = {}): Promise<JobResponse> {
  const res = await control('jobs', body);
  expect(res.status).toBe(201);
  return (await res.json()) as JobResponse;
}

async function firstPage(): Promise<Page> {
  return (await (await api('/api/jobs?perPage=5')).json()) as Page;
}

beforeAll(async () => {
  server = await startSimulatorServer({ port: 0, controls: true });
});
afterAll(() => server.close());
beforeEach(async () => {
  expect((await control('reset')).status).toBe(200);
});

describe('POST /__sim/jobs', () => {
  it('creates a running demo job, newest first, with defaults', async () => {
    const job = await createJob();
    expect(job).toMatchObject({ status: 'running', ownerUser: 'demo', jobType: 'inference' });
    expect(job.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(job).not.toHaveProperty('completedAt');
    expect(job).not.toHaveProperty('outputData');
    expect(typeof job.inputData).toBe('string');
    expect((await firstPage()).items?.[0]).toEqual(job);
  });

  it('keeps arbitrary strings verbatim (markup, huge values)', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert("x")</script>';
    const huge = 'x'.repeat(3_000_000);
    const job = await createJob({
      id: 'xss-job',
      status: 'completed',
      jobType: '<b>type</b>',
      inputData: payload,
      outputData: huge,
      organization: 'acme-legal',
    });
    const fetched = (await (await api('/api/jobs/xss-job')).json()) as JobResponse;
    expect(fetched).toEqual(job);
    expect(fetched).toMatchObject({
      jobType: '<b>type</b>',
      inputData: payload,
      ownerOrganization: 'acme-legal',
    });
    expect(fetched.outputData).toHaveLength(3_000_000);
    expect(fetched.completedAt).toBeDefined();
  });

  it('fills in failures and unknown statuses as given', async () => {
    const failed = await createJob({ status: 'failed' });
    expect(failed).toMatchObject({
      errorCode: expect.any(String),
      errorMessage: expect.any(String),
    });
    expect(failed.completedAt).toBeDefined();
    const odd = await createJob({ status: 'paused-by-admin' });
    expect(odd.status).toBe('paused-by-admin');
    expect(odd).not.toHaveProperty('completedAt');
  });

  it('rejects duplicate ids and wrong types', async () => {
    await createJob({ id: 'dup' });
    expect((await control('jobs', { id: 'dup' })).status).toBe(409);
    expect((await control('jobs', { status: 3 })).status).toBe(400);
    expect((await control('jobs', '{not json')).status).toBe(400);
  });
});

describe('POST /__sim/jobs/{id}/finish', () => {
  it('completes a job with the given output', async () => {
    const job = await createJob({ id: 'to finish/1' });
    const res = await control(`jobs/${encodeURIComponent(job.id)}/finish`, {
      outputData: '{"result":{}}',
    });
    expect(res.status).toBe(200);
    const finished = (await res.json()) as JobResponse;
    expect(finished).toMatchObject({
      id: job.id,
      status: 'completed',
      outputData: '{"result":{}}',
    });
    expect(finished.completedAt).toBeDefined();
    const status = (await (
      await api(`/api/jobs/${encodeURIComponent(job.id)}/status`)
    ).json()) as JobResponse;
    expect(status.status).toBe('completed');
  });

  it('fails a job with an error', async () => {
    const job = await createJob({ status: 'queued' });
    const finished = (await (
      await control(`jobs/${job.id}/finish`, { status: 'failed', errorCode: 'X' })
    ).json()) as JobResponse;
    expect(finished).toMatchObject({
      status: 'failed',
      errorCode: 'X',
      errorMessage: expect.any(String),
    });
    expect(finished).not.toHaveProperty('outputData');
  });

  it('answers 404 for an unknown job, 409 for a finished one, 400 for a bad status', async () => {
    expect((await control('jobs/nope/finish')).status).toBe(404);
    const job = await createJob();
    expect((await control(`jobs/${job.id}/finish`, { status: 'running' })).status).toBe(400);
    expect((await control(`jobs/${job.id}/finish`)).status).toBe(200);
    expect((await control(`jobs/${job.id}/finish`)).status).toBe(409);
  });
});

describe('POST /__sim/faults', () => {
  it('answers the next `count` matching requests with the fault, then normally', async () => {
    await control('faults', {
      path: 'list',
      count: 2,
      status: 503,
      body: '{"message":"down"}',
      headers: { 'Retry-After': '1' },
    });
    for (let i = 0; i < 2; i++) {
      const res = await api('/api/jobs');
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.json()).toEqual({ message: 'down' });
    }
    expect((await api('/api/jobs')).status).toBe(200);
  });

  it('matches by path prefix (encoded or decoded) and by endpoint kind', async () => {
    const job = await createJob({ id: 'a b' });
    await control('faults', {
      path: '/api/jobs/a b/status',
      count: 1,
      status: 500,
      body: 'oops',
      contentType: 'text/plain',
    });
    expect((await api('/api/jobs/a%20b')).status).toBe(200);
    const res = await api('/api/jobs/a%20b/status');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('oops');
    await control('faults', { path: 'job', count: 1, status: 502 });
    expect((await api(`/api/jobs/${encodeURIComponent(job.id)}/status`)).status).toBe(200);
    const faulted = await api(`/api/jobs/${encodeURIComponent(job.id)}`);
    expect(faulted.status).toBe(502);
    expect(await faulted.json()).toEqual({ message: expect.any(String) });
  });

  it('matches only requests whose query holds the given text', async () => {
    await control('faults', { path: 'list', query: 'organization=acme-legal', status: 403 });
    expect((await api('/api/jobs?skip=30&perPage=30')).status).toBe(200);
    expect((await api('/api/jobs?organization=acme-legal')).status).toBe(403);
    expect((await api('/api/jobs?organization=acme-legal')).status).toBe(200);
  });

  it('faults even requests without a token (the fault replaces the whole answer)', async () => {
    await control('faults', { path: '/api/jobs', count: 1, status: 429 });
    expect((await fetch(`${server.url}/api/jobs`)).status).toBe(429);
  });

  it('delays a request, then serves it normally', async () => {
    await control('faults', { path: 'list', count: 1, delayMs: 300 });
    const started = Date.now();
    const res = await api('/api/jobs?perPage=1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Page).items).toHaveLength(1);
  });

  it('hangs a request until reset', async () => {
    await control('faults', { path: 'status', count: 1, hang: true });
    const job = await createJob();
    const pending = api(`/api/jobs/${job.id}/status`);
    const raced = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('hanging'), 250)),
    ]);
    expect(raced).toBe('hanging');
    await control('reset');
    await expect(pending.then((res) => res.text())).rejects.toThrow();
  });

  it('rejects faults without an effect or with bad fields', async () => {
    expect((await control('faults', { path: 'list', count: 1 })).status).toBe(400);
    expect((await control('faults', { count: 1, status: 500 })).status).toBe(400);
    expect((await control('faults', { path: 'list', count: 0, status: 500 })).status).toBe(400);
    expect((await control('faults', { path: 'list', status: 'x' })).status).toBe(400);
  });
});

describe('counters, config, revoke, reset', () => {
  type Counters = {
    openStreams: number;
    requests: Record<string, number>;
    byPath: Record<string, number>;
  };
  const counters = async (): Promise<Counters> =>
    (await (await fetch(`${server.url}/__sim/counters`)).json()) as Counters;

  it('counts requests per endpoint kind and per path', async () => {
    expect(await counters()).toEqual({
      openStreams: 0,
      requests: { list: 0, job: 0, status: 0, stream: 0, cancel: 0 },
      byPath: {},
    });
    const job = await createJob({ status: 'completed' });
    await api('/api/jobs');
    await api('/api/jobs?skip=1');
    await api(`/api/jobs/${job.id}`);
    await api(`/api/jobs/${job.id}/status`);
    await (await api(`/api/jobs/${job.id}/stream`)).text();
    await fetch(`${server.url}/api/jobs`); // a 401 is still a request
    expect(await counters()).toEqual({
      openStreams: 0,
      requests: { list: 3, job: 1, status: 1, stream: 1, cancel: 0 },
      byPath: {
        '/api/jobs': 3,
        [`/api/jobs/${job.id}`]: 1,
        [`/api/jobs/${job.id}/status`]: 1,
        [`/api/jobs/${job.id}/stream`]: 1,
      },
    });
  });

  it('changes the configuration and validates it', async () => {
    const res = await control('config', { pingMs: 100 });
    expect(await res.json()).toEqual({
      pingMs: 100,
      jobTimeoutMs: 600_000,
      live: false,
      profile: 'contract',
      cancelDelayMs: 1_000,
    });
    expect((await control('config', { pingMs: 0 })).status).toBe(400);
    expect((await control('config', { profile: '2025' })).status).toBe(400);
    expect((await control('config', { live: 'yes' })).status).toBe(400);
  });

  it('revokes a token until reset', async () => {
    expect(await (await control('revoke', { token: DEMO })).json()).toEqual({ revoked: DEMO });
    expect((await api('/api/jobs')).status).toBe(401);
    await control('reset');
    expect((await api('/api/jobs')).status).toBe(200);
  });

  it('restores the seeded jobs, config and counters on reset', async () => {
    const before = await firstPage();
    await createJob({ id: 'temporary' });
    await control('config', { pingMs: 5 });
    await control('faults', { path: 'list', count: 5, status: 500 });
    await control('reset');
    expect((await counters()).requests).toEqual({
      list: 0,
      job: 0,
      status: 0,
      stream: 0,
      cancel: 0,
    });
    const after = await firstPage();
    expect(after.totalCount).toBe(before.totalCount);
    expect(after.items?.map((job) => job.id)).toEqual(before.items?.map((job) => job.id));
    expect((await api('/api/jobs/temporary')).status).toBe(404);
    expect(await (await control('config')).json()).toEqual({
      pingMs: 30_000,
      jobTimeoutMs: 600_000,
      live: false,
      profile: 'contract',
      cancelDelayMs: 1_000,
    });
  });

  it('answers 404 for unknown controls and 405 for wrong methods', async () => {
    expect((await control('nothing')).status).toBe(404);
    expect((await fetch(`${server.url}/__sim/reset`)).status).toBe(405);
    expect((await control('counters')).status).toBe(405);
  });

  it('refuses callers from another origin (a web page on this machine), not its own', async () => {
    const from = (origin: string) =>
      fetch(`${server.url}/__sim/reset`, { method: 'POST', headers: { Origin: origin } });
    expect((await from('http://evil.example')).status).toBe(403);
    expect((await from(server.url)).status).toBe(200);
  });
});

describe('without controls', () => {
  let plain: SimulatorServer;
  const savedTokens = process.env.SIM_TOKENS;
  beforeAll(async () => {
    process.env.SIM_TOKENS = 'tokA:demo, tokB:mallory';
    plain = await startSimulatorServer({ port: 0 });
  });
  afterAll(() => plain.close());
  afterEach(() => {
    if (savedTokens === undefined) delete process.env.SIM_TOKENS;
    else process.env.SIM_TOKENS = savedTokens;
  });

  it('answers 404 on every control path but still offers the demo token', async () => {
    for (const path of ['reset', 'jobs', 'faults', 'config', 'revoke', 'drop-streams']) {
      expect(
        (await fetch(`${plain.url}/__sim/${path}`, { method: 'POST', body: '{}' })).status,
      ).toBe(404);
    }
    expect((await fetch(`${plain.url}/__sim/counters`)).status).toBe(404);
    expect(await (await fetch(`${plain.url}/__sim/demo`)).json()).toEqual({
      demo: true,
      token: 'tokA',
    });
  });

  it('takes its tokens from SIM_TOKENS, replacing the default', async () => {
    const as = (token: string) =>
      fetch(`${plain.url}/api/jobs?perPage=1`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await as('tokA')).status).toBe(200);
    const mallory = (await (await as('tokB')).json()) as Page;
    expect(mallory.items?.[0]?.ownerUser).toBe('mallory');
    expect((await as(DEMO)).status).toBe(401);
  });
});
