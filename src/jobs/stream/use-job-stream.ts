import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { acquireJobStream, getJobStreamState, watchJobStream } from './stream-registry.ts';
import type { StreamState } from './stream-state.ts';

/**
 * Follows a job live while `enabled` (the job is loaded and unfinished). Results go into the query
 * cache; the returned state is for the live indicator. Undefined when no stream is open.
 */
export function useJobStream(jobId: string, enabled: boolean): StreamState | undefined {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return acquireJobStream(queryClient, jobId);
  }, [queryClient, jobId, enabled]);
  const subscribe = useCallback(
    (listener: () => void) => watchJobStream(queryClient, jobId, listener),
    [queryClient, jobId],
  );
  const state = useSyncExternalStore(subscribe, () => getJobStreamState(queryClient, jobId));
  return enabled ? state : undefined;
}
