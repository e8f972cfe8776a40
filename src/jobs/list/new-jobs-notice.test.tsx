import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { completedJob, jobSeries, listPage } from '../../test-kit/jobs.ts';
import { renderInRouter } from '../../test-kit/render-in-router.tsx';
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
