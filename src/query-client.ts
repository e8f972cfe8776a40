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
        // Back online: every query on screen resyncs once (a finished job's page excepted: job-queries.ts).
        refetchOnReconnect: 'always',
      },
    },
  });
}
