import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error.ts';
import { shortId } from '../../lib/format.ts';
import { paths } from '../../paths.ts';
import { buttonClass } from '../../ui/button-styles.ts';
import { ErrorPanel } from '../../ui/error-panel.tsx';
import { Link } from '../../ui/link.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { jobQueries } from '../job-queries.ts';
import { CompareMetadata } from './compare-metadata.tsx';
import { parseCompareSearch } from './compare-search.ts';
import { PayloadDiff } from './payload-diff.tsx';

/** The route element for /compare?a=<id>&b=<id>: two jobs side by side, and how their payloads differ. */
export function ComparePage() {
  const [search] = useSearchParams();
  const target = parseCompareSearch(search);
  const title =
    'problem' in target
      ? 'Nothing to compare'
      : `Compare job ${shortId(target.a, '…')} with job ${shortId(target.b, '…')}`;
  useDocumentTitle(title);
  return (
    <article aria-labelledby="compare-heading" className="space-y-4">
      <Link to={paths.jobs()} className="text-sm text-accent hover:underline">
        ← All jobs
      </Link>
      <h1 id="compare-heading" className="text-xl font-semibold break-words">
        {title}
      </h1>
      {'problem' in target ? (
        <ErrorPanel title="These jobs cannot be compared" message={target.problem}>
          <BackToList />
        </ErrorPanel>
      ) : (
        <CompareJobs key={`${target.a}\n${target.b}`} a={target.a} b={target.b} />
      )}
    </article>
  );
}

function BackToList() {
  return (
    <Link to={paths.jobs()} className={buttonClass}>
      Back to the jobs list
    </Link>
  );
}

type CompareJobsProps = { a: string; b: string };

function CompareJobs({ a, b }: CompareJobsProps) {
  // The job page's own query (with its fallback for a service without the detail endpoint).
  const first = useQuery(jobQueries.detail(a));
  const second = useQuery(jobQueries.detail(b));
  const failures = [
    { id: a, query: first },
    { id: b, query: second },
  ].filter(({ query }) => query.error && !query.data);
  if (failures.length > 0) {
    return (
      <>
        {failures.map(({ id, query }) => (
          <ErrorPanel key={id} title={failureTitle(id, query.error)} message={query.error?.message}>
            {!isRefusal(query.error) && (
              <button type="button" className={buttonClass} onClick={() => void query.refetch()}>
                Retry
              </button>
            )}
            <BackToList />
          </ErrorPanel>
        ))}
      </>
    );
  }
  if (!first.data || !second.data) {
    return (
      <p className="text-sm text-muted" aria-busy="true">
        Loading the two jobs…
      </p>
    );
  }
  const jobs = [first.data, second.data] as const;
  return (
    <>
      <CompareMetadata jobs={jobs} />
      <Section title="Output">
        <PayloadDiff payload="output" jobs={jobs} />
      </Section>
      <Section title="Input">
        <PayloadDiff payload="input" jobs={jobs} />
      </Section>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `compare-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const httpStatus = (error: unknown) =>
  error instanceof ApiError && error.kind === 'http' ? error.status : undefined;

const isRefusal = (error: unknown) => {
  const status = httpStatus(error);
  return status === 403 || status === 404;
};

function failureTitle(id: string, error: unknown): string {
  const name = `job ${shortId(id, '…')}`;
  switch (httpStatus(error)) {
    case 404:
      return `There is no ${name}`;
    case 403:
      return `The ${name} belongs to someone else`;
    default:
      return `Could not load ${name}`;
  }
}
