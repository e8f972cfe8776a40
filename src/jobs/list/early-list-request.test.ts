import { vi } from 'vitest';
import { clearToken, setToken } from '../../auth/token-store.ts';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { jobSeries, listPage } from '../../test-kit/jobs.ts';
import { fetchJobsPage } from '../jobs-api.ts';
import { startEarlyListRequest, takeEarlyListRequest } from './early-list-request.ts';

afterEach(() => {
  takeEarlyListRequest('', null); // none left over for the next test
  clearToken('signed-out');
  vi.unstubAllGlobals();
});

describe('the early list request', () => {
  it("sends the URL's page request at once, and the list's first call reads it instead of asking again", async () => {
    const api = fakeApi({ jobs: jobSeries(31) });
    setToken('tok', false);
    startEarlyListRequest(new URL('http://localhost/jobs?skip=30'));
    expect(api.calls).toEqual(['/api/jobs?skip=30&perPage=30']);
    const page = await fetchJobsPage({ organization: null, skip: 30, perPage: 30 });
    expect(page).toEqual(listPage(jobSeries(1, 30), { skip: 30, totalCount: 31 }));
    expect(api.calls).toHaveLength(1);
    // Taken once: the next call asks the server.
    await fetchJobsPage({ organization: null, skip: 30, perPage: 30 });
    expect(api.calls).toHaveLength(2);
  });

  it('is stopped when the first list call is for another page, which is asked for itself', async () => {
    const api = fakeApi({ jobs: jobSeries(3) });
    setToken('tok', false);
    startEarlyListRequest(new URL('http://localhost/jobs?perPage=abc'));
    const sent = api.calls.length;
    await fetchJobsPage({ organization: 'acme', skip: 0, perPage: 30 });
    expect(api.calls.slice(sent)).toEqual(['/api/jobs?organization=acme&skip=0&perPage=30']);
  });

  it('is dropped when the list has not asked for it within 10 s, and the list then asks again', async () => {
    vi.useFakeTimers();
    try {
      const api = fakeApi({ jobs: jobSeries(3) });
      setToken('tok', false);
      startEarlyListRequest(new URL('http://localhost/jobs'));
      vi.advanceTimersByTime(10_000);
      vi.useRealTimers();
      await fetchJobsPage({ organization: null, skip: 0, perPage: 30 });
      expect(api.calls).toEqual(['/api/jobs?skip=0&perPage=30', '/api/jobs?skip=0&perPage=30']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks nothing when signed out (the route guard sends the person to sign-in)', () => {
    const api = fakeApi();
    startEarlyListRequest(new URL('http://localhost/jobs'));
    expect(api.calls).toEqual([]);
  });

  it('asks nothing on other pages (a job page fetches its own data)', () => {
    const api = fakeApi();
    setToken('tok', false);
    startEarlyListRequest(new URL('http://localhost/jobs/abc'));
    startEarlyListRequest(new URL('http://localhost/sign-in'));
    expect(api.calls).toEqual([]);
  });
});
