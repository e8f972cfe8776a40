// POST /api/jobs/{id}/cancel by the vendor's rules (2026 profile): a finished job is a no-op (200); a
// child job is refused (400, text/plain like the framework's other 400s); otherwise the job and its
// children end as `cancelled` within a heartbeat.
import type { ServerResponse } from 'node:http';
import type { SimConfig } from './controls.ts';
import { sendJson, sendText } from './http.ts';
import { isFinished, toStatusResponse, type JobStore, type SimJob } from './job-store.ts';

/** Cancellations for `store`, each ending after the configured delay; `clear` forgets the pending ones. */
export function createCancels(store: JobStore, config: () => SimConfig) {
  const timers = new Set<NodeJS.Timeout>();

  function request(res: ServerResponse, job: SimJob): void {
    if (job.parentJobId !== undefined) {
      return sendText(
        res,
        400,
        `Job ${job.id} is a child of job ${job.parentJobId}: cancel the parent instead`,
      );
    }
    if (!isFinished(job) && !job.cancelRequested) {
      const family = [job, ...store.children(job.id)];
      for (const member of family) member.cancelRequested = true;
      const timer = setTimeout(() => {
        timers.delete(timer);
        const now = new Date().toISOString();
        for (const member of family) {
          if (!isFinished(member) && store.get(member.id) === member)
            store.finish(member, { status: 'cancelled' }, now);
        }
      }, config().cancelDelayMs);
      timers.add(timer);
    }
    sendJson(res, 200, toStatusResponse(job, config().profile));
  }

  function clear(): void {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  }

  return { request, clear };
}
