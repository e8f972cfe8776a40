import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ListParams } from '../../api/types.ts';
import { jobQueries } from '../job-queries.ts';

/**
 * The next page, fetched in the background once the browser is idle after this one is on screen, so Next
 * shows it at once. It must not cost the current page anything: it waits for idle time, and one still
 * running when the person moves elsewhere (not to that page) is called off, request and all.
 */
export function useNextPagePrefetch(
  { organization, perPage }: ListParams,
  nextSkip: number | null,
): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (nextSkip === null) return;
    const options = jobQueries.list({ organization, skip: nextSkip, perPage });
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
  }, [queryClient, organization, nextSkip, perPage]);
}
