// What the server's integration tests share: a deliberately misbehaving Jobs API upstream, raw HTTP over
// node:net (no client normalises the path), and a small built app made by the real precompress step.
import { once } from 'node:events';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { precompress } from '../scripts/precompress.ts';

type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders };

export type Upstream = {
  url: string;
  /** Every request that reached the upstream, in order. */
  seen: SeenRequest[];
  /** The streams the upstream holds open, by job id (`/api/jobs/<id>/stream`). */
  streams: Map<string, { res: ServerResponse; closed: Promise<number> }>;
  /** Resolves when the stream of `id` is open upstream. */
  streamOpened(id: string): Promise<void>;
  /** Requests to `/api/jobs/silent` the upstream holds unanswered: when each arrived and closed. */
  held: { closed: Promise<number> }[];
  /** Bodies `/api/jobs/partial` has sent PARTIAL_JSON of, left open for the test to end. */
  partial: ServerResponse[];
  close(): Promise<void>;
};

const WORDS =
  'invoice total amount due customer address line item quantity price tax net gross'.split(' ');

/** JSON well over the compression threshold. */
export const BIG_JSON = JSON.stringify({
  totalCount: 200,
  skip: 0,
  perPage: 200,
  items: Array.from({ length: 200 }, (_, i) => ({ id: `job-${i}`, status: 'completed' })),
});

/** The first half of BIG_JSON: what `/api/jobs/partial` sends before it pauses. */
export const PARTIAL_JSON = BIG_JSON.slice(0, BIG_JSON.length / 2);

/** About 2 MB of JSON, text like a document's (compressible, not repetitive). */
export const LARGE_JSON = JSON.stringify({
  items: Array.from({ length: 1000 }, (_, i) => ({
    id: `job-${i}`,
    inputData: Array.from(
      { length: 200 },
      (_, k) => `${WORDS[(i * 31 + k * 7 + ((k * k) % 13)) % WORDS.length]} ${(i * k) % 997}`,
    ).join(' '),
  })),
});

function answer(req: IncomingMessage, res: ServerResponse, upstream: Upstream): void {
  const path = (req.url ?? '').split('?', 1)[0] ?? '';
  const stream = /^\/api\/jobs\/([^/]+)\/stream$/.exec(path);
  if (stream?.[1]) {
    const id = stream[1];
    // "headless": a server that sends a stream's headers only with its first event, not yet.
    if (id === 'headless') {
      upstream.held.push({ closed: once(res, 'close').then(() => performance.now()) });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    // "quiet": headers only, as a real stream between two pings.
    if (id === 'quiet') res.flushHeaders();
    else res.write('event: ping\ndata: {}\n\n');
    const closed = once(res, 'close').then(() => performance.now());
    upstream.streams.set(id, { res, closed });
    return;
  }
  switch (path) {
    case '/api/jobs':
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Set-Cookie': 'upstream=1; Path=/',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(BIG_JSON);
      return;
    case '/api/jobs/echo':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(req.headers));
      return;
    case '/api/jobs/partial':
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(PARTIAL_JSON);
      upstream.partial.push(res);
      return;
    case '/api/jobs/large':
      // At full speed, in the small writes of a server that serialises as it goes.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (let at = 0; at < LARGE_JSON.length; at += 4096)
        res.write(LARGE_JSON.slice(at, at + 4096));
      res.end();
      return;
    case '/api/jobs/gzipped':
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(BIG_JSON));
      return;
    case '/api/jobs/html':
      res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'public, max-age=600' });
      res.end('<script>localStorage.getItem("nuextract.token")</script>');
      return;
    case '/api/jobs/unavailable':
      res.writeHead(503, { 'Content-Type': 'text/plain' });
      res.end('busy');
      return;
    case '/api/jobs/stall':
      // Headers and the start of a body, then nothing, the connection left open.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"items":[');
      return;
    case '/api/jobs/short':
      // Promises more than it sends, then hangs up.
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
      res.write('{"ite');
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    case '/api/jobs/site-headers':
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Clear-Site-Data': '"storage"',
        Refresh: '0; url=https://evil.example/',
        Link: '<https://evil.example/x.css>; rel=stylesheet',
        'Alt-Svc': 'h3=":443"',
        'X-Request-Id': 'req-1',
        'RateLimit-Remaining': '9',
      });
      res.end('{}');
      return;
    case '/api/jobs/silent': {
      // Never answers; the proxy's timeout or the browser's leaving must end the request.
      upstream.held.push({ closed: once(res, 'close').then(() => performance.now()) });
      return;
    }
    case '/api/jobs/reset':
      req.socket.destroy();
      return;
    default:
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url }));
  }
}

export async function startUpstream(): Promise<Upstream> {
  const waiting = new Map<string, () => void>();
  const upstream: Upstream = {
    url: '',
    seen: [],
    streams: new Map(),
    held: [],
    partial: [],
    streamOpened: (id) =>
      upstream.streams.has(id)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.set(id, resolve)),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = createServer((req, res) => {
    upstream.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    answer(req, res, upstream);
    for (const [id, resolve] of waiting) {
      if (upstream.streams.has(id)) {
        waiting.delete(id);
        resolve();
      }
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return upstream;
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/** Sends `target` exactly as written (no URL parsing anywhere) and reads the whole answer. */
export async function rawRequest(
  port: number,
  target: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  // Connection: close makes the server hang up after its answer (ending our side first could cut it short).
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('latin1');
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const entries = headerLines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
  });
  return {
    status: Number(statusLine.split(' ')[1]),
    headers: Object.fromEntries(entries),
    body: rest.join('\r\n\r\n'),
  };
}

/** A built app in a temporary folder, precompressed by the build's own step (scripts/precompress.ts). */
export async function makeDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nuextract-dist-'));
  await mkdir(join(dir, 'assets'));
  await mkdir(join(dir, '.vite'));
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html><script src="/assets/app-1a2b3c.js"></script>`,
  );
  await writeFile(join(dir, 'assets', 'app-1a2b3c.js'), script);
  await writeFile(join(dir, 'assets', 'app-1a2b3c.js.map'), '{"version":3}');
  await writeFile(join(dir, '.vite', 'manifest.json'), '{}');
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const plugin = precompress();
  const hooks = plugin as unknown as {
    configResolved(config: { root: string; build: { outDir: string } }): void;
    closeBundle(): Promise<void>;
  };
  hooks.configResolved({ root: dir, build: { outDir: '.' } });
  await hooks.closeBundle();
  return dir;
}

export type HttpResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** node:http as a client: sends the path as given, decompresses nothing. */
export async function httpRequest(
  port: number,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResponse> {
  const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false });
  req.end(body);
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
}

export type OpenStream = {
  res: IncomingMessage;
  /** Every chunk received so far, as text. */
  received: string[];
  /** Resolves with the time (performance.now) the response ended or broke. */
  ended: Promise<number>;
  abort(): void;
};

/** Sends a GET and does not wait for its answer; `abort` is the browser leaving. */
export function openRequest(port: number, path: string): { abort(): void } {
  const req = request({ host: '127.0.0.1', port, path, agent: false });
  req.on('error', () => {}); // the abort is what the tests look at
  req.end();
  return { abort: () => req.destroy() };
}

/** Opens a long response (an event stream) and keeps reading it. */
export async function openStream(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<OpenStream> {
  const req = request({ host: '127.0.0.1', port, path, headers, agent: false });
  req.on('error', () => {}); // an abort or a drop is what the tests look at
  req.end();
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  const received: string[] = [];
  res.on('data', (chunk: Buffer) => received.push(chunk.toString()));
  res.on('error', () => {});
  const ended = new Promise<number>((resolve) => {
    res.once('close', () => resolve(performance.now()));
  });
  return { res, received, ended, abort: () => req.destroy() };
}
