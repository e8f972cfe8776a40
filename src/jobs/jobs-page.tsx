import { usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Link } from '../ui/link.tsx';
import { ApiError } from '../api/api-error.ts';
import { listFailureTitle } from '../api/http-messages.ts';
import { paths, parseListSearch } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { jobQueries } from './job-queries.ts';
import type { ListParams } from './jobs-api.ts';
import { JobsTable, JobsTableSkeleton } from './jobs-table.tsx';
import type { ListJob } from './list/list-job.ts';
import {
  detectDrift,
  driftText,
  pagedFrom,
  pageTargets,
  pastEndCorrection,
  plural,
  readListState,
  type ListLocationState,
} from './list-paging.ts';
import { NewJobsNotice } from './new-jobs-notice.tsx';
import { Pagination } from './pagination.tsx';
import { useLiveRows } from './list/use-live-rows.ts';
import { useNextPagePrefetch } from './list/use-next-page-prefetch.ts';

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
  const { params, corrections } = parseListSearch(searchParams);
  const { organization, skip, perPage } = params;
  const listState = readListState(location.state);

  useDocumentTitle(organization ? `Jobs · ${organization}` : 'Jobs');

  // Starts the request during this render, not after the first commit and paint as useQuery would:
  // on a cold load that is the difference between fetching while the skeleton renders and after it.
  usePrefetchQuery(jobQueries.list(params));
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
  useLiveRows(rows);

  useNextPagePrefetch(current ? pageTargets(params, current.totalCount).next : null);

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
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {organization ? (
            <>
              Organization <span className="font-medium">{organization}</span>
            </>
          ) : (
            'Personal account'
          )}
        </p>
      </div>

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
        perPage={perPage}
        rows={rows}
        totalCount={data?.totalCount ?? null}
        loading={isPlaceholderData}
        error={error}
        onRetry={() => void query.refetch()}
        overlay={
          current &&
          skip === 0 &&
          perPage > 1 && (
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
        <div className="sticky bottom-0 z-10 -mx-3 border-t border-slate-200 bg-slate-50/95 px-3 py-2 backdrop-blur sm:-mx-6 sm:px-6 dark:border-slate-800 dark:bg-slate-950/95">
          <Pagination
            params={params}
            totalCount={data?.totalCount ?? null}
            shown={
              current
                ? current.items.length
                : Math.max(0, Math.min(perPage, (data?.totalCount ?? 0) - skip))
            }
            onNavigate={go}
          />
        </div>
      )}
    </section>
  );
}

function Corrected({ to, messages }: { to: ListParams; messages: string[] }) {
  const state: ListLocationState = { corrections: messages };
  return <Navigate to={paths.jobs(to)} replace state={state} />;
}

type ListBodyProps = {
  organization: string | null;
  perPage: number;
  rows: readonly ListJob[];
  totalCount: number | null;
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  /** Floats over the top of the table (the new-jobs notice). */
  overlay?: ReactNode;
};

/** Table, skeleton, empty state or error, in the same place. */
function ListBody({
  organization,
  perPage,
  rows,
  totalCount,
  loading,
  error,
  onRetry,
  overlay,
}: ListBodyProps) {
  if (error && totalCount === null) {
    return <ListError organization={organization} error={error} onRetry={onRetry} />;
  }
  if (totalCount === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 px-6 py-12 text-center dark:border-slate-700">
        <h2 className="text-lg font-semibold">
          {organization ? `No jobs in ${organization} yet` : 'No jobs yet'}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Jobs appear here as soon as they are submitted to the API.
        </p>
      </div>
    );
  }
  return (
    <>
      {error && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          Could not refresh the list: {error.message}{' '}
          <button type="button" className="font-medium underline" onClick={onRetry}>
            Retry
          </button>
        </p>
      )}
      <FilteredTable
        rows={totalCount === null ? null : rows}
        skeletonRows={perPage}
        busy={loading}
        overlay={overlay}
      />
    </>
  );
}

function ListError({
  organization,
  error,
  onRetry,
}: {
  organization: string | null;
  error: Error;
  onRetry: () => void;
}) {
  const status = error instanceof ApiError ? error.status : undefined;
  return (
    <ErrorPanel title={listFailureTitle(status, organization)} message={error.message}>
      <button type="button" className={buttonClass} onClick={onRetry}>
        Retry
      </button>
      {organization && (
        <Link to={paths.jobs()} className={buttonClass}>
          Your personal jobs
        </Link>
      )}
    </ErrorPanel>
  );
}

type Filter = { status: string; type: string };

type FilteredTableProps = {
  /** null while the first page loads: the skeleton, with the filters already in place. */
  rows: readonly ListJob[] | null;
  skeletonRows: number;
  busy: boolean;
  overlay: ReactNode;
};

/** The API has no filters: this narrows the rows on screen, and says so. */
function FilteredTable({ rows, skeletonRows, busy, overlay }: FilteredTableProps) {
  const [filter, setFilter] = useState<Filter>({ status: '', type: '' });
  const statusId = useId();
  const typeId = useId();
  const all = rows ?? [];
  const statuses = distinct(all.map((job) => job.status));
  const types = distinct(all.map((job) => job.jobType));
  const filtered = all.filter(
    (job) =>
      (!filter.status || job.status === filter.status) &&
      (!filter.type || job.jobType === filter.type),
  );
  const active = filter.status !== '' || filter.type !== '';
  const select =
    'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900';

  let body: ReactNode;
  if (rows === null) {
    body = (
      <>
        <p role="status" className="sr-only">
          Loading jobs…
        </p>
        <JobsTableSkeleton rows={skeletonRows} />
      </>
    );
  } else if (rows.length === 0) {
    body = (
      <p className="rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center text-sm dark:border-slate-700">
        Every job of this page was already shown on the page you came from.
      </p>
    );
  } else if (filtered.length === 0) {
    body = (
      <p className="rounded-lg border border-dashed border-slate-300 px-6 py-8 text-center text-sm dark:border-slate-700">
        No job on this page matches the filter. Other pages are not searched.
      </p>
    );
  } else {
    body = <JobsTable rows={filtered} busy={busy} />;
  }

  return (
    <>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <div className="flex items-center gap-2">
          <label htmlFor={statusId} className="text-slate-700 dark:text-slate-300">
            Status
          </label>
          <select
            id={statusId}
            className={select}
            value={filter.status}
            disabled={rows === null}
            onChange={(e) => setFilter({ ...filter, status: e.target.value })}
          >
            <option value="">All</option>
            {withCurrent(statuses, filter.status).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2">
          <label htmlFor={typeId} className="text-slate-700 dark:text-slate-300">
            Type
          </label>
          <select
            id={typeId}
            className={`${select} max-w-48`}
            value={filter.type}
            disabled={rows === null}
            onChange={(e) => setFilter({ ...filter, type: e.target.value })}
          >
            <option value="">All</option>
            {withCurrent(types, filter.type).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <span className="text-slate-600 dark:text-slate-400" aria-live="polite">
          {active
            ? `Filtering this page only: ${filtered.length} of its ${all.length} ${plural(all.length, 'job')}.`
            : 'Filters apply to this page only.'}
        </span>
        {active && (
          <button
            type="button"
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
            onClick={() => setFilter({ status: '', type: '' })}
          >
            Clear filters
          </button>
        )}
      </div>
      <div>
        {overlay}
        {body}
      </div>
    </>
  );
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort();
}

// A chosen value stays in the list even when the page no longer has it (the filter still shows as set).
function withCurrent(values: string[], current: string): string[] {
  return current && !values.includes(current) ? [...values, current] : values;
}

type NoticeProps = {
  tone: 'amber' | 'sky';
  onDismiss?: () => void;
  children: ReactNode;
};

const TONES = {
  amber:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100',
  sky: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100',
};

function Notice({ tone, onDismiss, children }: NoticeProps) {
  return (
    <div
      role="status"
      className={`flex items-start gap-3 rounded-lg border px-3 py-2 text-sm ${TONES[tone]}`}
    >
      <div className="min-w-0 flex-1">{children}</div>
      {onDismiss && (
        <button type="button" className="shrink-0 font-medium underline" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
