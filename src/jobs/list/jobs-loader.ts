import type { QueryClient } from '@tanstack/react-query';
import { getToken } from '../../auth/token-store.ts';
import { parseListSearch } from '../../paths.ts';
import { jobQueries } from '../job-queries.ts';

/**
 * The list route's loader starts the page's request before the page renders (on a cold load, while
 * the skeleton draws). It does not wait for it: the page shows its skeleton, then the rows.
 */
export function jobsLoader(queryClient: QueryClient) {
  return ({ request }: { request: Request }): null => {
    // Signed out, the route guard sends the person to sign-in: nothing to ask the API.
    if (getToken() !== null) {
      const { params } = parseListSearch(new URL(request.url).searchParams);
      void queryClient.prefetchQuery(jobQueries.list(params));
    }
    return null;
  };
}
