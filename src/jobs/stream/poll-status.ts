import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { backoffDelay } from '../../api/retry.ts';
import type { JobStatus } from '../../api/types.ts';
import { jobQueries } from '../job-queries.ts';
import { streamTiming } from './stream-state.ts';

type PollHandlers = {
  answered(status: JobStatus): void;
  failed(error: Error): void;
};

/**
 * Polls the job's status query (its `refetchInterval`) every `streamTiming.pollMs`, backing off while
 * /status keeps failing. Each settled answer goes to a handler once. Returns the function that stops it.
 */
export function pollStatus(
  queryClient: QueryClient,
  jobId: string,
  random: () => number,
  on: PollHandlers,
): () => void {
  const statusQuery = jobQueries.status(jobId);
  // Consecutive failures back off; the streak starts again at every answer.
  const before = queryClient.getQueryState(statusQuery.queryKey);
  let answers = before?.dataUpdateCount ?? 0;
  let errorsBeforeStreak = before?.errorUpdateCount ?? 0;
  const observer = new QueryObserver(queryClient, {
    ...statusQuery,
    retry: false,
    refetchInterval: (query) => {
      const { dataUpdateCount, errorUpdateCount } = query.state;
      if (dataUpdateCount !== answers) {
        answers = dataUpdateCount;
        errorsBeforeStreak = errorUpdateCount;
      }
      const failures = errorUpdateCount - errorsBeforeStreak;
      return failures > 0
        ? Math.max(streamTiming.pollMs, backoffDelay(failures - 1, undefined, random))
        : streamTiming.pollMs;
    },
    refetchIntervalInBackground: true,
    // Focus and reconnection are the stream's to handle (its resync), once.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  let handled = -1;
  return observer.subscribe(() => {
    const { data, error, fetchStatus, dataUpdateCount, errorUpdateCount } =
      observer.getCurrentQuery().state;
    const settled = dataUpdateCount + errorUpdateCount;
    if (fetchStatus !== 'idle' || settled === handled) return;
    handled = settled;
    if (error !== null) on.failed(error);
    else if (data) on.answered(data);
  });
}
