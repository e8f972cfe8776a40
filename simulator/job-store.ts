// The simulator's in-memory jobs: ordering, lookups, state changes, and "job finished" notifications for streams.
import type { components } from '../api/schema.gen.ts';
import { wireTime } from './profile.ts';
import type { SimProfile } from './profile.ts';

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
  /** The job that started this one (2026 cancel rules: a child is cancelled through its parent). */
  parentJobId?: string;
  /** A cancel was accepted and is on its way (it takes up to one heartbeat on the real service). */
  cancelRequested?: boolean;
};

export type NewJob = Omit<SimJob, 'seq'>;

export type FinishOutcome = {
  status: 'completed' | 'failed' | 'cancelled';
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

export function toStatusResponse(job: SimJob, profile: SimProfile = 'contract'): JobStatusResponse {
  const time = (iso: string) => wireTime(iso, profile, job);
  return {
    id: job.id,
    jobType: job.jobType,
    status: job.status,
    ownerUser: job.ownerUser,
    ...present('ownerOrganization', job.ownerOrganization),
    startedAt: time(job.startedAt),
    ...present('completedAt', job.completedAt === undefined ? undefined : time(job.completedAt)),
    createdAt: time(job.createdAt),
    updatedAt: time(job.updatedAt),
  };
}

/** The whole job: its metadata (as /status sends it) plus the data fields. */
export function toJobResponse(job: SimJob, profile: SimProfile = 'contract'): JobResponse {
  return {
    ...toStatusResponse(job, profile),
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
  /** Lower-cased id -> job, for a service that matches ids without regard to letter case. */
  const folded = new Map<string, SimJob>();
  const finishListeners = new Map<string, Set<(job: SimJob) => void>>();
  let ordered: SimJob[] | undefined; // newest first, rebuilt lazily after additions
  let seq = 0;

  function add(job: NewJob): SimJob {
    if (jobs.has(job.id)) throw new Error(`Duplicate job id: ${job.id}`);
    const stored: SimJob = { ...job, seq: seq++ };
    jobs.set(stored.id, stored);
    folded.set(stored.id.toLowerCase(), stored);
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
    delete job.cancelRequested;
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
    folded.clear();
    finishListeners.clear();
    ordered = undefined;
    seq = 0;
  }

  /** The job with this id; with `ignoreCase`, also one whose id differs only in letter case. */
  function get(id: string, ignoreCase = false): SimJob | undefined {
    return jobs.get(id) ?? (ignoreCase ? folded.get(id.toLowerCase()) : undefined);
  }

  /** The jobs started by `parentId`. */
  function children(parentId: string): SimJob[] {
    return [...jobs.values()].filter((job) => job.parentJobId === parentId);
  }

  return { add, get, children, all, markRunning, finish, onFinish, clear };
}
