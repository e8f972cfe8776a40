import { truncate } from '../lib/format.ts';
import { CopyButton } from '../ui/copy-button.tsx';

const MESSAGE_PREVIEW = 10_000;

type FailurePanelProps = { code: string | undefined; message: string | undefined };

/** Why a job failed, first and prominent. Both fields are untrusted text. */
export function FailurePanel({ code, message }: FailurePanelProps) {
  const shown = message && truncate(message, MESSAGE_PREVIEW);
  return (
    <section
      aria-labelledby="job-failure"
      className="rounded-lg border border-danger-line bg-danger-soft p-4 text-danger-ink"
    >
      <div className="flex items-start gap-2">
        <h2 id="job-failure" className="min-w-0 font-semibold break-words">
          Failed
          {code ? (
            <>
              : <span className="font-mono">{code}</span>
            </>
          ) : null}
        </h2>
        {message && <CopyButton value={message} label="Copy error message" />}
      </div>
      {shown && <p className="mt-1 text-sm break-words whitespace-pre-wrap">{shown}</p>}
    </section>
  );
}
