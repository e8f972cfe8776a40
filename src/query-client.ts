import { QueryClient } from '@tanstack/react-query';
import { backoffDelay, shouldRetry } from './api/retry.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (attempt, error) => backoffDelay(attempt, error),
        // Refetching on focus would re-download megabytes of list data; live rows and streams keep data fresh.
        refetchOnWindowFocus: false,
        // Back online, stale queries on screen refetch once (React Query's default); a job page resyncs
        // through its stream's cheap /status check instead (job-queries.ts).
      },
    },
  });
}
