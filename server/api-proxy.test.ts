// @vitest-environment node
// The /api proxy against a deliberately misbehaving upstream (test-kit.ts): the allowlist on raw paths,
// the headers, compression, streams (drop, end and abort propagation, timed), and 502/504.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  createBrotliDecompress,
  createGunzip,
  gunzipSync,
  gzipSync,
} from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import {
  BIG_JSON,
  closedPort,
  httpRequest,
  LARGE_JSON,
  makeDist,
  openRequest,
  openStream,
  PARTIAL_JSON,
  rawRequest,
  startUpstream,
} from './test-kit.ts';
import type { Upstream } from './test-kit.ts';

const TOKEN = 'Bearer secret-token';
/** The bound for a drop or an abort to cross the proxy. */
const PROPAGATION_MS = 1000;
/** @fastify/compress's brotli quality. */
const BROTLI_QUALITY_4 = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

let upstream: Upstream;
let app: FastifyInstance;
let port: number;

async function listen(server: FastifyInstance): Promise<number> {
  await server.listen({ port: 0, host: '127.0.0.1' });
  return (server.server.address() as AddressInfo).port;
}

beforeAll(async () => {
  upstream = await startUpstream();
  app = await buildServer({
    distDir: await makeDist(),
    upstream: upstream.url,
    trustProxy: false,
    upstreamTimeoutMs: 500,
    logLevel: 'silent',
  });
  port = await listen(app);
});

afterAll(async () => {
  await app.close();
  await upstream.close();
});

beforeEach(() => {
  upstream.seen.length = 0;
  upstream.held.length = 0;
});

describe('the path allowlist, on raw request targets', () => {
  it.each([
    ['GET', '/api/jobs'],
    ['GET', '/api/jobs?skip=30&perPage=30&organization=acme'],
    ['GET', '/api/jobs/abc'],
    ['GET', '/api/jobs/abc/status'],
    ['POST', '/api/jobs/abc/cancel'],
  ])('forwards %s %s unchanged', async (method, target) => {
    const response = await rawRequest(port, target, { method, headers: { 'Content-Length': '0' } });
    expect(response.status).toBe(200);
    expect(upstream.seen.map((r) => `${r.method} ${r.url}`)).toEqual([`${method} ${target}`]);
  });

  it.each([
    '/api/jobs/a%2Fb%20c%3F%23%25/status',
    '/api/jobs/_.%2Fe%2Fx.y.%20.%2E.z',
    // The e2e's odd id, 'a/b?c#d %2F%25 .x./y': "%" in it decodes no further.
    '/api/jobs/a%2Fb%3Fc%23d%20%252F%2525%20.x.%2Fy',
  ])('passes the id of %s through exactly as sent', async (target) => {
    expect((await rawRequest(port, target)).status).toBe(200);
    expect(upstream.seen.map((r) => r.url)).toEqual([target]);
  });

  it.each([
    '/api/../admin',
    '/api/./jobs',
    '/api/jobs/../../admin',
    '/api/%2e%2e/admin',
    '/api/%2E%2e/admin',
    '/api/jobs/%2e%2e',
    '/api/jobs/..%2f..',
    '/api/jobs/x%2F..%2F..%2Fadmin/status',
    '/api/jobs/..%2Fx',
    '/api/jobs/x%20..%2Fy/stream',
    '/api/jobs/x%2F.%2Fy',
    '/api\\jobs',
    '/api/jobs\\..\\admin',
    '/api/jobs/x%5c..',
    '/api/jobs/%252e%252e',
    '/api/jobs/x%252F%252e%252E%252Fadmin/status',
    '/api/jobs/%25252e%25252e',
    '/api/jobs/x%255c..%255cadmin',
    '/api/jobs/%zz',
    'http://127.0.0.1/api/jobs',
    '/api/jobs/#/status',
    '/api/jobs/x#/cancel',
    '/api/jobs?skip=0#/admin',
    '/api/jobs/x"y',
  ])('answers %s with 400 and forwards nothing', async (target) => {
    const response = await rawRequest(port, target);
    expect(response.status).toBe(400);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(upstream.seen).toEqual([]);
  });

  it.each([
    '/api',
    '/api/',
    '/apiX',
    '/api-docs',
    '/API/jobs',
    '/%61pi/jobs',
    '/api/admin',
    '/api/jobs/',
    '/api/jobs//status',
    '/api/jobs/x/other',
    '/api/jobs/x/status/more',
    '/api/v2/jobs',
  ])('answers %s with 404 and forwards nothing', async (target) => {
    const response = await rawRequest(port, target);
    expect(response.status).toBe(404);
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(upstream.seen).toEqual([]);
  });

  it.each([
    ['DELETE', '/api/jobs/x', 'GET'],
    ['POST', '/api/jobs', 'GET'],
    ['GET', '/api/jobs/x/cancel', 'POST'],
  ])('answers %s %s with 405 (Allow: %s) and forwards nothing', async (method, target, allow) => {
    const response = await rawRequest(port, target, { method });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(upstream.seen).toEqual([]);
  });
});

describe('headers', () => {
  it('forwards Authorization, Accept and Last-Event-ID, and no cookie', async () => {
    const response = await httpRequest(port, '/api/jobs/echo', {
      headers: {
        Authorization: TOKEN,
        Accept: 'application/json',
        'Last-Event-ID': '42',
        Cookie: 'session=secret',
        'X-Forwarded-For': '10.0.0.1',
      },
    });
    const seen = JSON.parse(response.body.toString()) as Record<string, string>;
    expect(seen).toMatchObject({
      authorization: TOKEN,
      accept: 'application/json',
      'last-event-id': '42',
    });
    expect(seen.cookie).toBeUndefined();
    expect(seen['x-forwarded-for']).toBeUndefined();
  });

  it('passes only the response headers the dashboard needs (none that act on its origin)', async () => {
    const response = await httpRequest(port, '/api/jobs/site-headers');
    expect(response.status).toBe(200);
    for (const name of ['clear-site-data', 'refresh', 'link', 'alt-svc']) {
      expect(response.headers[name]).toBeUndefined();
    }
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(response.headers['ratelimit-remaining']).toBe('9');
  });

  it("overrides the upstream's caching and makes its HTML inert; its cookies stop here", async () => {
    for (const path of ['/api/jobs', '/api/jobs/html']) {
      const { headers } = await httpRequest(port, path);
      expect(headers['cache-control'], path).toBe('no-store');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['content-security-policy'], path).toBe("default-src 'none'; sandbox");
      expect(headers['set-cookie'], path).toBeUndefined();
      expect(headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });

  it('puts the API headers on errors too: 502, 504 and a passed-through 503', async () => {
    for (const path of ['/api/jobs/silent', '/api/jobs/reset', '/api/jobs/unavailable']) {
      const { headers } = await httpRequest(port, path);
      expect(headers['cache-control'], path).toBe('no-store');
      expect(headers['content-security-policy'], path).toBe("default-src 'none'; sandbox");
    }
  });
});

describe('compression', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('compresses JSON with %s when the browser accepts it', async (encoding, decode) => {
    const response = await httpRequest(port, '/api/jobs', {
      headers: { 'Accept-Encoding': encoding },
    });
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(response.body.length).toBeLessThan(BIG_JSON.length / 4);
    expect(decode(response.body).toString()).toBe(BIG_JSON);
  });

  it('sends plain JSON to a browser that accepts no encoding', async () => {
    const response = await httpRequest(port, '/api/jobs');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(BIG_JSON);
  });

  // The dashboard shows a list page's rows as its bytes arrive: a compressor must not sit on them.
  it.each([
    ['br', createBrotliDecompress],
    ['gzip', createGunzip],
  ] as const)(
    'passes on with %s what a body has sent so far while the upstream pauses, then the rest',
    async (encoding, decompressor) => {
      const { res } = await openStream(port, '/api/jobs/partial', { 'Accept-Encoding': encoding });
      expect(res.headers['content-encoding']).toBe(encoding);
      const decompressed = res.pipe(decompressor());
      let text = '';
      decompressed.on('data', (chunk: Buffer) => (text += chunk.toString()));
      await expect.poll(() => text).toBe(PARTIAL_JSON);

      upstream.partial.shift()?.end(BIG_JSON.slice(PARTIAL_JSON.length));
      await once(decompressed, 'end');
      expect(text).toBe(BIG_JSON);
    },
  );

  it.each([
    ['br', brotliDecompressSync, (json: string) => brotliCompressSync(json, BROTLI_QUALITY_4)],
    ['gzip', gunzipSync, (json: string) => gzipSync(json)],
  ] as const)(
    'compresses with %s a large body that comes at full speed about as well as one compressed whole',
    async (encoding, decode, compressWhole) => {
      const response = await httpRequest(port, '/api/jobs/large', {
        headers: { 'Accept-Encoding': encoding },
      });
      expect(decode(response.body).toString()).toBe(LARGE_JSON);
      // Compressed as a stream, it comes out about 1% larger than compressed in one call.
      expect(response.body.length).toBeLessThan(compressWhole(LARGE_JSON).length * 1.05);
    },
  );

  it('passes JSON the upstream compressed through as it is', async () => {
    const response = await httpRequest(port, '/api/jobs/gzipped', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toBe(BIG_JSON);
  });
});

describe('streams', () => {
  it('passes events through uncompressed, each as it is sent', async () => {
    const stream = await openStream(port, '/api/jobs/live/stream', {
      'Accept-Encoding': 'br, gzip',
    });
    expect(stream.res.headers['content-type']).toBe('text/event-stream');
    expect(stream.res.headers['content-encoding']).toBeUndefined();
    expect(stream.res.headers['cache-control']).toBe('no-store');
    await expect.poll(() => stream.received.join('')).toBe('event: ping\ndata: {}\n\n');
    upstream.streams.get('live')?.res.write('event: result\ndata: {"id":"live"}\n\n');
    await expect
      .poll(() => stream.received.join(''))
      .toBe('event: ping\ndata: {}\n\nevent: result\ndata: {"id":"live"}\n\n');
    stream.abort();
  });

  it('asks the upstream for an uncompressed stream, and tells proxies in front not to buffer it', async () => {
    const stream = await openStream(port, '/api/jobs/plain/stream', {
      'Accept-Encoding': 'gzip, br',
    });
    await upstream.streamOpened('plain');
    expect(upstream.seen[0]?.headers['accept-encoding']).toBeUndefined();
    expect(stream.res.headers['x-accel-buffering']).toBe('no');
    stream.abort();
  });

  it('sends the headers of a stream at once, before its first event', async () => {
    const stream = await openStream(port, '/api/jobs/quiet/stream');
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toBe('text/event-stream');
    expect(stream.received).toEqual([]);
    stream.abort();
  });

  it("ends the browser's connection within 1 s of the upstream dropping it", async () => {
    const stream = await openStream(port, '/api/jobs/drop/stream');
    await upstream.streamOpened('drop');
    await expect.poll(() => stream.received.length).toBeGreaterThan(0);
    const dropped = performance.now();
    upstream.streams.get('drop')?.res.socket?.destroy();
    expect((await stream.ended) - dropped).toBeLessThan(PROPAGATION_MS);
    expect(stream.res.complete).toBe(false); // a drop, not a clean end
  });

  it("ends the browser's connection within 1 s of the upstream ending it", async () => {
    const stream = await openStream(port, '/api/jobs/end/stream');
    await upstream.streamOpened('end');
    await expect.poll(() => stream.received.length).toBeGreaterThan(0);
    const ended = performance.now();
    upstream.streams.get('end')?.res.end('event: result\ndata: {}\n\n');
    expect((await stream.ended) - ended).toBeLessThan(PROPAGATION_MS);
    expect(stream.received.join('')).toContain('event: result');
  });

  it("waits for a stream's headers longer than for other answers (they may come with its first event)", async () => {
    const request = openRequest(port, '/api/jobs/headless/stream');
    await expect.poll(() => upstream.held.length).toBe(1);
    let settled = false;
    void upstream.held[0]?.closed.then(() => (settled = true));
    // Twice the 500 ms this server gives other answers (a silent list request is a 504 by then).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(settled).toBe(false);
    request.abort();
    await upstream.held[0]?.closed;
  });

  it('closes the upstream request within 1 s of the browser leaving', async () => {
    const stream = await openStream(port, '/api/jobs/leave/stream');
    await upstream.streamOpened('leave');
    const left = performance.now();
    stream.abort();
    const closed = (await upstream.streams.get('leave')?.closed) ?? Infinity;
    expect(closed - left).toBeLessThan(PROPAGATION_MS);
  });
});

describe('a browser that leaves before the upstream has answered', () => {
  it('closes the upstream request within 1 s, not at the headers timeout', async () => {
    const patient = await buildServer({
      distDir: await makeDist(),
      upstream: upstream.url,
      trustProxy: false,
      upstreamTimeoutMs: 30_000,
      logLevel: 'silent',
    });
    try {
      const request = openRequest(await listen(patient), '/api/jobs/silent');
      await expect.poll(() => upstream.held.length).toBe(1);
      const left = performance.now();
      request.abort();
      const closed = await upstream.held[0]?.closed;
      expect((closed ?? Infinity) - left).toBeLessThan(PROPAGATION_MS);
    } finally {
      await patient.close();
    }
  });
});

describe('an upstream that fails', () => {
  it('answers 504 with a short text when the upstream is silent, and stays up', async () => {
    const started = performance.now();
    const response = await httpRequest(port, '/api/jobs/silent');
    expect(response.status).toBe(504);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body.toString()).toBe('The Jobs API did not answer in time.');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await httpRequest(port, '/api/jobs/x')).status).toBe(200);
  });

  it('cuts the connection of a body that stops coming, after the timeout', async () => {
    const stream = await openStream(port, '/api/jobs/stall');
    expect(stream.res.statusCode).toBe(200);
    await stream.ended; // the server's 500 ms: a hang would time the test out
    expect(stream.res.complete).toBe(false);
  });

  it('never passes on a body the upstream broke off: a cut, or a 502 short text', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const stream = await openStream(port, '/api/jobs/short', { 'Accept-Encoding': encoding });
      await stream.ended;
      const cut = !stream.res.complete;
      const shortText =
        stream.res.statusCode === 502 &&
        stream.res.headers['content-encoding'] === undefined &&
        stream.received.join('') === 'The Jobs API could not be reached.';
      expect(
        cut || shortText,
        `${encoding}: ${stream.res.statusCode} ${stream.received.join('')}`,
      ).toBe(true);
    }
  });

  it('answers 413 to a body bigger than the API needs, without forwarding it', async () => {
    const response = await rawRequest(port, '/api/jobs/x/cancel', {
      method: 'POST',
      headers: { 'Content-Length': String(2 * 1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(upstream.seen).toEqual([]);
  });

  it('answers 502 when the upstream hangs up before answering', async () => {
    const response = await httpRequest(port, '/api/jobs/reset');
    expect(response.status).toBe(502);
    expect(response.body.toString()).toBe('The Jobs API could not be reached.');
  });

  it('passes an upstream 503 through once, without retrying it', async () => {
    const response = await httpRequest(port, '/api/jobs/unavailable');
    expect(response.status).toBe(503);
    expect(upstream.seen).toHaveLength(1);
  });

  it('answers 502 at once when nothing listens upstream', async () => {
    const unreachable = await buildServer({
      distDir: await makeDist(),
      upstream: `http://127.0.0.1:${await closedPort()}`,
      trustProxy: false,
      upstreamTimeoutMs: 30_000,
      logLevel: 'silent',
    });
    try {
      const unreachablePort = await listen(unreachable);
      const started = performance.now();
      const response = await httpRequest(unreachablePort, '/api/jobs/x/stream');
      expect(response.status).toBe(502);
      expect(response.body.toString()).toBe('The Jobs API could not be reached.');
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await unreachable.close();
    }
  });
});
