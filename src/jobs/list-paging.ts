import type { ListParams } from './jobs-api.ts';

/** "31-60 of 237": positions are the server's, counted from 1. */
export function rangeText(skip: number, shown: number, totalCount: number): string {
  if (totalCount === 0 || shown === 0) return `0 of ${totalCount}`;
  return `${skip + 1}-${skip + shown} of ${totalCount}`;
}

/** Where the last page starts: the last full multiple of perPage below totalCount. */
export function lastPageSkip(totalCount: number, perPage: number): number {
  if (totalCount <= 0) return 0;
  return Math.floor((totalCount - 1) / perPage) * perPage;
}

export type PageTargets = {
  first: ListParams | null;
  previous: ListParams | null;
  next: ListParams | null;
  last: ListParams | null;
};

/** Where each paging button leads, or null where it would lead nowhere. */
export function pageTargets(params: ListParams, totalCount: number): PageTargets {
  const { skip, perPage } = params;
  const at = (s: number): ListParams => ({ ...params, skip: s });
  const last = lastPageSkip(totalCount, perPage);
  const hasNext = skip + perPage < totalCount;
  return {
    first: skip > 0 ? at(0) : null,
    previous: skip > 0 ? at(Math.max(0, skip - perPage)) : null,
    next: hasNext ? at(skip + perPage) : null,
    last: hasNext && last > skip ? at(last) : null,
  };
}

/** A new page size keeps the first visible job on screen: the page that holds it. */
export function withPerPage(params: ListParams, perPage: number): ListParams {
  return { ...params, perPage, skip: Math.floor(params.skip / perPage) * perPage };
}

/** A skip beyond the end (only the response's totalCount tells): the last page, and why. */
export function pastEndCorrection(
  params: ListParams,
  totalCount: number,
): { params: ListParams; message: string } | null {
  if (params.skip === 0 || params.skip < totalCount) return null;
  const skip = lastPageSkip(totalCount, params.perPage);
  const message =
    totalCount === 0
      ? `Position ${params.skip + 1} is past the end: there are no jobs; showing the first page.`
      : `Position ${params.skip + 1} is past the end (${totalCount} ${plural(totalCount, 'job')}); showing the last page.`;
  return { params: { ...params, skip }, message };
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** What the list remembers in the history entry (so Back/Forward and reload see the same thing). */
export type ListLocationState = {
  /** What was corrected in the URL the person typed or followed. */
  corrections?: string[];
  /** The page the person paged from, to spot jobs that moved between neighbouring pages. */
  from?: PagedFrom;
};

export type PagedFrom = {
  organization: string | null;
  skip: number;
  perPage: number;
  totalCount: number;
  ids: string[];
};

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((item) => typeof item === 'string');

/** History state survives reloads and may come from an older version of the app: check it. */
export function readListState(state: unknown): ListLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const result: ListLocationState = {};
  const { corrections, from } = state as Record<string, unknown>;
  if (isStringArray(corrections) && corrections.length > 0) result.corrections = corrections;
  if (typeof from === 'object' && from !== null) {
    const f = from as Record<string, unknown>;
    if (
      (f.organization === null || typeof f.organization === 'string') &&
      Number.isSafeInteger(f.skip) &&
      Number.isSafeInteger(f.perPage) &&
      Number.isSafeInteger(f.totalCount) &&
      isStringArray(f.ids)
    ) {
      result.from = from as PagedFrom;
    }
  }
  return result;
}

export function pagedFrom(
  params: ListParams,
  totalCount: number,
  items: readonly { id: string }[],
): PagedFrom {
  return { ...params, totalCount, ids: items.map((job) => job.id) };
}

export type Drift = {
  /** Rows of this page that were already on the page the person came from: not shown again. */
  repeated: number;
  /** How many more (or fewer, negative) jobs the list holds than when the previous page loaded. */
  arrived: number;
  direction: 'forward' | 'back';
};

/**
 * Skip-based paging drifts when jobs arrive on top: moving forward repeats the jobs pushed down from the
 * previous page; moving back, jobs pushed down from this page were never seen. Compares the page by id
 * with its neighbour the person came from.
 */
export function detectDrift<Row extends { id: string }>(
  params: ListParams,
  page: { totalCount: number; items: readonly Row[] },
  from: PagedFrom | undefined,
): { rows: readonly Row[]; drift: Drift | null } {
  const neighbour =
    from !== undefined &&
    from.organization === params.organization &&
    from.perPage === params.perPage &&
    Math.abs(from.skip - params.skip) === params.perPage;
  if (!neighbour) return { rows: page.items, drift: null };
  const seen = new Set(from.ids);
  const rows = page.items.filter((job) => !seen.has(job.id));
  const repeated = page.items.length - rows.length;
  const arrived = page.totalCount - from.totalCount;
  if (repeated === 0 && arrived === 0) return { rows: page.items, drift: null };
  return {
    rows,
    drift: { repeated, arrived, direction: params.skip > from.skip ? 'forward' : 'back' },
  };
}

/** One sentence for the reader about what moved. */
export function driftText({ repeated, arrived, direction }: Drift): string {
  const parts: string[] = [];
  if (arrived > 0) {
    parts.push(`${arrived} new ${plural(arrived, 'job')} arrived since the previous page loaded.`);
  } else if (arrived < 0) {
    parts.push(
      `${-arrived} ${plural(-arrived, 'job')} left the list since the previous page loaded.`,
    );
  }
  if (repeated > 0) {
    parts.push(
      `${repeated} ${plural(repeated, 'job')} you saw on the ${direction === 'forward' ? 'previous' : 'next'} page moved here and ${repeated === 1 ? 'is' : 'are'} not repeated.`,
    );
  }
  if (arrived > 0 && direction === 'back') {
    parts.push(
      `The last ${arrived === 1 ? 'job' : `${arrived} jobs`} of this page moved to the next page.`,
    );
  }
  return parts.join(' ');
}
