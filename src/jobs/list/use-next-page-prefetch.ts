import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ListParams } from '../../api/types.ts';
import { jobQueries } from '../job-queries.ts';
import { stopIfUnwatched } from './page-requests.ts';

/** Waits this long after a page settles before fetching the next one (pages can weigh megabytes). */
const PREFETCH_DELAY_MS = 300;

/** When the browser is idle (where it can tell), or now. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 2_000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

/**
 * The next page, fetched in the background once this one is on screen, so Next shows it at once. It
 * must cost the page on screen nothing: it starts when the browser is idle, and a person who moves
 * anywhere but that page stops its download (a page can be tens of megabytes).
 */
export function useNextPagePrefetch(
  { organization, perPage }: ListParams,
  nextSkip: number | null,
) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (nextSkip === null) return;
    const next = jobQueries.list({ organization, skip: nextSkip, perPage });
    let cancelIdle = () => {};
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(() => void queryClient.prefetchQuery(next));
    }, PREFETCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
      // After the move has rendered: if no page shows the prefetched one, its download stops.
      setTimeout(() => stopIfUnwatched(queryClient, next.queryKey), 0);
    };
  }, [queryClient, organization, nextSkip, perPage]);
}
