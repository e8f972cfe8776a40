import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { backoffDelay, shouldRetry } from './api/retry.ts';
import { expireOn401 } from './auth/expire-on-401.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    // A 401 from any query or mutation ends the session (the route guard then asks to sign in).
    queryCache: new QueryCache({ onError: expireOn401 }),
    mutationCache: new MutationCache({ onError: expireOn401 }),
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
