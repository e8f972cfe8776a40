import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { isFinished } from '../../api/job-status.ts';
import type { JobStatus } from '../../api/types.ts';

/** How long to wait before asking again for the poller's code after it failed to load. */
const CHUNK_RETRY_MS = 10_000;

/**
 * Keeps the unfinished rows of the page on screen fresh. Nothing runs (no timer, no request) while
 * every row is finished, or while live updates are paused; never a stream per row.
 */
export function useLiveRows(rows: readonly JobStatus[], paused: boolean): void {
  const queryClient = useQueryClient();
  const unfinished = rows.filter((row) => !isFinished(row));
  // The poller asks for the rows each round and gets this render's, without restarting the effect.
  const getRows = useEffectEvent(() => unfinished);
  const running = unfinished.length > 0 && !paused;
  useEffect(() => {
    if (!running) return;
    // The poller's first round is an interval away: its code loads meanwhile, off the first paint.
    let stop: (() => void) | undefined;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      import('./status-poller.ts').then(
        ({ startStatusPoller }) => {
          if (!stopped) stop = startStatusPoller({ queryClient, getRows });
        },
        // Offline (or a deploy removed the chunk): the rows stay as they are; try again later.
        () => {
          if (!stopped) retry = setTimeout(load, CHUNK_RETRY_MS);
        },
      );
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(retry);
      stop?.();
    };
  }, [queryClient, running]);
}
