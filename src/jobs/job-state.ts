import { isFinished } from '../api/job-status.ts';
import type { JobStatus } from '../api/types.ts';
import { parseTime } from '../ui/time.ts';

/**
 * Whether `incoming` may replace `current` in the cache: never an unfinished copy over a finished
 * one, never an older update over a newer one.
 */
export function isNewer(current: JobStatus | undefined, incoming: JobStatus): boolean {
  if (!current) return true;
  if (isFinished(current) && !isFinished(incoming)) return false;
  if (!isFinished(current) && isFinished(incoming)) return true;
  const a = parseTime(current.updatedAt);
  const b = parseTime(incoming.updatedAt);
  // A time that can't be read never makes a copy newer; one that can beats one that can't.
  if (b === undefined) return false;
  if (a === undefined) return true;
  // The same update seen twice (a repeated /status answer) is not news: no cache write, no re-render.
  return b > a;
}
