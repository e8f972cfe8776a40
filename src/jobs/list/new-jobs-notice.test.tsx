import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { ListJob, ListPage } from './list-job.ts';
import { countNewJobs, NEW_JOBS_POLL_MS, NewJobsNotice } from './new-jobs-notice.tsx';

const job = (id: string): ListJob => ({
  id,
  jobType: 'extraction',
  status: 'completed',
  ownerUser: 'demo',
  inputBytes: 2,
  startedAt: '2026-01-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const page = (total: number, ids: string[]): ListPage => ({
  totalCount: total,
  skip: 0,
  perPage: 30,
  items: ids.map(job),
});

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
    // The server sends whole jobs; the list keeps rows of them.
    const fromServer = { ...page(32, []), items: [{ ...job('new-2'), inputData: '{}' }] };
    const fetchMock = vi.fn(async () => Response.json(fromServer));
    vi.stubGlobal('fetch', fetchMock);
    const onShow = vi.fn();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <NewJobsNotice
          organization={null}
          page={page(30, ['a', 'b'])}
          pageUpdatedAt={Date.now()}
          onShow={onShow}
        />
      </QueryClientProvider>,
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
