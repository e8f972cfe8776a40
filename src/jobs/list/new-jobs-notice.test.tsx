import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { completedJob, jobSeries, listPage } from '../../test-kit/jobs.ts';
import { renderInRouter } from '../../test-kit/render-in-router.tsx';
import type { Job } from '../../api/types.ts';
import { countNewJobs, NEW_JOBS_POLL_MS, NewJobsNotice } from './new-jobs-notice.tsx';

/** A list page of `total` jobs whose first ones are `ids`. */
const page = (total: number, ids: string[]) =>
  listPage(
    ids.map((id) => completedJob({ id })),
    { totalCount: total },
  );

describe('countNewJobs', () => {
  it('counts what the probe has on top of the page', () => {
    expect(countNewJobs(page(100, ['a', 'b']), page(103, ['z']))).toBe(3);
  });

  it('counts nothing from a probe older than the page (the page was just refreshed)', () => {
    expect(countNewJobs(page(103, ['z', 'a']), page(100, ['a']))).toBe(0);
    expect(countNewJobs(page(100, ['a']), undefined)).toBe(0);
  });

  it('notices an unknown newest job even when the count did not grow', () => {
    expect(countNewJobs(page(100, ['a', 'b']), page(100, ['z']))).toBe(1);
    expect(countNewJobs(page(100, ['a', 'b']), page(100, ['a']))).toBe(0);
  });
});

describe('countNewJobs, whichever way the service sorts', () => {
  const at = (id: string, createdAt: string) => completedJob({ id, createdAt });
  const list = (total: number, jobs: Job[]) => listPage(jobs, { totalCount: total });
  const older = at('older', '2026-01-01 00:00:00');
  const newer = at('newer', '2026-01-01T00:05:00.000001+00:00');
  const newest = at('newest', '2026-01-01T00:10:00');

  it('counts jobs on top of a list sorted newest first', () => {
    expect(countNewJobs(list(2, [newer, older]), list(4, [newest]))).toBe(2);
  });

  it('says nothing for a list sorted oldest first: arrivals never reach its first page', () => {
    expect(countNewJobs(list(2, [older, newer]), list(4, [older]))).toBe(0);
    // Its first job gone, the next one leads: no arrival either.
    expect(countNewJobs(list(2, [newer, newest]), list(4, [at('x', '2026-01-01T00:01:00Z')]))).toBe(
      0,
    );
  });

  it('says nothing when the times cannot be read', () => {
    expect(countNewJobs(list(2, [newer, older]), list(4, [at('x', 'just now')]))).toBe(0);
    expect(countNewJobs(list(2, [at('y', '?'), older]), list(4, [newest]))).toBe(0);
  });
});

describe('NewJobsNotice', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('asks nothing at first, then announces arrivals and lets the reader show them', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    // The server holds two jobs more than the page on screen, the newest unknown to it.
    const api = fakeApi({ jobs: [completedJob({ id: 'new-2' }), ...jobSeries(31)] });
    const fetchMock = api.fetch;
    const onShow = vi.fn();
    renderInRouter(
      <NewJobsNotice
        organization={null}
        page={page(30, ['a', 'b'])}
        pageUpdatedAt={Date.now()}
        onShow={onShow}
      />,
    );
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await act(() => vi.advanceTimersByTimeAsync(NEW_JOBS_POLL_MS + 10));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String((fetchMock.mock.calls[0] as unknown[])[0])).toBe('/api/jobs?skip=0&perPage=1');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 new jobs'));
    await userEvent
      .setup({ advanceTimers: vi.advanceTimersByTime })
      .click(screen.getByRole('button', { name: 'Show' }));
    expect(onShow).toHaveBeenCalledTimes(1);
  });
});
