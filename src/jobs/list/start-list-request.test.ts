import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { clearToken, setToken } from '../../auth/token-store.ts';
import { jobQueries } from '../job-queries.ts';
import { startListRequest } from './start-list-request.ts';

const page = { totalCount: 0, skip: 30, perPage: 30, items: [] };

afterEach(() => {
  clearToken('signed-out');
  vi.unstubAllGlobals();
});

describe('startListRequest', () => {
  it("starts the URL's page request before the page renders, without waiting for it", async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      void input;
      return Response.json(page);
    });
    vi.stubGlobal('fetch', fetchMock);
    setToken('tok', false);
    const queryClient = new QueryClient();
    startListRequest(queryClient, new URL('http://localhost/jobs?skip=30'));
    const params = { organization: null, skip: 30, perPage: 30 };
    expect(queryClient.isFetching({ queryKey: jobQueries.list(params).queryKey })).toBe(1);
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(jobQueries.list(params).queryKey)).toEqual({
        ...page,
        unreadable: [],
      }),
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('/api/jobs?skip=30&perPage=30');
  });

  it('asks nothing when signed out (the route guard sends the person to sign-in)', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    startListRequest(new QueryClient(), new URL('http://localhost/jobs'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks nothing on other pages (a job page fetches its own data)', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    setToken('tok', false);
    startListRequest(new QueryClient(), new URL('http://localhost/jobs/abc'));
    startListRequest(new QueryClient(), new URL('http://localhost/sign-in'));
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
