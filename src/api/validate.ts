import type { Job, JobStatus, JobsPage, StreamError } from './types.ts';

/** Thrown when the server's body does not have the shape the contract promises. */
export class InvalidResponseError extends Error {
  override name = 'InvalidResponseError';
}

type Obj = Record<string, unknown>;

function asObject(value: unknown, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidResponseError(`${what} is not an object`);
  }
  return value as Obj;
}

function requiredString(o: Obj, key: string, what: string): string {
  const v = o[key];
  if (typeof v !== 'string')
    throw new InvalidResponseError(`${what}: "${key}" is missing or not text`);
  return v;
}

// Optional fields: absent or null both mean "not there"; anything else must be text.
function optionalString(o: Obj, key: string, what: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InvalidResponseError(`${what}: "${key}" is not text`);
  return v;
}

function count(o: Obj, key: string, what: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new InvalidResponseError(`${what}: "${key}" is not a whole number`);
  }
  return v;
}

/** Copies the known fields only: unknown fields are dropped, unknown status values kept as they are. */
export function parseJobStatus(value: unknown, what = 'job'): JobStatus {
  const o = asObject(value, what);
  const status: JobStatus = {
    id: requiredString(o, 'id', what),
    jobType: requiredString(o, 'jobType', what),
    status: requiredString(o, 'status', what),
    ownerUser: requiredString(o, 'ownerUser', what),
    createdAt: requiredString(o, 'createdAt', what),
    updatedAt: requiredString(o, 'updatedAt', what),
  };
  // startedAt null: not started yet (a queued job), not a broken one.
  for (const key of ['ownerOrganization', 'startedAt', 'completedAt'] as const) {
    const v = optionalString(o, key, what);
    if (v !== undefined) status[key] = v;
  }
  return status;
}

export function parseJob(value: unknown, what = 'job'): Job {
  const o = asObject(value, what);
  const job: Job = { ...parseJobStatus(o, what), inputData: requiredString(o, 'inputData', what) };
  for (const key of ['outputData', 'errorMessage', 'errorCode'] as const) {
    const v = optionalString(o, key, what);
    if (v !== undefined) job[key] = v;
  }
  return job;
}

/** A list page's items, each as sent (an export keeps them whole); each is checked where it is used. */
export function parseItems(value: unknown): unknown[] {
  const items = asObject(value, 'job list').items ?? [];
  if (!Array.isArray(items)) throw new InvalidResponseError('job list: "items" is not a list');
  return items;
}

/** A list page's frame: its counts and a list of items, each left to be checked on its own. */
export function parseJobsPage(value: unknown): JobsPage {
  const o = asObject(value, 'job list');
  const items = o.items ?? [];
  if (!Array.isArray(items)) throw new InvalidResponseError('job list: "items" is not a list');
  return {
    totalCount: count(o, 'totalCount', 'job list'),
    skip: count(o, 'skip', 'job list'),
    perPage: count(o, 'perPage', 'job list'),
    items,
  };
}

/**
 * A stream `error` event, or a failed job's `result` from the 2026 service (`{"code": 413, "message": …}`):
 * the code is text or a number, kept as text.
 */
export function parseStreamError(value: unknown): StreamError {
  const o = asObject(value, 'stream error');
  const code = typeof o.code === 'number' && Number.isFinite(o.code) ? String(o.code) : o.code;
  const error: StreamError = { code: requiredString({ code }, 'code', 'stream error') };
  const message = optionalString(o, 'message', 'stream error');
  if (message !== undefined) error.message = message;
  return error;
}
