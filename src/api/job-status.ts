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

/** The badge's colours for each family (src/index.css defines them; each text meets WCAG AA on its own
 * background in both themes). */
export const BADGE_CLASSES: Readonly<Record<StatusFamily, string>> = {
  waiting: 'bg-warn-soft text-warn-ink ring-warn-line',
  running: 'bg-info-soft text-info-ink ring-info-line',
  succeeded: 'bg-ok-soft text-ok-ink ring-ok-line',
  failed: 'bg-danger-soft text-danger-ink ring-danger-line',
  // Stopped on purpose: set apart from a word we don't know.
  cancelled: 'bg-surface text-muted ring-line-strong',
  unknown: 'bg-raised text-ink ring-line-strong',
};

/** A timeline bar's colour for each family: the badge's hue, at full strength. */
export const BAR_CLASSES: Readonly<Record<StatusFamily, string>> = {
  waiting: 'fill-warn stroke-warn',
  running: 'fill-info stroke-info',
  succeeded: 'fill-ok stroke-ok',
  failed: 'fill-danger stroke-danger',
  cancelled: 'fill-line-strong stroke-line-strong',
  unknown: 'fill-muted stroke-muted',
};
