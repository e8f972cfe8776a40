import type { ReactNode } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { listFailureTitle } from '../../api/http-messages.ts';
import type { ListJob, UnreadableItem } from './list-job.ts';
import { paths } from '../../paths.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import { ErrorPanel } from '../../ui/error-panel.tsx';
import { Link } from '../../ui/link.tsx';
import { FilteredTable } from './filtered-table.tsx';

type ListBodyProps = {
  organization: string | null;
  /** The rows this page should have: its places are kept while they come. */
  expectedRows: number;
  rows: readonly ListJob[];
  /** The rows read so far of the page on its way, shown in place of `rows` (arriving-rows.ts). */
  arriving: readonly ListJob[] | null;
  unreadable: readonly UnreadableItem[];
  totalCount: number | null;
  /** `rows` are the previous page's while this one loads. */
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  /** Floats over the top of the table (the new-jobs notice). */
  overlay?: ReactNode;
};

/** Table, skeleton, empty state or error, in the same place. */
export function ListBody({
  organization,
  expectedRows,
  rows,
  arriving,
  unreadable,
  totalCount,
  loading,
  error,
  onRetry,
  overlay,
}: ListBodyProps) {
  if (error && totalCount === null) {
    return <ListError organization={organization} error={error} onRetry={onRetry} />;
  }
  if (totalCount === 0 && !arriving) {
    return (
      <div className="rounded-lg border border-dashed border-line-strong px-6 py-12 text-center">
        <h2 className="text-lg font-semibold">
          {organization ? `No jobs in ${organization} yet` : 'No jobs yet'}
        </h2>
        <p className="mt-1 text-sm text-muted">
          Jobs appear here as soon as they are submitted to the API.
        </p>
      </div>
    );
  }
  const shown = arriving ?? (totalCount === null ? null : rows);
  // Places kept for the rows to come: the whole page before any, the rest while it arrives.
  const pendingRows =
    shown === null ? expectedRows : arriving ? Math.max(0, expectedRows - arriving.length) : 0;
  return (
    <>
      {error && (
        <p role="alert" className="text-sm text-danger">
          Could not refresh the list: {error.message}{' '}
          <button type="button" className="font-medium underline" onClick={onRetry}>
            Retry
          </button>
        </p>
      )}
      <FilteredTable
        rows={shown}
        unreadable={arriving ? [] : unreadable}
        pendingRows={pendingRows}
        busy={loading || arriving !== null}
        stale={loading && arriving === null}
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
