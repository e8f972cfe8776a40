import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getToken, subscribeToToken } from './token-store.ts';

/**
 * Whoever clears the token (sign-out, a 401, another tab), no job data outlives it: the query cache
 * is emptied and `forget` drops what else the app kept of the session (the recent organizations).
 */
export function useForgetDataOnSignOut(queryClient: QueryClient, forget: () => void): void {
  useEffect(
    () =>
      subscribeToToken(() => {
        if (getToken() !== null) return;
        queryClient.clear();
        forget();
      }),
    [queryClient, forget],
  );
}
