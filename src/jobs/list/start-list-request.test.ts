import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { clearToken, setToken } from '../../auth/token-store.ts';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { jobSeries, listPage } from '../../test-kit/jobs.ts';
import { jobQueries } from '../job-queries.ts';
import { startListRequest } from './start-list-request.ts';

afterEach(() => {
  clearToken('signed-out');
  vi.unstubAllGlobals();
});

describe('startListRequest', () => {
  it("starts the URL's page request before the page renders, without waiting for it", async () => {
    const api = fakeApi({ jobs: jobSeries(31) });
    setToken('tok', false);
    const queryClient = new QueryClient();
    startListRequest(queryClient, new URL('http://localhost/jobs?skip=30'));
    const params = { organization: null, skip: 30, perPage: 30 };
    expect(queryClient.isFetching({ queryKey: jobQueries.list(params).queryKey })).toBe(1);
    await vi.waitFor(() =>
      expect(queryClient.getQueryData(jobQueries.list(params).queryKey)).toEqual(
        listPage(jobSeries(1, 30), { skip: 30, totalCount: 31 }),
      ),
    );
    expect(api.calls).toEqual(['/api/jobs?skip=30&perPage=30']);
  });

  it('asks nothing when signed out (the route guard sends the person to sign-in)', () => {
    const api = fakeApi();
    startListRequest(new QueryClient(), new URL('http://localhost/jobs'));
    expect(api.calls).toEqual([]);
  });

  it('asks nothing on other pages (a job page fetches its own data)', () => {
    const api = fakeApi();
    setToken('tok', false);
    startListRequest(new QueryClient(), new URL('http://localhost/jobs/abc'));
    startListRequest(new QueryClient(), new URL('http://localhost/sign-in'));
    expect(api.calls).toEqual([]);
  });
});
