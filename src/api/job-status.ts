import type { JobStatus } from './types.ts';

// The one vocabulary of job statuses. Status is an open set: these are the words we know how to
// present; any other word is kept and shown as the server sent it, in a neutral badge.

/** What a status means to the person reading it. */
export type StatusFamily = 'waiting' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'unknown';

const FAMILIES: Readonly<Record<string, StatusFamily>> = {
  queued: 'waiting',
  pending: 'waiting',
  waiting: 'waiting',
  scheduled: 'waiting',
  running: 'running',
  completed: 'succeeded',
  succeeded: 'succeeded',
  success: 'succeeded',
  done: 'succeeded',
  failed: 'failed',
  error: 'failed',
  timeout: 'failed',
  timed_out: 'failed',
  expired: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

const FINAL_FAMILIES: ReadonlySet<StatusFamily> = new Set(['succeeded', 'failed', 'cancelled']);

/** The family of a status word, whatever its case; `unknown` for a word we don't know. */
export function statusFamily(status: string): StatusFamily {
  return FAMILIES[status.toLowerCase()] ?? 'unknown';
}

/** A job is finished once it has completedAt, or a status we know to be final. */
export function isFinished(job: Pick<JobStatus, 'status' | 'completedAt'>): boolean {
  return job.completedAt !== undefined || FINAL_FAMILIES.has(statusFamily(job.status));
}

/** Not started yet (queued, pending…): the wait still grows and there is no run time. */
export function isWaiting(job: Pick<JobStatus, 'status' | 'completedAt'>): boolean {
  return statusFamily(job.status) === 'waiting' && !isFinished(job);
}

/** The badge's colours for each family (text on its own background meets WCAG AA in both themes). */
export const BADGE_CLASSES: Readonly<Record<StatusFamily, string>> = {
  waiting:
    'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
  running:
    'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800',
  succeeded:
    'bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  failed:
    'bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800',
  // Stopped on purpose: a grey a shade deeper than a word we don't know.
  cancelled:
    'bg-slate-200 text-slate-900 ring-slate-400 dark:bg-slate-700 dark:text-slate-100 dark:ring-slate-500',
  unknown:
    'bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
};
