import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { jobQueries } from '../job-queries.ts';
import type { ListParams } from '../jobs-api.ts';

/**
 * Fetches the next page in the background once the browser is idle after this one is on screen, so Next
 * shows it at once. It must not cost the current page anything: it waits for idle time, and
 * one still running when the person moves elsewhere (not to that page) is called off, request and all.
 */
export function useNextPagePrefetch(next: ListParams | null): void {
  const queryClient = useQueryClient();
  const key = next && JSON.stringify(next);
  useEffect(() => {
    if (!key) return;
    const options = jobQueries.list(JSON.parse(key) as ListParams);
    let started = false;
    // Safari has no requestIdleCallback: a short wait instead.
    const idle = self.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 300));
    const handle = idle(() => {
      started = true;
      void queryClient.prefetchQuery(options);
    });
    return () => {
      (self.cancelIdleCallback ?? clearTimeout)(handle);
      // Once the next view has rendered: if nothing shows that page, its download is not wanted now.
      if (started) {
        setTimeout(() => {
          const query = queryClient
            .getQueryCache()
            .find({ queryKey: options.queryKey, exact: true });
          if (query?.state.fetchStatus === 'fetching' && !query.getObserversCount()) {
            void queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
          }
        });
      }
    };
  }, [queryClient, key]);
}
