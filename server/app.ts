// The production server: the built app as static files (precompressed, cached by name), the /api proxy to
// the Jobs API (allowlisted, streams passed through unbuffered), and in demo mode the simulator's
// /__sim/ endpoints. Every response carries the security headers (security-headers.ts).
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyHttpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import type { Simulator } from '../simulator/app.ts';
import { classifyApiRequest, isStreamTarget } from './api-paths.ts';
import { flushingZlib } from './flushing-compressors.ts';
import type { ApiVerdict } from './api-paths.ts';
import { apiHeaders, hstsHeader, pageHeaders } from './security-headers.ts';
import { UpstreamAgent } from './upstream-agent.ts';

export type ServerOptions = {
  /** The built app (vite build's outDir). */
  distDir: string;
  /** Origin of the Jobs API that /api is forwarded to (the path is kept as the browser sent it). */
  upstream: string;
  /** A cross-origin API the built app calls directly (VITE_API_BASE_URL): named in the CSP's connect-src. */
  apiOrigin?: string;
  /** Fastify's trustProxy: whether X-Forwarded-Proto (and -For) from the load balancer are believed. */
  trustProxy: boolean | string;
  /** The upstream must send its response headers within this long, else 504. */
  upstreamTimeoutMs: number;
  /** Demo mode: the simulator behind `upstream`, whose /__sim/ endpoints this server answers itself. */
  simulator?: Simulator;
  /** Pino's level (request lines at info); no header is ever logged. */
  logLevel: string;
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const MAX_FORWARDED_BODY_BYTES = 16 * 1024;
/** Request headers the Jobs API needs; everything else (cookies first) stays here. */
const FORWARDED_REQUEST_HEADERS = new Set([
  'host',
  'authorization',
  'accept',
  'accept-encoding',
  'last-event-id',
  'content-type',
  'content-length',
]);

/**
 * Upstream response headers that reach the browser; the rest stop here: cookies, hop-by-hop headers,
 * and any that would act on the dashboard's origin (Clear-Site-Data, Refresh, Alt-Svc, Link…).
 */
const FORWARDED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'etag',
  'last-modified',
  'date',
  'vary',
  'retry-after',
  'www-authenticate',
  'x-request-id',
]);
const isForwardedResponseHeader = (name: string) =>
  FORWARDED_RESPONSE_HEADERS.has(name) || /^(?:x-)?ratelimit-/.test(name);

function sendText(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(text);
}

/** App routes (/jobs/x.y included) fall back to index.html; a file that is not there is a 404. */
function isAppRoute(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?', 1)[0] ?? '';
  // /__sim/ outside demo mode: the sign-in page asks /__sim/demo, and must hear "no" rather than HTML.
  if (path.startsWith('/assets/') || path.startsWith('/.') || path.startsWith('/__sim/'))
    return false;
  // A top-level name with an extension is a file (/favicon.ico, /robots.txt), not a route.
  return !/^\/[^/]*\.[^/]*$/.test(path);
}

/** No source maps and no dot files (.vite/manifest.json) leave the server. */
function isServable(pathName: string): boolean {
  return !pathName.endsWith('.map') && !pathName.split('/').some((part) => part.startsWith('.'));
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const root = resolve(options.distDir);
  const assetsDir = join(root, 'assets') + sep;
  const page = pageHeaders(options.apiOrigin);

  /** The headers every answer carries (and /api ones their stricter set); says whether it is /api's. */
  function secure(request: FastifyRequest, reply: FastifyReply): ApiVerdict {
    const verdict = classifyApiRequest(request.method, request.raw.url ?? '');
    reply.headers(page);
    if (request.protocol === 'https') reply.headers(hstsHeader);
    if (verdict.kind !== 'not-api') reply.headers(apiHeaders);
    return verdict;
  }

  const app = Fastify({
    trustProxy: options.trustProxy,
    // SIGTERM ends open streams instead of waiting for them.
    forceCloseConnections: true,
    logger: {
      level: options.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    // A target the router cannot decode (/api/jobs/%zz) is answered before any hook runs.
    frameworkErrors: (_error, request, reply) => {
      secure(request, reply);
      void sendText(reply, 400, 'Bad request path');
    },
  });

  const simulator = options.simulator;
  const upstreamAgent = new UpstreamAgent(options.upstreamTimeoutMs);
  // Before routing: the API allowlist on the raw request target.
  app.addHook('onRequest', async (request, reply) => {
    const verdict = secure(request, reply);
    // Demo mode's /__sim/ (the demo token, test controls): answered by the simulator itself, before
    // Fastify reads the body, and not proxied, since the controls check the real caller (loopback only).
    if (simulator && verdict.kind === 'not-api' && request.url.startsWith('/__sim/')) {
      // Hijacked, the reply's headers would stay behind: the page ones (COOP, HSTS…) go out too.
      reply.headers(apiHeaders);
      reply.hijack();
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value);
      }
      simulator.handle(request.raw, reply.raw);
      return reply;
    }
    if (verdict.kind === 'bad-path') return sendText(reply, 400, 'Bad request path');
    if (verdict.kind === 'not-found') return sendText(reply, 404, 'Not found');
    if (verdict.kind === 'bad-method') {
      return sendText(reply.header('Allow', verdict.allow), 405, 'Method not allowed');
    }
    if (verdict.kind === 'forward') {
      // Cancel takes no body; nothing the API is sent needs more than a few bytes.
      if (Number(request.headers['content-length'] ?? 0) > MAX_FORWARDED_BODY_BYTES) {
        return sendText(reply, 413, 'Request body too large');
      }
      upstreamAgent.follow(request.raw, reply.raw);
    }
  });
  // Whatever the upstream said, /api answers are data: not cached, not sniffed, never a page.
  app.addHook('onSend', async (request, reply) => {
    if (classifyApiRequest(request.method, request.raw.url ?? '').kind !== 'not-api') {
      reply.headers(apiHeaders);
    }
  });

  // An upstream that breaks off part-way through a body: if the browser has its headers, its connection
  // is cut (it sees a failed request, never a truncated one); otherwise it gets the 502 short text,
  // never Fastify's JSON error with the compressed body's headers.
  // Set before the plugins are registered: each keeps the handler it was registered under.
  app.setErrorHandler((error, request, reply) => {
    request.log.warn({ err: error }, 'request failed');
    if (reply.raw.headersSent) return void reply.raw.destroy();
    for (const name of ['content-encoding', 'content-length', 'etag', 'last-modified']) {
      reply.removeHeader(name);
    }
    // The browser's own mistakes (a body Fastify cannot read…) keep their status.
    const status = error instanceof Error && 'statusCode' in error ? error.statusCode : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendText(reply, status, STATUS_CODES[status] ?? 'Bad request');
    }
    const isApi = classifyApiRequest(request.method, request.raw.url ?? '').kind === 'forward';
    return isApi
      ? sendText(reply, 502, 'The Jobs API could not be reached.')
      : sendText(reply, 500, 'Something went wrong on the server.');
  });

  // br or gzip by Accept-Encoding, for what is not compressed yet; text/event-stream never (default types).
  // A body that comes slowly passes on compressed as it comes (flushing-compressors.ts).
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], zlib: flushingZlib });

  await app.register(fastifyHttpProxy, {
    upstream: options.upstream,
    prefix: '/api',
    rewritePrefix: '/api',
    disableRequestLogging: true,
    // Reply-from destroys the agent when the server closes.
    undici: upstreamAgent,
    replyOptions: {
      // One attempt: the dashboard owns retries (and a 503 must reach it as a 503).
      retryDelay: () => null,
      rewriteRequestHeaders: (request, headers) => {
        // A stream is passed through as it comes: it must come uncompressed.
        const isStream = isStreamTarget(request.raw.url ?? '');
        const forwarded = Object.entries(headers).filter(
          ([name]) =>
            FORWARDED_REQUEST_HEADERS.has(name) && !(isStream && name === 'accept-encoding'),
        );
        return upstreamAgent.tag(request.raw, Object.fromEntries(forwarded));
      },
      rewriteHeaders: (headers) =>
        Object.fromEntries(
          Object.entries(headers).filter(([name]) => isForwardedResponseHeader(name)),
        ),
      onResponse: (_request, reply, upstream) => {
        const type = String(reply.getHeader('content-type') ?? '');
        if (!type.startsWith('text/event-stream')) return void reply.send(upstream.stream);
        // A stream's headers go out now, not with its first event (30 s away at the real service's
        // pings): the page says "Live" when they arrive. Piped by hand, so nothing buffers or
        // compresses it, an upstream drop destroys the browser's response, and a browser that
        // leaves destroys the upstream request.
        reply.headers(apiHeaders);
        // Tells a buffering proxy in front (nginx and kin) to pass each event on at once.
        reply.header('X-Accel-Buffering', 'no');
        reply.hijack();
        const raw = reply.raw as ServerResponse;
        for (const [name, value] of Object.entries(reply.getHeaders())) {
          if (value !== undefined) raw.setHeader(name, value);
        }
        raw.writeHead(reply.statusCode);
        raw.flushHeaders();
        pipeline(upstream.stream, raw, () => {});
      },
      onError: (reply, { error }) => {
        const timedOut = 'statusCode' in error && error.statusCode === 504;
        void reply
          .code(timedOut ? 504 : 502)
          .type('text/plain; charset=utf-8')
          .send(
            timedOut
              ? 'The Jobs API did not answer in time.'
              : 'The Jobs API could not be reached.',
          );
      },
    },
  });

  app.get('/healthz', (_request, reply) =>
    sendText(reply.header('Cache-Control', 'no-store'), 200, 'ok'),
  );

  await app.register(fastifyStatic, {
    root,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'ignore',
    allowedPath: isServable,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.startsWith(assetsDir) ? IMMUTABLE : 'no-cache');
      // The same URL is br, gzip or plain by Accept-Encoding: caches on the way must know.
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });

  app.setNotFoundHandler((request, reply) => {
    if (!isAppRoute(request)) return sendText(reply, 404, 'Not found');
    return reply.code(200).header('Cache-Control', 'no-cache').sendFile('index.html');
  });

  return app;
}
