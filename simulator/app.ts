// The Jobs API simulator as one request handler: the four contract endpoints under /api/jobs, the demo-token
// endpoint, and (when enabled) the test controls under /__sim/. Usable from a node:http server or as
// connect middleware (Vite), which is why `handle` says whether it took the request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseIntegerParam, route, type Route } from './api-routes.ts';
import { createCancels } from './cancel.ts';
import {
  HttpError,
  answerPreflight,
  applyCors,
  decodeSegment,
  isLoopback,
  sendError,
  sendJson,
  sendText,
} from './http.ts';
import { createJobStore, toJobResponse, toStatusResponse } from './job-store.ts';
import type { SimJob } from './job-store.ts';
import { createStreamRegistry } from './stream.ts';
import { createFaultRegistry } from './faults.ts';
import type { EndpointKind } from './faults.ts';
import { createLiveClock } from './live-clock.ts';
import { handleControl } from './controls.ts';
import type { ControlContext, Counters } from './controls.ts';
import { createRng } from './prng.ts';
import { DEMO_USER, organizationsOf, seedJobs } from './seed-data.ts';
import { simulatorSettings, type SimulatorOptions } from './settings.ts';

export type Simulator = {
  /** Handles /api/ and /__sim/ requests; false for any other path (call next()). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  close(): void;
  /** A token of the demo user, offered by the dashboard's sign-in page. */
  demoToken: string | undefined;
};

function emptyRequestCounts(): Record<EndpointKind, number> {
  return { list: 0, job: 0, status: 0, stream: 0, cancel: 0 };
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const { tokens, controlsEnabled, initialConfig } = simulatorSettings(options);
  const demoToken = [...tokens].find(([, user]) => user === DEMO_USER)?.[0];

  let config = { ...initialConfig };
  let revoked = new Set<string>();
  let requestCounts = emptyRequestCounts();
  let byPath: Record<string, number> = {};
  let controlRng = createRng(0xc0_47_01);

  const store = createJobStore();
  const cancels = createCancels(store, () => config);
  const streams = createStreamRegistry(store, () => config);
  const faults = createFaultRegistry();
  const clock = createLiveClock(store);

  function seed(): void {
    store.clear();
    for (const job of seedJobs(Date.now())) store.add(job);
  }

  function reset(): void {
    clock.rewind();
    cancels.clear();
    streams.dropAll();
    faults.clear();
    seed();
    config = { ...initialConfig };
    revoked = new Set();
    requestCounts = emptyRequestCounts();
    byPath = {};
    controlRng = createRng(0xc0_47_01);
    if (config.live) clock.start();
  }

  function counters(): Counters {
    return { openStreams: streams.count(), requests: { ...requestCounts }, byPath: { ...byPath } };
  }

  const controls: ControlContext = {
    store,
    streams,
    faults,
    rng: () => controlRng,
    counters,
    reset,
    configure(patch) {
      const wasLive = config.live;
      config = { ...config, ...patch };
      streams.rearmAll();
      if (config.live && !wasLive) clock.start();
      if (!config.live && wasLive) clock.stop();
      return { ...config };
    },
    revoke: (token) => revoked.add(token),
  };

  function userOf(req: IncomingMessage): string | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const token = match?.[1];
    if (token === undefined || revoked.has(token)) return undefined;
    return tokens.get(token);
  }

  function canSee(user: string, job: SimJob): boolean {
    if (job.ownerUser === user) return true;
    return (
      job.ownerOrganization !== undefined && organizationsOf(user).includes(job.ownerOrganization)
    );
  }

  function list(res: ServerResponse, user: string, query: URLSearchParams): void {
    const skip = parseIntegerParam(query.get('skip'), 0, 0, Number.MAX_SAFE_INTEGER);
    if (skip === undefined) return sendText(res, 400, 'Invalid value for: query parameter skip');
    const perPage = parseIntegerParam(query.get('perPage'), 30, 1, 100);
    if (perPage === undefined)
      return sendText(res, 400, 'Invalid value for: query parameter perPage');
    const organization = query.get('organization') || undefined; // an empty value means "personal"
    if (organization !== undefined && !organizationsOf(user).includes(organization)) {
      throw new HttpError(
        403,
        `You are not a member of the organization ${JSON.stringify(organization)}`,
      );
    }
    const matching = store
      .all()
      .filter((job) =>
        organization === undefined
          ? job.ownerUser === user && job.ownerOrganization === undefined
          : job.ownerOrganization === organization,
      );
    const items = matching
      .slice(skip, skip + perPage)
      .map((job) => toJobResponse(job, config.profile));
    sendJson(res, 200, { totalCount: matching.length, skip, perPage, items });
  }

  function visibleJob(user: string, rawId: string): SimJob {
    const id = decodeSegment(rawId);
    // The 2026 service does not keep the letter case of ids: an upper-case UUID is the same job.
    const job = id === undefined ? undefined : store.get(id, config.profile === '2026');
    if (!job) throw new HttpError(404, 'Job not found');
    if (!canSee(user, job))
      throw new HttpError(403, 'You do not have permission to access this job');
    return job;
  }

  function serveApi(
    req: IncomingMessage,
    res: ServerResponse,
    found: Route | undefined,
    query: string,
  ): void {
    // The contract has no cancel endpoint; the 2026 service has nothing else at /api/jobs/{id}/cancel.
    if (!found || (found.kind === 'cancel' && config.profile !== '2026'))
      throw new HttpError(404, 'Not found');
    const method = found.kind === 'cancel' ? 'POST' : 'GET';
    if (req.method !== method) {
      res.setHeader('Allow', `${method}, OPTIONS`);
      throw new HttpError(405, 'Method not allowed');
    }
    const user = userOf(req);
    if (user === undefined) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'Missing, invalid or revoked token');
    }
    if (found.kind === 'list') return list(res, user, new URLSearchParams(query));
    const job = visibleJob(user, found.rawId);
    if (found.kind === 'job') {
      // Removed from the 2026 service (it may answer 404 or 405; a fault can make it a 405).
      if (config.profile === '2026') throw new HttpError(404, 'Not Found');
      return sendJson(res, 200, toJobResponse(job));
    }
    if (found.kind === 'status') return sendJson(res, 200, toStatusResponse(job, config.profile));
    if (found.kind === 'cancel') return cancels.request(res, job);
    streams.start(res, job);
  }

  function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    rawPath: string,
    query: string,
  ): void {
    const found = route(rawPath);
    if (found) requestCounts[found.kind] += 1;
    byPath[rawPath] = (byPath[rawPath] ?? 0) + 1;
    const fault = faults.take(found?.kind, rawPath, query);
    const serve = (): void => guard(res, () => serveApi(req, res, found, query));
    if (fault) faults.apply(fault, res, serve);
    else serve();
  }

  async function handleSim(
    req: IncomingMessage,
    res: ServerResponse,
    rawPath: string,
  ): Promise<void> {
    const sub = rawPath.slice('/__sim/'.length);
    if (sub === 'demo' && req.method === 'GET') {
      return sendJson(
        res,
        200,
        demoToken === undefined ? { demo: false } : { demo: true, token: demoToken },
      );
    }
    // Outside tests, and from other machines, the controls do not exist.
    if (!controlsEnabled || !isLoopback(req.socket.remoteAddress))
      throw new HttpError(404, 'Not found');
    // A web page open in a browser on this machine must not drive the controls (they answer
    // no-preflight POSTs): only callers without an Origin, or from this server's own origin.
    if (!isSameOriginOrNone(req)) throw new HttpError(403, 'Controls refuse cross-origin callers');
    await handleControl(controls, req, res, sub);
  }

  function guard(res: ServerResponse, run: () => void | Promise<void>): void {
    const fail = (error: unknown): void => {
      if (error instanceof HttpError) return sendError(res, error.status, error.message);
      console.error('[simulator]', error);
      sendError(res, 500, 'Internal simulator error');
    };
    try {
      const result = run();
      if (result) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    const queryStart = url.indexOf('?');
    const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
    const query = queryStart === -1 ? '' : url.slice(queryStart + 1);
    const isApi = rawPath.startsWith('/api/');
    if (!isApi && !rawPath.startsWith('/__sim/')) return false;

    applyCors(res);
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res);
      return true;
    }
    if (isApi) handleApi(req, res, rawPath, query);
    else guard(res, () => handleSim(req, res, rawPath));
    return true;
  }

  function close(): void {
    clock.stop();
    cancels.clear();
    streams.dropAll();
    faults.clear();
  }

  seed();
  if (config.live) clock.start();
  return { handle, close, demoToken };
}

function isSameOriginOrNone(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
