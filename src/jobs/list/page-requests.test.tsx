import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { ListParams } from '../../api/types.ts';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { jobQueries } from '../job-queries.ts';
import { usePageRequest } from './page-requests.ts';

/** A list API whose pages never answer; returns what was asked: each URL and its abort signal. */
function hangingApi() {
  const api = fakeApi();
  api.reply(() => new Promise<Response>(() => {}));
  return () =>
    api.fetch.mock.calls.map(([url, init]) => ({ url: String(url), signal: init?.signal }));
}

const page = (skip: number): ListParams => ({ organization: null, skip, perPage: 10 });

/** The hook, beside the page on screen (`shown`), which watches its own query. */
function renderRequests(shown: ListParams | null = null) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(
    ({ on }: { on: ListParams | null }) => {
      useQuery({ ...jobQueries.list(on ?? page(0)), enabled: on !== null });
      return usePageRequest();
    },
    { initialProps: { on: shown }, wrapper },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('usePageRequest', () => {
  it('sends the page asked for at once, and once', async () => {
    const requests = hangingApi();
    const { result, rerender } = renderRequests();
    act(() => result.current(page(10)));
    expect(requests().map((r) => r.url)).toEqual(['/api/jobs?skip=10&perPage=10']);
    rerender({ on: page(10) }); // the page shows: its query takes the request in flight
    act(() => result.current(page(10)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests()).toHaveLength(1);
    expect(requests()[0]?.signal?.aborted).toBe(false);
  });

  it('stops a page asked for and left before it showed, not the page on screen', async () => {
    const requests = hangingApi();
    const { result, rerender } = renderRequests();
    act(() => result.current(page(10)));
    rerender({ on: page(10) });
    act(() => result.current(page(20))); // Next, then Next again before page 20 showed
    act(() => result.current(page(90))); // then Last
    await waitFor(() => expect(requests()[1]?.signal?.aborted).toBe(true));
    expect(requests().map((r) => [r.url, r.signal?.aborted])).toEqual([
      ['/api/jobs?skip=10&perPage=10', false],
      ['/api/jobs?skip=20&perPage=10', true],
      ['/api/jobs?skip=90&perPage=10', false],
    ]);
  });

  it('stops the last page asked for when the list goes away before it showed', async () => {
    const requests = hangingApi();
    const { result, unmount } = renderRequests();
    act(() => result.current(page(10)));
    unmount();
    await waitFor(() => expect(requests()[0]?.signal?.aborted).toBe(true));
  });
});
