import { jobsListPath } from '../../api/http.ts';
import { readStoredToken } from '../../auth/token-storage.ts';
import { parseListSearch } from '../../paths.ts';
import { sendEarlyPageRequest, type PageRequest } from './page-request.ts';

const LIST_PATH = /^\/jobs\/?$/;
/** The list asks for its page within a second or two of the entry; one not taken by then is dropped. */
const UNTAKEN_MS = 10_000;

let early: (PageRequest & { path: string; token: string }) | null = null;

/**
 * On a first visit to the list, its page request leaves as soon as the small entry script runs
 * (main.ts), while the app's own code is still loading: the URL and the token are all it needs. The
 * list's query reads this answer (takeEarlyListRequest) instead of sending a second request.
 */
export function startEarlyListRequest(url: URL): void {
  const token = readStoredToken();
  // Signed out, the route guard sends the person to sign-in: nothing to ask the API.
  if (!LIST_PATH.test(url.pathname) || token === null) return;
  const path = jobsListPath(parseListSearch(url.searchParams).params);
  const request = sendEarlyPageRequest(path, token);
  // Read (and its failure reported) by the list's query; a request nobody takes fails unheard.
  request.response.catch(() => undefined);
  const sent = { ...request, path, token };
  early = sent;
  // The person went elsewhere (or signed out) first: free the connection, and never serve it late.
  setTimeout(() => {
    if (early !== sent) return;
    early = null;
    sent.abort();
  }, UNTAKEN_MS);
}

/**
 * The early request, if it is this one (same page, same token); taken once. The first list call
 * decides: an early request it does not match is no longer wanted and is stopped.
 */
export function takeEarlyListRequest(path: string, token: string | null): PageRequest | undefined {
  const sent = early;
  early = null;
  if (sent && sent.path === path && sent.token === token) return sent;
  sent?.abort();
  return undefined;
}
