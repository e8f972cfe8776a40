import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/http.ts';
import { paths, parseListSearch } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { jobQueries } from './job-queries.ts';

export function JobsPage() {
  useDocumentTitle('Jobs');
  const [searchParams] = useSearchParams();
  const { params } = parseListSearch(searchParams);
  const { data, error, isPending, refetch } = useQuery(jobQueries.list(params));

  return (
    <section aria-labelledby="jobs-heading">
      <h1 id="jobs-heading" className="text-xl font-semibold">
        Jobs
      </h1>
      {isPending && <p className="mt-4">Loading jobs…</p>}
      {error && (
        <div className="mt-4">
          <ErrorPanel
            title="Could not load the jobs"
            message={error instanceof ApiError ? error.message : String(error)}
          >
            <button type="button" className={buttonClass} onClick={() => void refetch()}>
              Retry
            </button>
          </ErrorPanel>
        </div>
      )}
      {data && (
        <table className="mt-4 w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Status</th>
              <th scope="col">Type</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((job) => (
              <tr key={job.id}>
                <td>
                  <Link to={paths.job(job.id)}>{job.id.slice(0, 8)}</Link>
                </td>
                <td>
                  <StatusBadge status={job.status} />
                </td>
                <td>{job.jobType}</td>
                <td>
                  <RelativeTime iso={job.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
