// The simulator's in-memory jobs: ordering, lookups, state changes, and "job finished" notifications for streams.
import type { components } from '../src/api/schema.gen.ts';

export type JobResponse = components['schemas']['JobResponse'];
export type JobStatusResponse = components['schemas']['JobStatusResponse'];

/** A text field, or a function producing it: multi-megabyte fields are built per request, never kept in memory. */
type LazyText = string | (() => string);

/** Who drives a job: the live clock advances 'seed' and 'live' jobs; 'control' jobs change only through controls. */
type JobOrigin = 'seed' | 'live' | 'control';

export type SimJob = Omit<JobResponse, 'inputData' | 'outputData'> & {
  inputData: LazyText;
  outputData?: LazyText;
  origin: JobOrigin;
  /** Insertion order: breaks createdAt ties so "newest first" stays stable. */
  seq: number;
};

export type NewJob = Omit<SimJob, 'seq'>;

export type FinishOutcome = {
  status: 'completed' | 'failed';
  outputData?: LazyText;
  errorCode?: string;
  errorMessage?: string;
};

export type JobStore = ReturnType<typeof createJobStore>;

export function isFinished(job: SimJob): boolean {
  return job.completedAt !== undefined;
}

function resolve(text: LazyText): string {
  return typeof text === 'function' ? text() : text;
}

/** `{ [key]: value }` when the value is present, else `{}`: optional fields are absent, never null or undefined. */
function present<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

export function toStatusResponse(job: SimJob): JobStatusResponse {
  return {
    id: job.id,
    jobType: job.jobType,
    status: job.status,
    ownerUser: job.ownerUser,
    ...present('ownerOrganization', job.ownerOrganization),
    startedAt: job.startedAt,
    ...present('completedAt', job.completedAt),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

/** The whole job: its metadata (as /status sends it) plus the data fields. */
export function toJobResponse(job: SimJob): JobResponse {
  return {
    ...toStatusResponse(job),
    inputData: resolve(job.inputData),
    ...present('outputData', job.outputData === undefined ? undefined : resolve(job.outputData)),
    ...present('errorMessage', job.errorMessage),
    ...present('errorCode', job.errorCode),
  };
}

function newestFirst(a: SimJob, b: SimJob): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return b.seq - a.seq;
}

export function createJobStore() {
  const jobs = new Map<string, SimJob>();
  const finishListeners = new Map<string, Set<(job: SimJob) => void>>();
  let ordered: SimJob[] | undefined; // newest first, rebuilt lazily after additions
  let seq = 0;

  function add(job: NewJob): SimJob {
    if (jobs.has(job.id)) throw new Error(`Duplicate job id: ${job.id}`);
    const stored: SimJob = { ...job, seq: seq++ };
    jobs.set(stored.id, stored);
    ordered = undefined;
    return stored;
  }

  function all(): readonly SimJob[] {
    ordered ??= [...jobs.values()].sort(newestFirst);
    return ordered;
  }

  function markRunning(job: SimJob, nowIso: string): void {
    job.status = 'running';
    job.startedAt = nowIso;
    job.updatedAt = nowIso;
  }

  function finish(job: SimJob, outcome: FinishOutcome, nowIso: string): void {
    job.status = outcome.status;
    job.completedAt = nowIso;
    job.updatedAt = nowIso;
    if (outcome.outputData !== undefined) job.outputData = outcome.outputData;
    else delete job.outputData;
    if (outcome.errorCode !== undefined) job.errorCode = outcome.errorCode;
    else delete job.errorCode;
    if (outcome.errorMessage !== undefined) job.errorMessage = outcome.errorMessage;
    else delete job.errorMessage;
    const listeners = finishListeners.get(job.id);
    finishListeners.delete(job.id);
    for (const listener of listeners ?? []) listener(job);
  }

  /** Calls `listener` once when the job finishes; returns the unsubscribe function. */
  function onFinish(id: string, listener: (job: SimJob) => void): () => void {
    let listeners = finishListeners.get(id);
    if (!listeners) finishListeners.set(id, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && finishListeners.get(id) === listeners) finishListeners.delete(id);
    };
  }

  function clear(): void {
    jobs.clear();
    finishListeners.clear();
    ordered = undefined;
    seq = 0;
  }

  return { add, get: (id: string) => jobs.get(id), all, markRunning, finish, onFinish, clear };
}
