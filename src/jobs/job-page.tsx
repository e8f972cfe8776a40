import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../api/http.ts';
import { ErrorPanel } from '../ui/error-panel.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { jobQueries } from './job-queries.ts';

export function JobPage() {
  const jobId = useParams().jobId ?? '';
  const { data: job, error } = useQuery(jobQueries.detail(jobId));
  useDocumentTitle(job ? `${job.id.slice(0, 8)} ${job.status}` : 'Job');
  if (error) {
    return (
      <ErrorPanel
        title="Could not load the job"
        message={error instanceof ApiError ? error.message : String(error)}
      />
    );
  }
  if (!job) return <p>Loading job…</p>;
  return (
    <section>
      <h1 className="text-xl font-semibold break-all">{job.id}</h1>
      <StatusBadge status={job.status} />
    </section>
  );
}
