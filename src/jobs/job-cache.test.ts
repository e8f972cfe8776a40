import { QueryClient } from '@tanstack/react-query';
import type { Job } from '../api/types.ts';
import { writeJob, writeJobFailure, writeJobStatus } from './job-cache.ts';
import { jobQueries } from './job-queries.ts';
import { completedJob, listPage, runningJob, statusOf } from '../test-kit/jobs.ts';
import { toListJob } from './list/list-job.ts';

const running = runningJob({ inputData: 'text', updatedAt: '2026-11-01T10:00:05Z' });
const completed = completedJob({ outputData: '{"result":{}}' });
const listKey = jobQueries.list({ organization: null, skip: 0, perPage: 30 }).queryKey;

function clientWith(detail: Job) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(jobQueries.detail(detail.id).queryKey, detail);
  queryClient.setQueryData(listKey, listPage([detail]));
  return queryClient;
}

describe('the job cache', () => {
  it('writes a finished job into detail, status and the list pages holding it (rows without payloads)', () => {
    const queryClient = clientWith(running);
    writeJob(queryClient, completed);
    expect(queryClient.getQueryData(jobQueries.detail('job-1').queryKey)).toEqual(completed);
    expect(queryClient.getQueryData(jobQueries.status('job-1').queryKey)).toMatchObject({
      status: 'completed',
    });
    const row = queryClient.getQueryData(listKey)?.items[0];
    expect(row).toEqual(toListJob(completed));
    expect(row).toMatchObject({ status: 'completed', inputBytes: completed.inputData.length });
    expect(row).not.toHaveProperty('inputData');
    expect(row).not.toHaveProperty('outputData');
  });

  it('never lets an unfinished copy replace a finished one', () => {
    const queryClient = clientWith(completed);
    writeJob(queryClient, { ...running, updatedAt: '2026-11-01T11:00:00Z' });
    expect(queryClient.getQueryData(jobQueries.detail('job-1').queryKey)).toEqual(completed);
    expect(queryClient.getQueryData(listKey)?.items[0]).toEqual(toListJob(completed));
  });

  it('never lets an older update replace a newer one', () => {
    const newer = { ...running, status: 'extracting', updatedAt: '2026-11-01T10:00:30Z' };
    const queryClient = clientWith(newer);
    writeJob(queryClient, running);
    expect(queryClient.getQueryData(jobQueries.detail('job-1').queryKey)).toEqual(newer);
  });

  it('never counts a copy with an unreadable time as newer, and reads times in every format', () => {
    const queryClient = clientWith(running);
    writeJob(queryClient, { ...running, status: 'extracting', updatedAt: 'a moment ago' });
    expect(queryClient.getQueryData(jobQueries.detail('job-1').queryKey)).toEqual(running);
    // 10:00:05 in another spelling is the same update, and a zone-less time is UTC.
    writeJob(queryClient, { ...running, status: 'x', updatedAt: '2026-11-01 10:00:05.000000' });
    expect(queryClient.getQueryData(jobQueries.detail('job-1').queryKey)).toEqual(running);
    const later = { ...running, status: 'extracting', updatedAt: '2026-11-01T10:00:06.5+00:00' };
    writeJob(queryClient, later);
    expect(queryClient.getQueryData(jobQueries.detail('job-1').queryKey)).toEqual(later);
  });

  it('finds a job whose id the service spells in another case', () => {
    const uuid = '0f8e3a52-6c1d-4b7e-9a2f-3d5c7e9b1a40';
    const queryClient = clientWith({ ...running, id: uuid });
    writeJob(queryClient, { ...completed, id: uuid.toUpperCase() });
    expect(queryClient.getQueryData(jobQueries.detail(uuid).queryKey)?.status).toBe('completed');
    expect(queryClient.getQueryData(listKey)?.items[0]?.status).toBe('completed');
  });

  it('refetches the full job when a status update shows it completed, even with the same status text', () => {
    const queryClient = clientWith(running);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    writeJobStatus(queryClient, {
      ...statusOf(running),
      completedAt: '2026-11-01T10:01:00Z',
      updatedAt: '2026-11-01T10:01:00Z',
    });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: jobQueries.detail('job-1').queryKey });
    const row = queryClient.getQueryData(listKey)?.items[0];
    expect(row?.completedAt).toBe('2026-11-01T10:01:00Z');
    // Its output came with neither the list page nor the status: the row says so.
    expect(row?.outputNotReceived).toBe(true);
  });

  it("sizes a finished row's output from the full job when one comes with the status", () => {
    const queryClient = clientWith(running);
    writeJobStatus(queryClient, statusOf(completed), completed);
    const row = queryClient.getQueryData(listKey)?.items[0];
    expect(row).toEqual(toListJob(completed));
    expect(row?.outputBytes).toBe(completed.outputData?.length);
    expect(row).not.toHaveProperty('outputNotReceived');
  });

  it('lets the same finish, seen again with its data, fill a row that waits for its output', () => {
    const queryClient = clientWith(running);
    writeJobStatus(queryClient, statusOf(completed));
    expect(queryClient.getQueryData(listKey)?.items[0]?.outputNotReceived).toBe(true);
    writeJob(queryClient, completed);
    expect(queryClient.getQueryData(listKey)?.items[0]).toEqual(toListJob(completed));
  });

  it('never fills a waiting row from an older copy of the job', () => {
    const queryClient = clientWith(running);
    writeJobStatus(queryClient, { ...statusOf(completed), updatedAt: '2026-11-01T11:00:00Z' });
    const waiting = queryClient.getQueryData(listKey)?.items[0];
    writeJob(queryClient, completed);
    expect(queryClient.getQueryData(listKey)?.items[0]).toBe(waiting);
  });

  it('gives a row the failure sent instead of the job, with no output to wait for', () => {
    const queryClient = clientWith(running);
    writeJobStatus(queryClient, {
      ...statusOf(running),
      status: 'failed',
      updatedAt: '2026-11-01T10:01:00Z',
    });
    writeJobFailure(queryClient, 'job-1', { code: '413', message: 'm'.repeat(1_000) });
    const row = queryClient.getQueryData(listKey)?.items[0];
    expect(row).toMatchObject({ status: 'failed', errorCode: '413' });
    expect(row?.errorMessage?.length).toBeLessThan(1_000); // the start of it, as every row keeps
    expect(row).not.toHaveProperty('outputNotReceived');
  });

  it('a failure after a newer /status keeps the status /status gave, over a copy from when the job ran', () => {
    const queryClient = clientWith(running);
    const cancelled = {
      ...statusOf(running),
      status: 'cancelled',
      completedAt: '2026-11-01T10:01:00Z',
      updatedAt: '2026-11-01T10:01:00Z',
    };
    writeJobStatus(queryClient, cancelled);
    writeJobFailure(queryClient, 'job-1', { code: '413' });
    expect(queryClient.getQueryData(listKey)?.items[0]).toMatchObject({
      status: 'cancelled',
      errorCode: '413',
    });
    expect(queryClient.getQueryData(jobQueries.detail('job-1').queryKey)).toMatchObject({
      status: 'cancelled',
      completedAt: '2026-11-01T10:01:00Z',
      errorCode: '413',
      inputData: 'text',
    });
  });

  it('never lets a failure replace a row that knows of a later update', () => {
    const queryClient = clientWith(running);
    const later = { ...statusOf(completed), updatedAt: '2026-11-01T12:00:00Z' };
    queryClient.setQueryData(listKey, {
      ...listPage([]),
      items: [toListJob({ ...completed, ...later })],
    });
    const row = queryClient.getQueryData(listKey)?.items[0];
    writeJobFailure(queryClient, 'job-1', { code: '413' });
    expect(queryClient.getQueryData(listKey)?.items[0]).toBe(row);
  });

  it('keeps a row still running as it is: no output yet is not an output missing', () => {
    const queryClient = clientWith(running);
    writeJobStatus(queryClient, { ...statusOf(running), updatedAt: '2026-11-01T10:00:30Z' });
    expect(queryClient.getQueryData(listKey)?.items[0]).not.toHaveProperty('outputNotReceived');
  });
});
