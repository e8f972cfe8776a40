import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getToken, subscribeToToken } from './token-store.ts';

/** Whoever clears the token (sign-out, a 401, another tab), no job data outlives it. */
export function useForgetDataOnSignOut(queryClient: QueryClient): void {
  useEffect(
    () =>
      subscribeToToken(() => {
        if (getToken() === null) queryClient.clear();
      }),
    [queryClient],
  );
}
