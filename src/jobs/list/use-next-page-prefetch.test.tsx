import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { ListParams } from '../../api/types.ts';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { jobQueries } from '../job-queries.ts';
import { useNextPagePrefetch } from './use-next-page-prefetch.ts';

/** A list API whose pages never answer; returns what was asked: each URL and its abort signal. */
function hangingApi() {
  const api = fakeApi();
  api.reply(() => new Promise<Response>(() => {}));
  return () =>
    api.fetch.mock.calls.map(([url, init]) => ({ url: String(url), signal: init?.signal }));
}

function renderPrefetch(
  queryClient: QueryClient,
  initial: { params: ListParams; next: number | null; showNext?: boolean },
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(
    ({
      params,
      next,
      showNext,
    }: {
      params: ListParams;
      next: number | null;
      showNext?: boolean;
    }) => {
      useNextPagePrefetch(params, next);
      // The page moved to, when it is the prefetched one.
      useQuery({ ...jobQueries.list({ ...params, skip: 10 }), enabled: showNext === true });
    },
    { initialProps: initial, wrapper },
  );
}

const page0: ListParams = { organization: null, skip: 0, perPage: 10 };

afterEach(() => vi.unstubAllGlobals());

describe('useNextPagePrefetch', () => {
  it('fetches the next page once the browser is idle after this one settled', async () => {
    const requests = hangingApi();
    renderPrefetch(new QueryClient(), { params: page0, next: 10 });
    expect(requests()).toHaveLength(0);
    await waitFor(() =>
      expect(requests().map((r) => r.url)).toEqual(['/api/jobs?skip=10&perPage=10']),
    );
  });

  it('stops the download when the person moves elsewhere', async () => {
    const requests = hangingApi();
    const { rerender } = renderPrefetch(new QueryClient(), { params: page0, next: 10 });
    await waitFor(() => expect(requests()).toHaveLength(1));
    rerender({ params: { ...page0, perPage: 50 }, next: 50 });
    await waitFor(() => expect(requests()[0]?.signal?.aborted).toBe(true));
  });

  it('keeps the download when the person moves to that very page', async () => {
    const requests = hangingApi();
    const queryClient = new QueryClient();
    const { rerender } = renderPrefetch(queryClient, { params: page0, next: 10 });
    await waitFor(() => expect(requests()).toHaveLength(1));
    rerender({ params: { ...page0, skip: 10 }, next: 20, showNext: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests()[0]?.signal?.aborted).toBe(false);
    expect(
      queryClient.isFetching({ queryKey: jobQueries.list({ ...page0, skip: 10 }).queryKey }),
    ).toBe(1);
  });
});
