import { encodeSegment } from './api/http.ts';
import type { ListParams } from './api/types.ts';

export const PER_PAGE_OPTIONS = [10, 30, 50, 100] as const;
const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

/** App links are built here, never concatenated in components. */
export const paths = {
  jobs(params: Partial<ListParams> = {}): string {
    const query = new URLSearchParams();
    if (params.organization) query.set('organization', params.organization);
    if (params.skip) query.set('skip', String(params.skip));
    if (params.perPage && params.perPage !== DEFAULT_PER_PAGE) {
      query.set('perPage', String(params.perPage));
    }
    const search = query.toString();
    return search ? `/jobs?${search}` : '/jobs';
  },
  job(jobId: string): string {
    return `/jobs/${encodeSegment(jobId)}`;
  },
  /** Two jobs side by side: `/compare?a=<id>&b=<id>`. */
  compare(a: string, b: string): string {
    return `/compare?${new URLSearchParams({ a, b })}`;
  },
  signIn(returnTo?: string): string {
    return returnTo && returnTo !== '/'
      ? `/sign-in?${new URLSearchParams({ returnTo })}`
      : '/sign-in';
  },
};

export type ListSearch = { params: ListParams; corrections: string[] };

/**
 * Reads the list state from the URL. Values a person may have mistyped are corrected, and each
 * correction is described so the page can say what changed.
 */
export function parseListSearch(search: URLSearchParams): ListSearch {
  const corrections: string[] = [];
  const organization = search.get('organization')?.trim() || null;

  let perPage = DEFAULT_PER_PAGE;
  const rawPerPage = search.get('perPage');
  if (rawPerPage !== null) {
    const n = Number(rawPerPage);
    if (!Number.isInteger(n) || rawPerPage.trim() === '') {
      corrections.push(`"${rawPerPage}" is not a page size; showing ${DEFAULT_PER_PAGE} per page.`);
    } else if (n < 1 || n > MAX_PER_PAGE) {
      // Too many: the most the API gives; none or negative: the usual page, not a one-row page.
      perPage = n > MAX_PER_PAGE ? MAX_PER_PAGE : DEFAULT_PER_PAGE;
      corrections.push(`Page size must be 1 to ${MAX_PER_PAGE}; showing ${perPage} per page.`);
    } else {
      perPage = n;
    }
  }

  let skip = 0;
  const rawSkip = search.get('skip');
  if (rawSkip !== null) {
    const n = Number(rawSkip);
    if (!Number.isSafeInteger(n) || n < 0 || rawSkip.trim() === '') {
      corrections.push(`"${rawSkip}" is not a valid position; showing the first page.`);
    } else {
      skip = n;
    }
  }
  return { params: { organization, skip, perPage }, corrections };
}

/**
 * A return path from the URL is followed only when it stays on this origin:
 * `//evil.example`, `https://evil.example` or `/\evil.example` fall back to the list. So does any path
 * that becomes `//…` only once read (`/.//evil.example`, `/%2e//evil.example`, `/./\evil.example`):
 * followed, it would lead to another site.
 */
export function safeReturnPath(value: string | null, origin = window.location.origin): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/jobs';
  }
  try {
    const url = new URL(value, origin);
    if (url.origin !== origin || url.pathname.startsWith('//')) return '/jobs';
    if (url.pathname === '/sign-in') return '/jobs';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/jobs';
  }
}
