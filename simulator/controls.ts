// Test controls under /__sim/ (enabled with `controls: true` / SIM_CONTROLS=1, loopback callers only):
// create and finish jobs, inject faults, drop streams, change timings, revoke tokens, read counters, reset.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HttpError,
  decodeSegment,
  isBoolean,
  isString,
  optional,
  readJsonObject,
  sendJson,
} from './http.ts';
import { isFinished, toJobResponse } from './job-store.ts';
import type { FinishOutcome, JobStore, NewJob } from './job-store.ts';
import { parseFaultSpec } from './faults.ts';
import type { EndpointKind, FaultRegistry } from './faults.ts';
import type { StreamRegistry } from './stream.ts';
import { JOB_TYPES, makeFailure, makeInput, makeOutput } from './job-content.ts';
import type { Rng } from './prng.ts';
import { DEMO_USER } from './seed-data.ts';
import { isProfile } from './profile.ts';
import type { SimProfile } from './profile.ts';

export type SimConfig = {
  pingMs: number;
  jobTimeoutMs: number;
  live: boolean;
  profile: SimProfile;
  /** How long an accepted cancel takes to end the job. */
  cancelDelayMs: number;
};

export type Counters = {
  openStreams: number;
  requests: Record<EndpointKind, number>;
  byPath: Record<string, number>;
};

export type ControlContext = {
  store: JobStore;
  streams: StreamRegistry;
  faults: FaultRegistry;
  /** Source of default inputs and outputs; rewound by reset. */
  rng(): Rng;
  counters(): Counters;
  reset(): void;
  configure(patch: Partial<SimConfig>): SimConfig;
  revoke(token: string): void;
};

const isPositiveInteger = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const isFinalStatus = (v: unknown): v is FinishOutcome['status'] =>
  v === 'completed' || v === 'failed';

function text(body: Record<string, unknown>, key: string): string | undefined {
  return optional(body, key, isString, 'a string');
}

function createJob(ctx: ControlContext, body: Record<string, unknown>) {
  const rng = ctx.rng();
  const id = text(body, 'id') ?? rng.uuid();
  if (id === '') throw new HttpError(400, '"id" must not be empty');
  if (ctx.store.get(id))
    throw new HttpError(409, `A job with id ${JSON.stringify(id)} already exists`);
  const status = text(body, 'status') ?? 'running';
  const jobType = text(body, 'jobType') ?? JOB_TYPES.extraction;
  const organization = text(body, 'organization');
  const parent = text(body, 'parent');
  if (parent !== undefined && !ctx.store.get(parent))
    throw new HttpError(400, `"parent": no job ${JSON.stringify(parent)}`);
  const { inputData, doc } = makeInput(rng, jobType);
  const now = new Date().toISOString();
  const finished = isFinalStatus(status);
  const failure = status === 'failed' ? makeFailure(rng, jobType) : undefined;
  const outputData =
    text(body, 'outputData') ??
    (status === 'completed' ? makeOutput(rng, jobType, doc) : undefined);
  const errorCode = text(body, 'errorCode') ?? failure?.errorCode;
  const errorMessage = text(body, 'errorMessage') ?? failure?.errorMessage;

  const job: NewJob = {
    id,
    jobType,
    status,
    ownerUser: text(body, 'owner') ?? DEMO_USER,
    inputData: text(body, 'inputData') ?? inputData,
    startedAt: now,
    createdAt: now,
    updatedAt: now,
    origin: 'control',
  };
  if (organization !== undefined) job.ownerOrganization = organization;
  if (parent !== undefined) job.parentJobId = parent;
  if (outputData !== undefined) job.outputData = outputData;
  if (errorCode !== undefined) job.errorCode = errorCode;
  if (errorMessage !== undefined) job.errorMessage = errorMessage;
  if (finished) job.completedAt = now;
  return ctx.store.add(job);
}

function finishJob(ctx: ControlContext, rawId: string, body: Record<string, unknown>) {
  const id = decodeSegment(rawId);
  const job = id === undefined ? undefined : ctx.store.get(id);
  if (!job) throw new HttpError(404, 'Job not found');
  if (isFinished(job))
    throw new HttpError(409, `Job ${JSON.stringify(job.id)} is already finished`);
  const rng = ctx.rng();
  const status = optional(body, 'status', isFinalStatus, '"completed" or "failed"') ?? 'completed';
  const outputData = text(body, 'outputData');
  const outcome: FinishOutcome = { status };
  if (status === 'completed') {
    outcome.outputData =
      outputData ?? makeOutput(rng, job.jobType, makeInput(rng, job.jobType).doc);
  } else {
    const failure = makeFailure(rng, job.jobType);
    if (outputData !== undefined) outcome.outputData = outputData;
    outcome.errorCode = text(body, 'errorCode') ?? failure.errorCode;
    outcome.errorMessage = text(body, 'errorMessage') ?? failure.errorMessage;
  }
  // Open streams for this job receive their `result` event from here.
  ctx.store.finish(job, outcome, new Date().toISOString());
  return job;
}

function parseConfig(body: Record<string, unknown>): Partial<SimConfig> {
  const patch: Partial<SimConfig> = {};
  const pingMs = optional(body, 'pingMs', isPositiveInteger, 'an integer >= 1');
  const jobTimeoutMs = optional(body, 'jobTimeoutMs', isPositiveInteger, 'an integer >= 1');
  const live = optional(body, 'live', isBoolean, 'a boolean');
  const profile = optional(body, 'profile', isProfile, '"contract" or "2026"');
  const cancelDelayMs = optional(body, 'cancelDelayMs', isPositiveInteger, 'an integer >= 1');
  if (profile !== undefined) patch.profile = profile;
  if (cancelDelayMs !== undefined) patch.cancelDelayMs = cancelDelayMs;
  if (pingMs !== undefined) patch.pingMs = pingMs;
  if (jobTimeoutMs !== undefined) patch.jobTimeoutMs = jobTimeoutMs;
  if (live !== undefined) patch.live = live;
  return patch;
}

/** `rawPath` is the pathname after `/__sim/`, still percent-encoded. */
export async function handleControl(
  ctx: ControlContext,
  req: IncomingMessage,
  res: ServerResponse,
  rawPath: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (rawPath === 'counters') {
    if (method !== 'GET') throw new HttpError(405, 'Use GET');
    return sendJson(res, 200, ctx.counters());
  }
  const finish = /^jobs\/([^/]+)\/finish$/.exec(rawPath);
  const known =
    ['reset', 'jobs', 'faults', 'drop-streams', 'config', 'revoke'].includes(rawPath) ||
    finish !== null;
  if (!known) throw new HttpError(404, 'Unknown control');
  if (method !== 'POST') throw new HttpError(405, 'Use POST');

  const body = await readJsonObject(req);
  if (finish?.[1] !== undefined)
    return sendJson(res, 200, toJobResponse(finishJob(ctx, finish[1], body)));
  switch (rawPath) {
    case 'reset':
      ctx.reset();
      return sendJson(res, 200, { reset: true });
    case 'jobs':
      return sendJson(res, 201, toJobResponse(createJob(ctx, body)));
    case 'faults': {
      const spec = parseFaultSpec(body);
      ctx.faults.add(spec);
      return sendJson(res, 201, spec);
    }
    case 'drop-streams':
      return sendJson(res, 200, { dropped: ctx.streams.dropAll() });
    case 'config':
      return sendJson(res, 200, ctx.configure(parseConfig(body)));
    case 'revoke': {
      const token = text(body, 'token');
      if (!token) throw new HttpError(400, '"token" is required');
      ctx.revoke(token);
      return sendJson(res, 200, { revoked: token });
    }
  }
}
