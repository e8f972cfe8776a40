import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ApiError } from '../api/api-error.ts';
import { buttonClass, primaryButtonClass } from '../ui/button-styles.ts';
import { cn } from '../ui/cn.ts';
import { cancelJob } from './cancel-api.ts';
import { httpStatus, isGoneAnswer } from './detail-endpoint.ts';
import { writeJobStatus } from './job-cache.ts';
import { jobQueries } from './job-queries.ts';

const DANGER_BUTTON = cn(primaryButtonClass, 'bg-rose-700 hover:bg-rose-600');

/** A server without POST /api/jobs/{id}/cancel (the contract of December 2025 has none). */
const NO_CANCEL_ENDPOINT = 'this server cannot cancel jobs (it has no cancel endpoint).';

type CancelJobProps = { jobId: string };

/**
 * "Cancel job" on an unfinished job, confirmed in the page (never window.confirm). One request; the
 * page's stream then follows the job until the service reports it finished.
 */
export function CancelJob({ jobId }: CancelJobProps) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const mutation = useMutation({
    mutationFn: async () => {
      try {
        return await cancelJob(jobId);
      } catch (error) {
        // A 404 or 405 is about the job only if /status no longer knows it either.
        if (!isGoneAnswer(error)) throw error;
        const known = await queryClient
          .fetchQuery({ ...jobQueries.status(jobId), staleTime: 0, retry: false })
          .then(
            () => true,
            () => false,
          );
        throw known ? new ApiError('http', NO_CANCEL_ENDPOINT, httpStatus(error)) : error;
      }
    },
    onSuccess: (status) => {
      if (status) writeJobStatus(queryClient, status);
    },
  });

  if (mutation.isSuccess) {
    return (
      <p role="status" className="w-full text-sm text-ink">
        Cancellation requested. The job stops within a heartbeat or so; this page follows it until
        it does.
      </p>
    );
  }
  if (!confirming) {
    return (
      <button
        ref={openRef}
        type="button"
        className={buttonClass}
        onClick={() => setConfirming(true)}
      >
        Cancel job
      </button>
    );
  }
  const error = mutation.error;
  return (
    <div
      role="group"
      aria-label="Cancel this job?"
      className="w-full space-y-2 rounded-lg border border-danger-line bg-danger-soft p-3 text-sm text-danger-ink"
    >
      <p>Cancel this job? It stops, and so do the jobs it started. This cannot be undone.</p>
      {error && (
        <p role="alert" className="font-medium break-words">
          The job was not cancelled: {error instanceof ApiError ? error.message : String(error)}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {/* Keyboard focus follows the question: onto its answer, and back to "Cancel job" after. */}
        <button
          autoFocus
          type="button"
          className={DANGER_BUTTON}
          disabled={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          {mutation.isPending ? 'Cancelling…' : 'Yes, cancel'}
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={mutation.isPending}
          onClick={() => {
            mutation.reset();
            flushSync(() => setConfirming(false));
            openRef.current?.focus();
          }}
        >
          Keep it running
        </button>
      </div>
    </div>
  );
}
