import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import type { Job, JobStatus } from '../../api/types.ts';
import { listPage, runningJob, statusOf } from '../../test-kit/jobs.ts';
import { isDetailEndpointMissing, rememberDetailEndpointMissing } from '../detail-endpoint.ts';
import { jobQueries } from '../job-queries.ts';
import { toListJob } from './list-job.ts';
import type { StreamResult } from '../stream/stream-result.ts';
import { startStatusPoller } from './status-poller.ts';
import { getToken, getTokenVersion, setToken } from '../../auth/token-store.ts';

const T1 = '2026-11-01T10:00:30.000Z';
const running = (id: string) => runningJob({ id, jobType: 'extraction' });

const listKey = jobQueries.list({ organization: null, skip: 0, perPage: 30 }).queryKey;

function setup(ids: string[], overrides: Partial<Parameters<typeof startStatusPoller>[0]> = {}) {
  const queryClient = overrides.queryClient ?? new QueryClient();
  queryClient.setQueryData(listKey, listPage(ids.map(running)));
  const rows = () => queryClient.getQueryData(listKey)?.items ?? [];
  const fetchStatus = vi.fn(async (id: string) => statusOf(running(id)));
  const fetchFull = vi.fn(async (id: string): Promise<Job> => {
    throw new Error(`unexpected full fetch of ${id}`);
  });
  const readFinished = vi.fn(async (): Promise<StreamResult> => ({ kind: 'unreadable' }));
  const stop = startStatusPoller({
    queryClient,
    getRows: () => rows().filter((r) => r.status === 'running'),
    intervalMs: 1000,
    concurrency: 2,
    fetchStatus,
    fetchFull,
    readFinished,
    random: () => 0.5,
    ...overrides,
  });
  return { queryClient, rows, fetchStatus, fetchFull, readFinished, stop };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startStatusPoller', () => {
  it('asks /status for each unfinished row once per interval, never more than `concurrency` at once', async () => {
    let inFlight = 0;
    let most = 0;
    const fetchStatus = vi.fn(async (id: string) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 100));
      inFlight -= 1;
      return statusOf(running(id));
    });
    const { stop } = setup(['a', 'b', 'c', 'd', 'e'], { fetchStatus });
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchStatus).not.toHaveBeenCalled(); // the page was just fetched
    await vi.advanceTimersByTimeAsync(1 + 300);
    expect(fetchStatus).toHaveBeenCalledTimes(5);
    expect(most).toBe(2);
    // The next round starts an interval after this one ended.
    await vi.advanceTimersByTimeAsync(1000 + 300);
    expect(fetchStatus).toHaveBeenCalledTimes(10);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetchStatus).toHaveBeenCalledTimes(10);
  });

  it('updates a finished row in place with the full job, and fills the detail cache', async () => {
    const done: Job = {
      ...running('b'),
      status: 'completed',
      outputData: '{"result":{}}',
      completedAt: T1,
      updatedAt: T1,
    };
    const fetchStatus = vi.fn(async (id: string) =>
      id === 'b' ? statusOf(done) : statusOf(running(id)),
    );
    const fetchFull = vi.fn(async () => done);
    const { queryClient, rows, stop } = setup(['a', 'b'], { fetchStatus, fetchFull });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchFull).toHaveBeenCalledTimes(1);
    expect(rows().map((r) => r.status)).toEqual(['running', 'completed']);
    expect(rows()[1]).toEqual(toListJob(done)); // the row, not the payloads
    expect(queryClient.getQueryData(jobQueries.detail('b').queryKey)).toEqual(done);
    expect(queryClient.getQueryData(jobQueries.status('b').queryKey)).toEqual(statusOf(done));

    // The finished row is not asked about again.
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchStatus.mock.calls.map(([id]) => id)).toEqual(['a', 'b', 'a']);
    stop();
  });

  it('still moves the row on when the full job cannot be fetched', async () => {
    const done = { ...statusOf(running('a')), status: 'failed', completedAt: T1, updatedAt: T1 };
    const { rows, stop } = setup(['a'], {
      fetchStatus: vi.fn(async () => done),
      fetchFull: vi.fn(async () => {
        throw new ApiError('http', 'boom', 500);
      }),
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(rows()[0]).toMatchObject({
      status: 'failed',
      completedAt: T1,
      inputBytes: running('a').inputData.length,
    });
    stop();
  });

  it('without a detail endpoint (2026), asks it once per session, not once per finishing row', async () => {
    const finished = new Set<string>();
    const fetchStatus = vi.fn(async (id: string) =>
      finished.has(id)
        ? { ...statusOf(running(id)), status: 'completed', completedAt: T1, updatedAt: T1 }
        : statusOf(running(id)),
    );
    const fetchFull = vi.fn(async (): Promise<Job> => {
      throw new ApiError('http', 'Not Found', 404);
    });
    const { queryClient, rows, stop } = setup(['a', 'b'], { fetchStatus, fetchFull });
    finished.add('a');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchFull).toHaveBeenCalledTimes(1);
    expect(isDetailEndpointMissing(queryClient)).toBe(true); // the job page will not ask either
    finished.add('b');
    await vi.advanceTimersByTimeAsync(1000);
    expect(rows().map((r) => r.status)).toEqual(['completed', 'completed']);
    expect(fetchFull).toHaveBeenCalledTimes(1);
    stop();
  });

  it('never asks the detail endpoint once the job page found it missing', async () => {
    const done = { ...statusOf(running('a')), status: 'completed', completedAt: T1, updatedAt: T1 };
    const queryClient = new QueryClient();
    rememberDetailEndpointMissing(queryClient);
    const { rows, fetchFull, stop } = setup(['a'], {
      queryClient,
      fetchStatus: vi.fn(async () => done),
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchFull).not.toHaveBeenCalled();
    expect(rows()[0]?.status).toBe('completed');
    stop();
  });

  describe('without a detail endpoint (2026), a finished row takes its data from its stream', () => {
    const done: Job = {
      ...running('a'),
      status: 'completed',
      outputData: 'y'.repeat(4_096),
      completedAt: T1,
      updatedAt: T1,
    };
    const missingEndpoint = () => {
      const queryClient = new QueryClient();
      rememberDetailEndpointMissing(queryClient);
      return queryClient;
    };

    it('its output size and the detail cache come with the result', async () => {
      const readFinished = vi.fn<(id: string) => Promise<StreamResult>>(async () => ({
        kind: 'job',
        job: done,
      }));
      const { queryClient, rows, fetchFull, stop } = setup(['a', 'b'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async (id: string) => statusOf(id === 'a' ? done : running(id))),
        readFinished,
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(readFinished.mock.calls.map(([id]) => id)).toEqual(['a']);
      expect(fetchFull).not.toHaveBeenCalled();
      expect(rows()[0]).toEqual(toListJob(done));
      expect(rows()[0]?.outputBytes).toBe(4_096);
      expect(queryClient.getQueryData(jobQueries.detail('a').queryKey)).toEqual(done);
      stop();
    });

    it('a failure sent instead of the job gives the row its error, and no output to wait for', async () => {
      const failed = { ...statusOf(done), status: 'failed' };
      const { rows, stop } = setup(['a'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async () => failed),
        readFinished: vi.fn(async (): Promise<StreamResult> => ({
          kind: 'failure',
          failure: { code: '413', message: 'Request Entity Too Large' },
        })),
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(rows()[0]).toMatchObject({
        status: 'failed',
        errorCode: '413',
        errorMessage: 'Request Entity Too Large',
      });
      expect(rows()[0]).not.toHaveProperty('outputNotReceived');
      stop();
    });

    it('a result that cannot be read leaves the row finished, its output still to come', async () => {
      const { rows, stop } = setup(['a'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async () => statusOf(done)),
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(rows()[0]).toMatchObject({ status: 'completed', outputNotReceived: true });
      stop();
    });

    const hangingRead = () => {
      const signals: AbortSignal[] = [];
      const read = vi.fn(
        (_id: string, signal: AbortSignal) =>
          new Promise<StreamResult>((_, reject) => {
            signals.push(signal);
            signal.addEventListener('abort', () =>
              reject(new DOMException('Aborted', 'AbortError')),
            );
          }),
      );
      return { read, signals };
    };

    it('a stream that sends no result holds no round, and is given up at its deadline', async () => {
      const { read, signals } = hangingRead();
      const fetchStatus = vi.fn(async (id: string) => statusOf(id === 'a' ? done : running(id)));
      const { rows, stop } = setup(['a', 'b'], {
        queryClient: missingEndpoint(),
        fetchStatus,
        readFinished: read,
        concurrency: 1,
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(rows()[0]).toMatchObject({ status: 'completed', outputNotReceived: true });
      await vi.advanceTimersByTimeAsync(2000); // the other row is asked every interval meanwhile
      expect(fetchStatus.mock.calls.map(([id]) => id)).toEqual(['a', 'b', 'b', 'b']);
      expect(signals[0]?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(8000);
      expect(signals[0]?.aborted).toBe(true);
      expect(rows()[0]).toMatchObject({ status: 'completed', outputNotReceived: true });
      stop();
    });

    it('reads at most two streams at once, the rest as those end', async () => {
      const { read } = hangingRead();
      const { stop } = setup(['a', 'b', 'c'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async (id: string) => ({ ...statusOf(done), id })),
        readFinished: read,
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(read.mock.calls.map(([id]) => id)).toEqual(['a', 'b']);
      await vi.advanceTimersByTimeAsync(10_000); // the first two given up at their deadline
      expect(read.mock.calls.map(([id]) => id)).toEqual(['a', 'b', 'c']);
      stop();
    });

    it('reads a stream once while its read is under way, however often its row is asked', async () => {
      const { read } = hangingRead();
      const fetchStatus = vi.fn(async () => statusOf(done));
      const stale = [statusOf(running('a'))]; // a render behind: the row still looks unfinished
      const { stop } = setup(['a'], {
        queryClient: missingEndpoint(),
        fetchStatus,
        readFinished: read,
        getRows: () => stale,
      });
      await vi.advanceTimersByTimeAsync(3000);
      expect(fetchStatus).toHaveBeenCalledTimes(3);
      expect(read).toHaveBeenCalledTimes(1);
      stop();
    });

    /** The job's result after 500 ms, unless aborted first. */
    const slowRead = (_id: string, signal: AbortSignal) =>
      new Promise<StreamResult>((resolve, reject) => {
        setTimeout(() => resolve({ kind: 'job', job: done }), 500);
        signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });

    it('a read outlives the rounds: the last running row finishing stops them, its data still comes', async () => {
      const { queryClient, rows, stop } = setup(['a'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async () => statusOf(done)),
        readFinished: slowRead,
      });
      await vi.advanceTimersByTimeAsync(1000);
      stop(); // what useLiveRows does once no row runs
      await vi.advanceTimersByTimeAsync(500);
      expect(rows()[0]).toEqual(toListJob(done));
      expect(queryClient.getQueryData(jobQueries.detail('a').queryKey)).toEqual(done);
    });

    it('drops a result that comes after the session changed', async () => {
      setToken('tok', false);
      const { rows, stop } = setup(['a'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async () => statusOf(done)),
        readFinished: slowRead,
      });
      await vi.advanceTimersByTimeAsync(1000);
      setToken('someone-else', false);
      await vi.advanceTimersByTimeAsync(500);
      expect(rows()[0]).toMatchObject({ status: 'completed', outputNotReceived: true });
      stop();
    });

    it('a 401 from the stream ends the session', async () => {
      setToken('tok', false);
      const { stop } = setup(['a'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async () => statusOf(done)),
        readFinished: vi.fn(async (): Promise<StreamResult> => {
          throw new ApiError('http', 'Unauthorized', 401, undefined, getTokenVersion());
        }),
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(getToken()).toBeNull();
      stop();
    });

    it("ignores a result that is another job's", async () => {
      const other = { ...done, id: 'other', outputData: 'forged' };
      const { queryClient, rows, stop } = setup(['a'], {
        queryClient: missingEndpoint(),
        fetchStatus: vi.fn(async () => statusOf(done)),
        readFinished: vi.fn(async (): Promise<StreamResult> => ({ kind: 'job', job: other })),
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(rows()[0]).toMatchObject({ status: 'completed', outputNotReceived: true });
      expect(queryClient.getQueryData(jobQueries.detail('other').queryKey)).toBeUndefined();
      stop();
    });

    it('the first finish that finds the endpoint gone reads the stream as well', async () => {
      const readFinished = vi.fn<(id: string) => Promise<StreamResult>>(async () => ({
        kind: 'job',
        job: done,
      }));
      const { rows, stop } = setup(['a'], {
        fetchStatus: vi.fn(async () => statusOf(done)),
        fetchFull: vi.fn(async (): Promise<Job> => {
          throw new ApiError('http', 'Method Not Allowed', 405);
        }),
        readFinished,
      });
      await vi.advanceTimersByTimeAsync(1000);
      expect(readFinished).toHaveBeenCalledTimes(1);
      expect(rows()[0]).toEqual(toListJob(done));
      stop();
    });
  });

  it('leaves unchanged rows alone: no cache write, no render', async () => {
    const { queryClient, rows, fetchStatus, stop } = setup(['a']);
    const before = rows()[0];
    const updatedAt = queryClient.getQueryState(listKey)?.dataUpdatedAt;
    await vi.advanceTimersByTimeAsync(1500);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    expect(rows()[0]).toBe(before);
    expect(queryClient.getQueryState(listKey)?.dataUpdatedAt).toBe(updatedAt);
    stop();
  });

  it('never replaces a newer row with an older status', async () => {
    const { queryClient, rows, stop } = setup(['a'], {
      fetchStatus: vi.fn(async () => ({
        ...statusOf(running('a')),
        updatedAt: '2026-11-01T09:00:00Z',
      })),
    });
    const before = rows()[0];
    await vi.advanceTimersByTimeAsync(1000);
    expect(rows()[0]).toBe(before);
    expect(queryClient.getQueryData(jobQueries.detail('a').queryKey)).toBeUndefined();
    stop();
  });

  it('backs off while the server fails, and returns to the interval once it answers', async () => {
    let failing = true;
    const fetchStatus = vi.fn(async (id: string) => {
      if (failing) throw new ApiError('http', 'down', 503);
      return statusOf(running(id));
    });
    const { stop } = setup(['a'], { fetchStatus, intervalMs: 100 });
    const callTimes: number[] = [];
    fetchStatus.mockImplementation(async (id: string) => {
      callTimes.push(Date.now());
      if (failing) throw new ApiError('http', 'down', 503);
      return statusOf(running(id));
    });
    await vi.advanceTimersByTimeAsync(20_000);
    const gaps = callTimes.slice(1).map((t, i) => t - (callTimes[i] ?? 0));
    // 500 ms * 2^n with jitter at 0.5: 750, 1500, 3000, 6000 ...
    expect(gaps.slice(0, 4)).toEqual([750, 1500, 3000, 6000]);
    failing = false;
    await vi.advanceTimersByTimeAsync(15_000);
    const count = callTimes.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(callTimes.length - count).toBe(10);
    stop();
  });

  it('stops asking about jobs it may no longer read (403/404)', async () => {
    const fetchStatus = vi.fn(async (id: string) => {
      if (id === 'gone') throw new ApiError('http', 'Not found.', 404);
      return statusOf(running(id));
    });
    const { stop } = setup(['a', 'gone'], { fetchStatus });
    await vi.advanceTimersByTimeAsync(3000);
    expect(fetchStatus.mock.calls.filter(([id]) => id === 'gone')).toHaveLength(1);
    expect(fetchStatus.mock.calls.filter(([id]) => id === 'a')).toHaveLength(3);
    stop();
  });

  it('pauses while the tab is hidden and catches up when it is shown', async () => {
    let visibility: DocumentVisibilityState = 'hidden';
    const spy = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const { fetchStatus, stop } = setup(['a']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchStatus).not.toHaveBeenCalled();
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
    stop();
    spy.mockRestore();
  });

  it('aborts what is in flight when stopped', async () => {
    let seen: AbortSignal | undefined;
    const fetchStatus = vi.fn(
      (_id: string, signal: AbortSignal) =>
        new Promise<JobStatus>((_, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const { stop } = setup(['a'], { fetchStatus });
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen?.aborted).toBe(false);
    stop();
    expect(seen?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchStatus).toHaveBeenCalledTimes(1);
  });
});
