import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { jobsListPath } from '../../api/http.ts';
import type { ListParams } from '../../api/types.ts';
import { paths, parseListSearch } from '../../paths.ts';
import { Link } from '../../ui/link.tsx';
import { plural } from '../../lib/format.ts';
import { Notice } from '../../ui/notice.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { useShortcuts } from '../../ui/shortcuts.ts';
import { useStoredFlag } from '../../ui/stored-flag.ts';
import { Switch } from '../../ui/switch.tsx';
import { jobQueries } from '../job-queries.ts';
import { Corrected } from './list-corrections.tsx';
import { ListBody } from './list-body.tsx';
import { ExportMenu } from './export-menu.tsx';
import { CompareButton } from './compare-button.tsx';
import { rememberListPath } from './last-list-path.ts';
import { ListOwner } from './list-owner.tsx';
import {
  detectDrift,
  driftText,
  pagedFrom,
  readListState,
  type ListLocationState,
} from './list-drift.ts';
import { pageTargets, pastEndCorrection } from './list-paging.ts';
import { NewJobsNotice } from './new-jobs-notice.tsx';
import { Pagination } from './pagination.tsx';
import { useLiveRows } from './use-live-rows.ts';
import { useNextPagePrefetch } from './use-next-page-prefetch.ts';
import { usePageRequest } from './page-requests.ts';
import { useShowTimeline } from './timeline-slot.tsx';
import { useArrivingRows } from './arriving-rows.ts';

/**
 * The jobs list. Its whole state is in the URL (organization, skip, perPage), so a reload, Back/Forward
 * or a shared link shows the same page; what the URL can't hold (corrections made, the page the person
 * paged from) rides in the history entry.
 */
export function JobsPage() {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const requestPage = usePageRequest();
  const { params, corrections } = parseListSearch(searchParams);
  const { organization, skip, perPage } = params;
  const listState = readListState(location.state);

  useDocumentTitle(organization ? `Jobs · ${organization}` : 'Jobs');

  // On a first visit this reads the answer to the request main.ts sent (early-list-request.ts).
  const query = useQuery({
    ...jobQueries.list(params),
    // Keep the previous page on screen while the next loads, but never another organization's rows.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2].organization === organization ? previous : undefined,
  });
  const { data, error, isPlaceholderData, dataUpdatedAt } = query;
  // The page that belongs to this URL (not the previous one kept while it loads).
  const current = data && !isPlaceholderData ? data : undefined;

  const { rows, drift } = current
    ? detectDrift(params, current, listState.from)
    : { rows: data?.items ?? [], drift: null };
  // The first rows of this page as they are read, in place of the previous page's; not where the page
  // must first be checked against the one paged from (drift). Drawn in a render that gives way to
  // other work (from the first render on), so the page stays responsive while the rest arrives.
  const arrivingNow = useArrivingRows(
    current || error || listState.from ? null : jobsListPath(params),
  );
  const arrivingDrawn = useDeferredValue(arrivingNow, null);
  // The drawn rows lag behind: never another page's (Per page changed while one arrived).
  const arriving = arrivingDrawn?.path === arrivingNow?.path ? (arrivingDrawn?.rows ?? null) : null;
  // Only the rows on screen: not the previous page's while this one arrives.
  const unreadable = arriving ? 0 : (data?.unreadable.length ?? 0);
  // Per tab: one tab can hold still while another follows along.
  const [paused, setPaused] = useStoredFlag('nuextract.listPaused', 'session');
  useLiveRows(rows, paused);
  const [timeline, setTimeline] = useShowTimeline();

  useNextPagePrefetch(
    params,
    current ? (pageTargets(params, current.totalCount).next?.skip ?? null) : null,
  );

  const listPath = location.pathname + location.search;
  useEffect(() => rememberListPath(listPath), [listPath]);
  const targets = current ? pageTargets(params, current.totalCount) : null;
  useShortcuts({
    '[': () => targets?.previous && go(targets.previous, 'page'),
    ']': () => targets?.next && go(targets.next, 'page'),
  });

  // A mistyped URL is corrected in place (replacing the entry) and the page says what changed.
  if (corrections.length > 0) {
    return <Corrected to={params} messages={[...(listState.corrections ?? []), ...corrections]} />;
  }
  const pastEnd = current ? pastEndCorrection(params, current.totalCount) : null;
  if (pastEnd) return <Corrected to={pastEnd.params} messages={[pastEnd.message]} />;

  function go(target: ListParams, how: 'page' | 'per-page') {
    const state: ListLocationState = {};
    // Remember this page so the next one can spot jobs that moved between them.
    if (how === 'page' && current)
      state.from = pagedFrom(params, current.totalCount, current.items);
    requestPage(target);
    void navigate(paths.jobs(target), { state });
  }

  function dismissCorrections() {
    void navigate(
      { pathname: location.pathname, search: location.search },
      { replace: true, state: { ...listState, corrections: undefined } },
    );
  }

  function showNewJobs() {
    // Page 1 and every other cached page shifted: refetch what is on screen, mark the rest stale.
    void queryClient.invalidateQueries({ queryKey: jobQueries.lists() });
    window.scrollTo({ top: 0 });
  }

  return (
    <section aria-labelledby="jobs-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 id="jobs-heading" className="text-xl font-semibold">
          Jobs
        </h1>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          <Switch label="Pause live updates" on={paused} onChange={setPaused} />
          <Switch label="Show timeline" on={timeline} onChange={setTimeline} />
          <CompareButton />
          <ExportMenu params={params} ready={!!current && current.items.length > 0} />
        </div>
      </div>
      <ListOwner organization={organization} rows={current?.items} />
      {paused && (
        <Notice tone="amber">
          Live updates are paused: statuses and new jobs are not refreshed in this tab.{' '}
          <button type="button" className="font-medium underline" onClick={() => setPaused(false)}>
            Resume
          </button>
        </Notice>
      )}

      {listState.corrections && (
        <Notice tone="amber" onDismiss={dismissCorrections}>
          <p className="font-medium">The address was corrected.</p>
          <ul className="mt-1 list-inside list-disc">
            {listState.corrections.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Notice>
      )}
      {unreadable > 0 && (
        <Notice tone="amber">
          {unreadable} {plural(unreadable, 'job')} could not be read:{' '}
          {unreadable === 1 ? 'its row says' : 'their rows say'} why.
        </Notice>
      )}
      {drift && (
        <Notice tone="sky">
          {driftText(drift)}{' '}
          <Link to={paths.jobs({ organization, perPage })} className="font-medium underline">
            Start again from the newest
          </Link>
        </Notice>
      )}

      <ListBody
        organization={organization}
        // Fewer than perPage on the last page, where the total is known (the previous page's, same
        // organization): the places kept for it do not close when it comes.
        expectedRows={data ? Math.min(perPage, Math.max(0, data.totalCount - skip)) : perPage}
        rows={rows}
        arriving={arriving}
        unreadable={data?.unreadable ?? []}
        totalCount={data?.totalCount ?? null}
        loading={isPlaceholderData}
        error={error}
        onRetry={() => void query.refetch()}
        overlay={
          current &&
          skip === 0 &&
          perPage > 1 &&
          !paused && (
            <NewJobsNotice
              organization={organization}
              page={current}
              pageUpdatedAt={dataUpdatedAt}
              onShow={showNewJobs}
            />
          )
        }
      />

      {!(error && !data) && (
        <div className="sticky bottom-0 z-10 -mx-3 border-t border-line bg-page/95 px-3 py-2 backdrop-blur sm:-mx-6 sm:px-6">
          <Pagination
            params={params}
            totalCount={data?.totalCount ?? null}
            shown={
              current
                ? current.items.length + unreadable
                : Math.max(0, Math.min(perPage, (data?.totalCount ?? 0) - skip))
            }
            onNavigate={go}
          />
        </div>
      )}
    </section>
  );
}
