import { JOB_REFUSAL_TITLES } from '../api/http-messages.ts';
import { clearToken } from '../auth/token-store.ts';
import { buttonClass } from '../ui/button-styles.ts';
import { useDocumentTitle } from '../ui/use-document-title.ts';
import { RefusalPage } from './refusal-page.tsx';

function JobNotFound({ jobId }: { jobId: string }) {
  return (
    <RefusalPage title={JOB_REFUSAL_TITLES[404]}>
      <p className="break-words">
        There is no job with the id <code className="font-mono break-all">{jobId}</code>. Check the
        link, or find the job in the list.
      </p>
    </RefusalPage>
  );
}

function NoAccess({ jobId }: { jobId: string }) {
  return (
    <RefusalPage
      title={JOB_REFUSAL_TITLES[403]}
      actions={
        <button type="button" className={buttonClass} onClick={() => clearToken('signed-out')}>
          Sign in with another token
        </button>
      }
    >
      <p className="break-words">
        The job <code className="font-mono break-all">{jobId}</code> belongs to someone else. Ask
        its owner to share it with your organization, or sign in with another token.
      </p>
    </RefusalPage>
  );
}

function InvalidJobId({ jobId }: { jobId: string }) {
  useDocumentTitle('Not a valid job id');
  return (
    <RefusalPage title="Not a valid job id">
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
    </RefusalPage>
  );
}

type JobRefusalProps = { jobId: string; reason: 403 | 404 | 'invalid-id' };

/** Why this job cannot be shown (not found, not yours, not an id), and the way on. */
export function JobRefusal({ jobId, reason }: JobRefusalProps) {
  if (reason === 404) return <JobNotFound jobId={jobId} />;
  if (reason === 403) return <NoAccess jobId={jobId} />;
  return <InvalidJobId jobId={jobId} />;
}
