import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, vi } from 'vitest';
import { clearToken, setToken } from '../auth/token-store.ts';
import { JobPage } from '../jobs/job-page.tsx';
import { renderInRouter, testQueryClient } from './render-in-router.tsx';

/**
 * For a file of job-page tests (or of another page's: `route` and `page`): each test starts signed in
 * with a fresh query client, and ends signed out with the client emptied and `fetch` unstubbed. Gives
 * the page at a path (beside a stand-in list page) and the running test's client.
 */
export function jobPageTests(route = '/jobs/:jobId', page: ReactElement = <JobPage />) {
  let queryClient: QueryClient;

  beforeEach(() => {
    setToken('tok', false);
    queryClient = testQueryClient();
  });

  afterEach(() => {
    queryClient.clear();
    clearToken('signed-out');
    vi.unstubAllGlobals();
  });

  return {
    renderAt: (path: string) =>
      renderInRouter(
        <Routes>
          <Route path="/jobs" element={<p>The list</p>} />
          <Route path={route} element={page} />
        </Routes>,
        [path],
        queryClient,
      ),
    queryClient: () => queryClient,
  };
}
