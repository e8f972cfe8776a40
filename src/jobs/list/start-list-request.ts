import type { QueryClient } from '@tanstack/react-query';
import { getToken } from '../../auth/token-store.ts';
import { parseListSearch } from '../../paths.ts';
import { jobQueries } from '../job-queries.ts';

const LIST_PATH = /^\/jobs\/?$/;

/**
 * On a first visit to the list, its page request starts before React renders (main.tsx): the URL and
 * the token are known the moment the script runs. The page's query adopts the request in flight (same
 * key), so a navigation sends one request, not two. It does not wait: the page shows its skeleton.
 */
export function startListRequest(queryClient: QueryClient, url: URL): void {
  // Signed out, the route guard sends the person to sign-in: nothing to ask the API.
  if (!LIST_PATH.test(url.pathname) || getToken() === null) return;
  const { params } = parseListSearch(url.searchParams);
  void queryClient.prefetchQuery(jobQueries.list(params));
}
