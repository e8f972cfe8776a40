import { isFinished } from '../api/job-status.ts';
import type { JobStatus } from '../api/types.ts';

/**
 * Whether `incoming` may replace `current` in the cache: never an unfinished copy over a finished
 * one, never an older update over a newer one.
 */
export function isNewer(current: JobStatus | undefined, incoming: JobStatus): boolean {
  if (!current) return true;
  if (isFinished(current) && !isFinished(incoming)) return false;
  if (!isFinished(current) && isFinished(incoming)) return true;
  const a = Date.parse(current.updatedAt);
  const b = Date.parse(incoming.updatedAt);
  if (Number.isNaN(a) || Number.isNaN(b)) return true;
  // The same update seen twice (a repeated /status answer) is not news: no cache write, no re-render.
  return b > a;
}
