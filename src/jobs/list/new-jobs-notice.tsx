import { useQuery } from '@tanstack/react-query';
import type { ListPage } from './list-job.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import { jobQueries } from '../job-queries.ts';
import { plural } from '../../lib/format.ts';
import { parseTime } from '../../ui/time.ts';
import { sameJobId } from '../job-id.ts';
import { cn } from '../../ui/cn.ts';

/** How often page 1 asks whether jobs arrived (only while the tab is visible). */
export const NEW_JOBS_POLL_MS = 15_000;

/**
 * How many jobs arrived on top of `page`, judged from a probe of the list head. The API does not say
 * how it sorts, so it is judged from `createdAt`: jobs arrived on top when the list's first job is one
 * the page lacks and is at least as new as every job on it. Any other case (a list sorted oldest first,
 * times that can't be read, a probe older than the page) says nothing rather than something wrong.
 */
export function countNewJobs(
  page: Pick<ListPage, 'totalCount' | 'items'>,
  probe: Pick<ListPage, 'totalCount' | 'items'> | undefined,
): number {
  const top = probe?.items[0];
  if (!probe || !top || page.items.some((job) => sameJobId(job.id, top.id))) return 0;
  let newest = -Infinity;
  for (const job of [top, ...page.items]) {
    const time = parseTime(job.createdAt);
    if (time === undefined) return 0;
    if (job !== top) newest = Math.max(newest, time);
  }
  return (parseTime(top.createdAt) ?? 0) >= newest
    ? Math.max(probe.totalCount - page.totalCount, 1)
    : 0;
}

type NewJobsNoticeProps = {
  organization: string | null;
  /** Page 1 as shown. */
  page: ListPage;
  pageUpdatedAt: number;
  onShow: () => void;
};

/**
 * On page 1, new jobs are announced instead of pushed under the reader: a one-row list call (the
 * cheapest question the API answers) every little while, compared with the page on screen.
 */
export function NewJobsNotice({ organization, page, pageUpdatedAt, onShow }: NewJobsNoticeProps) {
  const { data: probe } = useQuery({
    ...jobQueries.list({ organization, skip: 0, perPage: 1 }),
    // The page just loaded already answers the question: no request until the first interval.
    initialData: { ...page, perPage: 1, items: page.items.slice(0, 1) },
    initialDataUpdatedAt: pageUpdatedAt,
    refetchInterval: NEW_JOBS_POLL_MS,
    refetchIntervalInBackground: false,
    // Coming back to the tab asks at once (when the last answer is older than the staleTime).
    refetchOnWindowFocus: true,
    // Back online, page 1 itself is refetched (query-client.ts) and answers the question: one
    // request, not two.
    refetchOnReconnect: false,
  });
  const count = countNewJobs(page, probe);

  // A pill floating over the top of the table: it takes no room, so no row moves under the reader.
  // The live region is always there, so its text is announced when it appears.
  return (
    <div className="sticky top-2 z-20 flex h-0 justify-center">
      <div role="status" className="h-fit">
        {count > 0 && (
          <div className="mt-1 flex items-center gap-3 rounded-full border border-accent-line bg-accent-soft py-1 pr-1 pl-4 text-sm text-accent-ink shadow-md">
            <span>
              {count} new {plural(count, 'job')}
            </span>
            <button type="button" className={cn(buttonClass, 'rounded-full')} onClick={onShow}>
              Show
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
