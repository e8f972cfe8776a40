// @vitest-environment node
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../api/schema.gen.ts';
import { createSimulator } from './app.ts';
import { startSimulatorServer } from './server.ts';
import type { SimulatorServer } from './server.ts';

type JobResponse = components['schemas']['JobResponse'];
type Page = components['schemas']['PaginatedResponseJobResponse'];

const DEMO = 'nx-demo-4f6b2c1e9a7d';
const MALLORY = 'tok-mallory';
const ALICE = 'tok-alice';

let server: SimulatorServer;

/** `token: null` sends no Authorization header. */
function api(path: string, token: string | null = DEMO, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> =
    token === null ? {} : { Authorization: `Bearer ${token}` };
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string>) },
  });
}

async function page(query: string, token = DEMO): Promise<Page> {
  const res = await api(`/api/jobs${query}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

async function control(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${server.url}/__sim/${path}`, { method: 'POST', body: JSON.stringify(body) });
}

async function createJob(body: Record<string, unknown>): Promise<JobResponse> {
  const res = await control('jobs', body);
  expect(res.status).toBe(201);
  return (await res.json()) as JobResponse;
}

beforeAll(async () => {
  server = await startSimulatorServer({
    port: 0,
    controls: true,
    tokens: { [DEMO]: 'demo', [MALLORY]: 'mallory', [ALICE]: 'alice' },
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  expect((await control('reset')).status).toBe(200);
});

describe('authentication', () => {
  const paths = [
    '/api/jobs',
    '/api/jobs/some-id',
    '/api/jobs/some-id/status',
    '/api/jobs/some-id/stream',
  ];

  it.each(paths)('answers 401 without a token on %s', async (path) => {
    const res = await api(path, null);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: expect.any(String) });
  });

  it.each(paths)('answers 401 for an unknown token on %s', async (path) => {
    expect((await api(path, 'not-a-token')).status).toBe(401);
  });

  it('answers 401 for a non-bearer Authorization header', async () => {
    const res = await fetch(`${server.url}/api/jobs`, {
      headers: { Authorization: `Basic ${DEMO}` },
    });
    expect(res.status).toBe(401);
  });

  it('answers 401 once the token is revoked, on every endpoint', async () => {
    const [job] = (await page('?perPage=1')).items ?? [];
    const id = encodeURIComponent(job?.id ?? '');
    expect((await api('/api/jobs')).status).toBe(200);
    expect((await control('revoke', { token: DEMO })).status).toBe(200);
    for (const path of [
      '/api/jobs',
      `/api/jobs/${id}`,
      `/api/jobs/${id}/status`,
      `/api/jobs/${id}/stream`,
    ]) {
      expect((await api(path)).status).toBe(401);
    }
    expect((await api('/api/jobs', MALLORY)).status).toBe(200);
  });
});

describe('GET /api/jobs paging', () => {
  it('defaults to skip 0 and perPage 30, newest first', async () => {
    const result = await page('');
    expect(result.skip).toBe(0);
    expect(result.perPage).toBe(30);
    expect(result.items).toHaveLength(30);
    expect(result.totalCount).toBeGreaterThanOrEqual(240);
    const created = (result.items ?? []).map((job) => job.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('is ordered newest first across pages', async () => {
    const all = [
      ...((await page('?perPage=100')).items ?? []),
      ...((await page('?skip=100&perPage=100')).items ?? []),
    ];
    const created = all.map((job) => Date.parse(job.createdAt));
    for (let i = 1; i < created.length; i++)
      expect(created[i]).toBeLessThanOrEqual(created[i - 1] ?? Infinity);
  });

  it('honours skip and perPage', async () => {
    const big = await page('?perPage=60');
    const slice = await page('?skip=30&perPage=10');
    expect(slice.skip).toBe(30);
    expect(slice.perPage).toBe(10);
    expect(slice.items?.map((job) => job.id)).toEqual(
      big.items?.slice(30, 40).map((job) => job.id),
    );
    expect(slice.totalCount).toBe(big.totalCount);
  });

  it('accepts the bounds perPage=1 and perPage=100', async () => {
    expect((await page('?perPage=1')).items).toHaveLength(1);
    expect((await page('?perPage=100')).items).toHaveLength(100);
  });

  it('returns a partial last page and empty pages beyond the end', async () => {
    const { totalCount } = await page('?perPage=1');
    const last = await page(`?skip=${totalCount - 7}&perPage=10`);
    expect(last.items).toHaveLength(7);
    expect(last.totalCount).toBe(totalCount);
    for (const skip of [totalCount, totalCount + 5, 100000]) {
      const empty = await page(`?skip=${skip}`);
      expect(empty.items ?? []).toEqual([]);
      expect(empty.totalCount).toBe(totalCount);
      expect(empty.skip).toBe(skip);
    }
  });

  it('lists full jobs, input and output data included', async () => {
    const items = (await page('?perPage=100')).items ?? [];
    for (const job of items) {
      expect(typeof job.inputData).toBe('string');
      if (job.status === 'completed') expect(typeof job.outputData).toBe('string');
    }
    const [first] = items;
    const res = await api(`/api/jobs/${encodeURIComponent(first?.id ?? '')}`);
    expect(await res.json()).toEqual(first);
  });

  const badSkip = ['-1', 'abc', '1.5', '', ' ', '1e2', '0x10', '99999999999', '3abc', 'null'];
  it.each(badSkip)('answers 400 text/plain for skip=%j', async (value) => {
    const res = await api(`/api/jobs?skip=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('Invalid value for: query parameter skip');
  });

  const badPerPage = ['0', '101', '-5', 'abc', '', '2.0', '1e1', '1000', 'ten'];
  it.each(badPerPage)('answers 400 text/plain for perPage=%j', async (value) => {
    const res = await api(`/api/jobs?perPage=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('Invalid value for: query parameter perPage');
  });

  it('checks both parameters with an organization too', async () => {
    const res = await api('/api/jobs?organization=acme-legal&skip=0&perPage=500');
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('Invalid value for: query parameter perPage');
  });
});

describe('GET /api/jobs organization filter', () => {
  it('lists personal jobs only without an organization', async () => {
    const items = (await page('?perPage=100')).items ?? [];
    expect(
      items.every((job) => job.ownerUser === 'demo' && job.ownerOrganization === undefined),
    ).toBe(true);
    expect(items.every((job) => !('ownerOrganization' in job))).toBe(true);
  });

  it.each(['acme-legal', 'globex-research'])(
    "lists the %s organization's jobs to a member",
    async (org) => {
      const result = await page(`?organization=${org}&perPage=100`);
      expect(result.totalCount).toBeGreaterThanOrEqual(24);
      expect(result.items?.every((job) => job.ownerOrganization === org)).toBe(true);
      expect(new Set(result.items?.map((job) => job.ownerUser)).size).toBeGreaterThan(1);
    },
  );

  it.each(['initech', 'no-such-org'])(
    'answers 403 JSON for %s, which demo is not a member of',
    async (org) => {
      const res = await api(`/api/jobs?organization=${org}`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ message: expect.any(String) });
    },
  );

  it("lets another organization's member list it", async () => {
    const result = await page('?organization=initech', MALLORY);
    expect(result.totalCount).toBeGreaterThan(0);
    expect((await api('/api/jobs?organization=acme-legal', MALLORY)).status).toBe(403);
  });
});

describe('GET /api/jobs/{jobId} and /status', () => {
  async function jobsOf(query: string, token = DEMO): Promise<JobResponse[]> {
    return (await page(query, token)).items ?? [];
  }

  it('returns the full job', async () => {
    const failed = (await jobsOf('?perPage=100')).find((job) => job.status === 'failed');
    expect(failed).toBeDefined();
    const res = await api(`/api/jobs/${encodeURIComponent(failed?.id ?? '')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(failed);
  });

  it('returns the status without inputData, outputData, errorMessage and errorCode', async () => {
    const items = await jobsOf('?perPage=100');
    for (const job of [
      items.find((j) => j.status === 'failed'),
      items.find((j) => j.status === 'completed'),
    ]) {
      expect(job).toBeDefined();
      if (!job) continue;
      const status = (await (
        await api(`/api/jobs/${encodeURIComponent(job.id)}/status`)
      ).json()) as Record<string, unknown>;
      const { inputData, outputData, errorMessage, errorCode, ...rest } = job;
      void [inputData, outputData, errorMessage, errorCode];
      expect(status).toEqual(rest);
      for (const key of ['inputData', 'outputData', 'errorMessage', 'errorCode'])
        expect(status).not.toHaveProperty(key);
    }
  });

  it.each(['', '/status', '/stream'])('answers 404 JSON for an unknown id (%s)', async (suffix) => {
    const res = await api(`/api/jobs/does-not-exist${suffix}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: expect.any(String) });
  });

  it.each(['', '/status', '/stream'])(
    "answers 403 for someone else's personal job (%s)",
    async (suffix) => {
      const [job] = await jobsOf('?perPage=1', MALLORY);
      const res = await api(`/api/jobs/${encodeURIComponent(job?.id ?? '')}${suffix}`);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ message: expect.any(String) });
    },
  );

  it.each(['', '/status', '/stream'])(
    "answers 403 for an organization's job to a non-member (%s)",
    async (suffix) => {
      const [job] = await jobsOf('?organization=initech&perPage=1', MALLORY);
      expect((await api(`/api/jobs/${encodeURIComponent(job?.id ?? '')}${suffix}`)).status).toBe(
        403,
      );
    },
  );

  it("lets an organization member read a colleague's organization job, not their personal one", async () => {
    const [orgJob] = await jobsOf('?organization=acme-legal&perPage=1');
    const [personal] = await jobsOf('?perPage=1');
    expect((await api(`/api/jobs/${encodeURIComponent(orgJob?.id ?? '')}`, ALICE)).status).toBe(
      200,
    );
    expect(
      (await api(`/api/jobs/${encodeURIComponent(personal?.id ?? '')}/status`, ALICE)).status,
    ).toBe(403);
  });
});

describe('job ids that need encoding', () => {
  const ids = ['a/b ?#../c', '100% done', 'ünï cödé 👋', 'x+y=z&w', '\'"<script>'];

  it.each(ids)('serves the job, its status and its stream for id %j', async (id) => {
    const created = await createJob({ id, status: 'completed' });
    expect(created.id).toBe(id);
    const encoded = encodeURIComponent(id);
    const job = (await (await api(`/api/jobs/${encoded}`)).json()) as JobResponse;
    expect(job).toEqual(created);
    const status = (await (await api(`/api/jobs/${encoded}/status`)).json()) as JobResponse;
    expect(status.id).toBe(id);
    const stream = await api(`/api/jobs/${encoded}/stream`);
    expect(stream.status).toBe(200);
    const data = (await stream.text()).split('\n').find((line) => line.startsWith('data: '));
    expect((JSON.parse(data?.slice('data: '.length) ?? 'null') as JobResponse).id).toBe(id);
  });

  it('does not treat an encoded slash as a path separator', async () => {
    await createJob({ id: 'a/b' });
    expect((await api('/api/jobs/a%2Fb')).status).toBe(200);
    expect((await api('/api/jobs/a/b')).status).toBe(404);
    expect((await api('/api/jobs/a%2Fb/status')).status).toBe(200);
  });

  it('decodes once only', async () => {
    await createJob({ id: 'a%2Fb' });
    expect(((await (await api('/api/jobs/a%252Fb')).json()) as JobResponse).id).toBe('a%2Fb');
  });

  it('answers 404 for malformed escapes', async () => {
    expect((await api('/api/jobs/%E0%A4%A')).status).toBe(404);
  });
});

describe('HTTP details', () => {
  it('answers CORS preflights and marks responses cross-origin readable', async () => {
    const preflight = await fetch(`${server.url}/api/jobs`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    for (const res of [
      await api('/api/jobs'),
      await api('/api/jobs', null),
      await api('/api/jobs?skip=x'),
    ]) {
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('offers the demo token at /__sim/demo', async () => {
    const res = await fetch(`${server.url}/__sim/demo`);
    expect(await res.json()).toEqual({ demo: true, token: DEMO });
    expect(server.sim.demoToken).toBe(DEMO);
  });

  it('answers 405 to other methods and 404 to unknown API paths', async () => {
    expect((await api('/api/jobs', DEMO, { method: 'POST' })).status).toBe(405);
    expect((await api('/api/nothing')).status).toBe(404);
    expect((await api('/api/jobs/x/y/z')).status).toBe(404);
  });

  it('leaves paths outside /api/ and /__sim/ to the next handler', () => {
    const sim = createSimulator({ live: false });
    const res = {} as ServerResponse;
    for (const url of ['/', '/index.html', '/src/main.ts', '/apix', '/api']) {
      expect(sim.handle({ url, method: 'GET', headers: {} } as IncomingMessage, res)).toBe(false);
    }
    sim.close();
  });
});
