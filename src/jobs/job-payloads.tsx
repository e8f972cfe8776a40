import { isFinished } from '../api/job-status.ts';
import { OutputPanel } from './output/output-panel.tsx';
import { PayloadPanel } from './output/payload-panel.tsx';
import { PayloadPlaceholder } from './output/payload-placeholder.tsx';
import type { JobDetail } from './job-detail.ts';
import type { DocumentInfo } from '../lib/json/output-shape.ts';

const NOTE_CLASS = 'rounded-lg border border-dashed border-line-strong p-4 text-sm text-muted';

type JobPayloadsProps = {
  job: JobDetail;
  /** The job as the page knows it now (a /status answer may be ahead of `job`). */
  finished: boolean;
  refreshing: boolean;
  /** Called with the output's `documentInfo` once the output has been read. */
  onDocumentInfo?: (info: DocumentInfo | undefined) => void;
};

/** A job's output, then its input; what is said instead while they are not here, or cannot come. */
export function JobPayloads({ job, finished, refreshing, onDocumentInfo }: JobPayloadsProps) {
  if (job.inputData !== undefined) {
    return (
      <>
        <OutputSection
          job={job}
          finished={finished}
          refreshing={refreshing}
          onDocumentInfo={onDocumentInfo}
        />
        <PayloadPanel title="Input" text={job.inputData} fileBase={`${job.id}-input`} />
      </>
    );
  }
  // A service without the detail endpoint: the job's data comes only with its stream's result.
  if (finished && !refreshing) {
    return (
      <section aria-label="Input and output" className={NOTE_CLASS}>
        Input and output are not available from this server.
      </section>
    );
  }
  return (
    <>
      <PayloadPlaceholder
        title="Output"
        message={
          finished
            ? 'The job has finished; fetching its output…'
            : 'The output appears here as soon as the job finishes.'
        }
      />
      <section aria-label="Input" className={NOTE_CLASS}>
        Input: this server sends it together with the output, when the job finishes.
      </section>
    </>
  );
}

type OutputSectionProps = Omit<JobPayloadsProps, 'job'> & { job: JobDetail };

function OutputSection({ job, finished, refreshing, onDocumentInfo }: OutputSectionProps) {
  if (job.outputData !== undefined) {
    return (
      <OutputPanel
        jobId={job.id}
        outputData={job.outputData}
        inputData={job.inputData}
        onDocumentInfo={onDocumentInfo}
      />
    );
  }
  // Until the output is here, its place is held at the size it will take.
  if (!isFinished(job) || refreshing) {
    const message = isFinished(job)
      ? 'Fetching the output…'
      : finished
        ? 'The job has finished; fetching its output…'
        : 'The output appears here as soon as the job finishes.';
    return <PayloadPlaceholder title="Output" message={message} />;
  }
  return (
    <section aria-label="Output" className={NOTE_CLASS}>
      This job has no output.
    </section>
  );
}
