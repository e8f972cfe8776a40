import type { ListParams } from '../../api/types.ts';
import { plural } from '../../lib/format.ts';

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
