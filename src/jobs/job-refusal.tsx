import type { ReactNode } from 'react';
import { JOB_REFUSAL_TITLES } from '../api/http-messages.ts';
import { clearToken } from '../auth/token-store.ts';
import { paths } from '../paths.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { Link } from '../ui/link.tsx';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { cn } from '../ui/cn.ts';

function BackToList() {
  return (
    <Link to={paths.jobs()} className={cn(buttonClass, 'mt-4')}>
      Back to the jobs list
    </Link>
  );
}

/** The refusal views; their page titles are set by whoever renders them. */
function Refusal({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl py-10 text-center">
      <h1 className="text-2xl font-bold">{title}</h1>
      <div className="mt-2 text-muted">{children}</div>
    </div>
  );
}

function JobNotFound({ jobId }: { jobId: string }) {
  return (
    <Refusal title={JOB_REFUSAL_TITLES[404]}>
      <p className="break-words">
        There is no job with the id <code className="font-mono break-all">{jobId}</code>. Check the
        link, or find the job in the list.
      </p>
      <BackToList />
    </Refusal>
  );
}

function NoAccess({ jobId }: { jobId: string }) {
  return (
    <Refusal title={JOB_REFUSAL_TITLES[403]}>
      <p className="break-words">
        The job <code className="font-mono break-all">{jobId}</code> belongs to someone else. Ask
        its owner to share it with your organization, or sign in with another token.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <BackToList />
        <button
          type="button"
          className={cn(buttonClass, 'mt-4')}
          onClick={() => clearToken('signed-out')}
        >
          Sign in with another token
        </button>
      </div>
    </Refusal>
  );
}

function InvalidJobId({ jobId }: { jobId: string }) {
  useDocumentTitle('Not a valid job id');
  return (
    <Refusal title="Not a valid job id">
      <p className="break-words">
        {jobId ? (
          <>
            <code className="font-mono">{jobId}</code> cannot be a job id: it cannot be part of an
            address.
          </>
        ) : (
          'This address has no job id in it.'
        )}
      </p>
      <BackToList />
    </Refusal>
  );
}

type JobRefusalProps = { jobId: string; reason: 403 | 404 | 'invalid-id' };

/** Why this job cannot be shown (not found, not yours, not an id), and the way on. */
export function JobRefusal({ jobId, reason }: JobRefusalProps) {
  if (reason === 404) return <JobNotFound jobId={jobId} />;
  if (reason === 403) return <NoAccess jobId={jobId} />;
  return <InvalidJobId jobId={jobId} />;
}
