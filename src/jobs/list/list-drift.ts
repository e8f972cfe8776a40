// Skip-based paging drifts when jobs arrive on top: what the list remembers of the page the person
// came from, and what moved since.
import type { ListParams } from '../../api/types.ts';
import { plural } from '../../lib/format.ts';
import { parseTime } from '../../ui/time.ts';

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
  /** The page reads newest first by `createdAt` (the API does not say how it sorts). */
  newestFirst: boolean;
};

/** No job is newer than the one above it, and every time can be read. */
function readsNewestFirst(items: readonly { createdAt: string }[]): boolean {
  let above = Infinity;
  for (const { createdAt } of items) {
    const time = parseTime(createdAt);
    if (time === undefined || time > above) return false;
    above = time;
  }
  return true;
}

/**
 * Skip-based paging drifts when jobs arrive on top: moving forward repeats the jobs pushed down from the
 * previous page; moving back, jobs pushed down from this page were never seen. Compares the page by id
 * with its neighbour the person came from.
 */
export function detectDrift<Row extends { id: string; createdAt: string }>(
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
    drift: {
      repeated,
      arrived,
      direction: params.skip > from.skip ? 'forward' : 'back',
      newestFirst: readsNewestFirst(page.items),
    },
  };
}

/** One sentence for the reader about what moved. */
export function driftText({ repeated, arrived, direction, newestFirst }: Drift): string {
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
  // Only a list sorted newest first pushes this page's last jobs down; otherwise say nothing of them.
  if (arrived > 0 && direction === 'back' && newestFirst) {
    parts.push(
      `The last ${arrived === 1 ? 'job' : `${arrived} jobs`} of this page moved to the next page.`,
    );
  }
  return parts.join(' ');
}
