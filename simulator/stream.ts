// GET /api/jobs/{jobId}/stream: Server-Sent Events as the contract describes them. A finished job gets its
// `result` at once; an unfinished one gets `ping`s until it finishes (`result`) or the timeout (`error`).
import type { ServerResponse } from 'node:http';
import { isFinished, toJobResponse } from './job-store.ts';
import type { JobStore, SimJob } from './job-store.ts';
import { failedResult } from './profile.ts';
import type { SimProfile } from './profile.ts';

export type StreamSettings = { pingMs: number; jobTimeoutMs: number; profile: SimProfile };

/** The `result` event's data: the whole job, or (2026) a failed job's `{code, message}` instead. */
function resultData(job: SimJob, profile: SimProfile): string {
  if (profile === '2026' && job.status === 'failed') return JSON.stringify(failedResult(job));
  return JSON.stringify(toJobResponse(job, profile));
}

type OpenStream = {
  res: ServerResponse;
  /** Restart the ping interval and the timeout from the current settings (after POST /__sim/config). */
  rearm(): void;
  /** Stop timers and listeners; does not touch the socket. */
  cleanup(): void;
};

export type StreamRegistry = ReturnType<typeof createStreamRegistry>;

function writeEvent(res: ServerResponse, event: string, data: string): void {
  if (!res.writableEnded && !res.destroyed)
    res.write(`event: ${event}\ndata:${data === '' ? '' : ` ${data}`}\n\n`);
}

export function createStreamRegistry(store: JobStore, settings: () => StreamSettings) {
  const open = new Set<OpenStream>();

  function start(res: ServerResponse, job: SimJob): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    });
    // Events are small and must arrive now, not when Nagle or a buffer decides.
    res.socket?.setNoDelay(true);
    res.flushHeaders();

    if (isFinished(job)) {
      writeEvent(res, 'result', resultData(job, settings().profile));
      res.end();
      return;
    }

    const openedAt = Date.now();
    let ping: NodeJS.Timeout | undefined;
    let timeout: NodeJS.Timeout | undefined;

    const end = (): void => {
      stream.cleanup();
      res.end();
    };
    const unsubscribe = store.onFinish(job.id, (finished) => {
      writeEvent(res, 'result', resultData(finished, settings().profile));
      end();
    });
    const stream: OpenStream = {
      res,
      rearm() {
        const { pingMs, jobTimeoutMs } = settings();
        clearInterval(ping);
        clearTimeout(timeout);
        ping = setInterval(() => writeEvent(res, 'ping', ''), pingMs);
        // The timeout counts from the stream's opening, as the contract's "job execution timeout" does.
        timeout = setTimeout(
          () => {
            const message = `Job ${job.id} did not finish within ${jobTimeoutMs} ms`;
            writeEvent(res, 'error', JSON.stringify({ code: 'JobTimeout', message }));
            end();
          },
          Math.max(0, openedAt + jobTimeoutMs - Date.now()),
        );
      },
      cleanup() {
        clearInterval(ping);
        clearTimeout(timeout);
        unsubscribe();
        open.delete(stream);
      },
    };
    open.add(stream);
    stream.rearm();
    // A client that goes away must not leave timers or listeners behind.
    res.on('close', () => stream.cleanup());
  }

  /** Destroys every open stream's socket: the client sees a dropped connection, not a clean end. */
  function dropAll(): number {
    const streams = [...open];
    for (const stream of streams) {
      stream.cleanup();
      stream.res.destroy();
    }
    return streams.length;
  }

  function rearmAll(): void {
    for (const stream of open) stream.rearm();
  }

  return { start, dropAll, rearmAll, count: () => open.size };
}
