import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { isFinished } from '../../api/job-status.ts';
import type { JobStatus } from '../../api/types.ts';

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
    void import('./status-poller.ts').then(({ startStatusPoller }) => {
      if (!stopped) stop = startStatusPoller({ queryClient, getRows });
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [queryClient, running]);
}
