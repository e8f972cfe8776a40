// @vitest-environment node
// The built app as served: precompressed files (made by the build's own step), caching by name, the app
// routes' fallback, no source maps or dot files, the page headers on every kind of answer, HSTS.
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { httpRequest, makeDist, rawRequest } from './test-kit.ts';

const SCRIPT = '/assets/app-1a2b3c.js';
let dist: string;
let app: FastifyInstance;
let port: number;

async function serve(trustProxy: boolean): Promise<[FastifyInstance, number]> {
  const server = await buildServer({
    distDir: dist,
    upstream: 'http://127.0.0.1:9',
    trustProxy,
    upstreamTimeoutMs: 1000,
    logLevel: 'silent',
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return [server, (server.server.address() as AddressInfo).port];
}

beforeAll(async () => {
  dist = await makeDist();
  [app, port] = await serve(false);
});

afterAll(() => app.close());

describe('static files', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('serves the %s file made at build time', async (encoding, decode) => {
    const original = await readFile(join(dist, 'assets', 'app-1a2b3c.js'));
    const response = await httpRequest(port, SCRIPT, { headers: { 'Accept-Encoding': encoding } });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.headers['content-type']).toMatch(/^(?:text|application)\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.body.length).toBeLessThan(original.length / 4);
    expect(decode(response.body)).toEqual(original);
  });

  it('caches hashed assets for a year and index.html not without asking', async () => {
    expect((await httpRequest(port, SCRIPT)).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of ['/', '/index.html', '/jobs/abc', '/favicon.svg']) {
      expect((await httpRequest(port, path)).headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers app routes with index.html, and missing files with 404', async () => {
    const index = await readFile(join(dist, 'index.html'), 'utf8');
    for (const path of ['/', '/sign-in', '/jobs', '/jobs/a%2Fb.c?skip=30', '/jobs/report.pdf']) {
      const response = await httpRequest(port, path);
      expect(response.status, path).toBe(200);
      expect(response.body.toString(), path).toBe(index);
    }
    for (const path of ['/assets/missing-123.js', '/favicon.ico', '/robots.txt', '/__sim/demo']) {
      const response = await httpRequest(port, path);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).toBe('Not found');
    }
  });

  it('serves no source map and no dot file', async () => {
    for (const path of [
      `${SCRIPT}.map`,
      '/.vite/manifest.json',
      '/assets/../.vite/manifest.json',
    ]) {
      const response = await rawRequest(port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('version');
    }
  });

  it('answers GET /healthz', async () => {
    const response = await httpRequest(port, '/healthz');
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('ok');
  });
});

describe('headers on every kind of answer', () => {
  const expected = {
    'content-security-policy': expect.stringContaining("default-src 'none'; script-src 'self'"),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    'cross-origin-opener-policy': 'same-origin',
  };

  it.each(['/', '/jobs/abc', SCRIPT, '/favicon.svg', '/assets/missing.js', '/healthz'])(
    '%s',
    async (path) => {
      const { headers } = await httpRequest(port, path, { headers: { 'Accept-Encoding': 'br' } });
      expect(headers).toMatchObject(expected);
      expect(headers['strict-transport-security']).toBeUndefined();
    },
  );

  it('a 304', async () => {
    const first = await httpRequest(port, SCRIPT);
    const etag = String(first.headers.etag);
    const response = await httpRequest(port, SCRIPT, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers).toMatchObject(expected);
  });

  it('HSTS only when a trusted proxy says the request came over HTTPS', async () => {
    const forwarded = { 'X-Forwarded-Proto': 'https' };
    const untrusted = await httpRequest(port, '/', { headers: forwarded });
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
    const [trusting, trustingPort] = await serve(true);
    try {
      const overHttps = await httpRequest(trustingPort, '/', { headers: forwarded });
      expect(overHttps.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      const overHttp = await httpRequest(trustingPort, '/');
      expect(overHttp.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await trusting.close();
    }
  });
});
