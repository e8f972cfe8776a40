// @vitest-environment node
// The server as `npm start` runs it (a child process): it prints its URL, never logs a token, and on
// SIGTERM ends open streams and exits within 5 s. Demo mode: the simulator answers /api through the
// same proxy, and its /__sim/ endpoints are served (controls only when enabled).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from './start.ts';
import type { RunningServer } from './start.ts';
import { httpRequest, makeDist, openStream, startUpstream } from './test-kit.ts';
import type { Upstream } from './test-kit.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const SECRET = 'secret-token-7f3a';

type Child = { child: ChildProcess; url: string; output: () => string };

async function spawnServer(env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 20_000);
    child.stdout?.on('data', () => {
      const match = /dashboard: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', () => reject(new Error(`exited early:\n${output}`)));
  });
  return { child, url, output: () => output };
}

describe('the server process, in front of an upstream', () => {
  let upstream: Upstream;
  let server: Child;

  beforeAll(async () => {
    upstream = await startUpstream();
    server = await spawnServer({
      NUEXTRACT_API_URL: upstream.url,
      DIST_DIR: await makeDist(),
      LOG_LEVEL: 'info',
    });
  }, 30_000);

  afterAll(async () => {
    server.child.kill('SIGKILL');
    await upstream.close();
  });

  it('prints its URL and no demo token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).not.toContain('Demo');
  });

  it('never logs a token or a cookie, not even for a failed upstream request', async () => {
    const port = Number(new URL(server.url).port);
    const headers = { Authorization: `Bearer ${SECRET}`, Cookie: `sid=${SECRET}` };
    expect((await httpRequest(port, '/api/jobs/x', { headers })).status).toBe(200);
    expect((await httpRequest(port, '/api/jobs/reset', { headers })).status).toBe(502);
    expect((await httpRequest(port, '/api/jobs/x/status?token=1', { headers })).status).toBe(200);
    await expect.poll(() => server.output()).toContain('/api/jobs/reset'); // it does log requests
    expect(server.output()).not.toContain(SECRET);
  });

  it('on SIGTERM ends open streams, refuses new connections and exits within 5 s', async () => {
    const port = Number(new URL(server.url).port);
    const stream = await openStream(port, '/api/jobs/sigterm/stream');
    await upstream.streamOpened('sigterm');
    const started = performance.now();
    server.child.kill('SIGTERM');
    const [code] = (await once(server.child, 'exit')) as [number | null];
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(code).toBe(0);
    await stream.ended;
    await upstream.streams.get('sigterm')?.closed;
    await expect(httpRequest(port, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
  }, 15_000);
});

async function startDemo(): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    upstream: undefined,
    apiOrigin: undefined,
    trustProxy: false,
    distDir: await makeDist(),
    upstreamTimeoutMs: 5_000,
    logLevel: 'silent',
  });
}

describe('demo mode', () => {
  let server: RunningServer;
  let port: number;

  beforeAll(async () => {
    server = await startDemo();
    port = Number(new URL(server.url).port);
  });

  afterAll(() => server.close());

  it('serves the simulated Jobs API through the proxy: compressed, with the API headers', async () => {
    expect(server.demo).toBe(true);
    const response = await httpRequest(port, '/api/jobs?perPage=5', {
      headers: { Authorization: `Bearer ${server.demoToken ?? ''}`, 'Accept-Encoding': 'br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-store');
    const page = JSON.parse(brotliDecompressSync(response.body).toString()) as { items: unknown[] };
    expect(page.items).toHaveLength(5);
  });

  it("offers the demo token, and keeps the simulator's controls off unless enabled", async () => {
    const demo = await httpRequest(port, '/__sim/demo');
    expect(JSON.parse(demo.body.toString())).toEqual({ demo: true, token: server.demoToken });
    // Answered by the simulator itself, with this server's headers all the same.
    expect(demo.headers).toMatchObject({
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect((await httpRequest(port, '/__sim/reset', { method: 'POST' })).status).toBe(404);
  });
});

describe('demo mode with the test controls on', () => {
  it("hands a control's JSON body to the simulator as sent", async () => {
    vi.stubEnv('SIM_CONTROLS', '1');
    const server = await startDemo();
    try {
      const port = Number(new URL(server.url).port);
      const body = JSON.stringify({ id: 'made-by-a-control', status: 'completed' });
      const created = await httpRequest(port, '/__sim/jobs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
        body,
      });
      expect(created.status, created.body.toString()).toBe(201);
      const job = await httpRequest(port, '/api/jobs/made-by-a-control', {
        headers: { Authorization: `Bearer ${server.demoToken ?? ''}` },
      });
      expect(job.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
