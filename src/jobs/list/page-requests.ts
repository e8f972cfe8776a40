import { hashKey, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ListParams } from '../../api/types.ts';
import { jobQueries } from '../job-queries.ts';

/** A list page fetched ahead that no page shows (the person went elsewhere) stops: pages weigh megabytes. */
export function stopIfUnwatched(queryClient: QueryClient, queryKey: QueryKey): void {
  const query = queryClient.getQueryCache().find({ queryKey, exact: true });
  if (query && query.getObserversCount() === 0 && query.state.fetchStatus === 'fetching') {
    void queryClient.cancelQueries({ queryKey, exact: true });
  }
}

/**
 * Sends a page's request when the person asks for it, not once its page has rendered (its query then
 * finds it in flight). A page asked for and left before it showed (Next, then Last at once) stops.
 */
export function usePageRequest(): (target: ListParams) => void {
  const queryClient = useQueryClient();
  const last = useRef<QueryKey | null>(null);
  useEffect(
    () => () => {
      const key = last.current;
      // After the move away has rendered.
      if (key) setTimeout(() => stopIfUnwatched(queryClient, key), 0);
    },
    [queryClient],
  );
  return (target) => {
    const next = jobQueries.list(target);
    const previous = last.current;
    if (previous && hashKey(previous) !== hashKey(next.queryKey)) {
      stopIfUnwatched(queryClient, previous);
    }
    last.current = next.queryKey;
    void queryClient.prefetchQuery(next);
  };
}
