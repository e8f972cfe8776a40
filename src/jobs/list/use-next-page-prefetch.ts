import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ListParams } from '../../api/types.ts';
import { jobQueries } from '../job-queries.ts';

/** Waits this long after a page settles before fetching the next one (pages can weigh megabytes). */
const PREFETCH_DELAY_MS = 300;

/** The next page, fetched in the background once this one is on screen: Next shows it at once. */
export function useNextPagePrefetch(
  { organization, perPage }: ListParams,
  nextSkip: number | null,
) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (nextSkip === null) return;
    const timer = setTimeout(() => {
      void queryClient.prefetchQuery(jobQueries.list({ organization, skip: nextSkip, perPage }));
    }, PREFETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [queryClient, organization, nextSkip, perPage]);
}
