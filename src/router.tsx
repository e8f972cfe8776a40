import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from './auth/require-auth.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { AppFrame } from './frame/app-frame.tsx';
import { NotFoundPage, RouteError } from './frame/route-error.tsx';
import { jobsLoader } from './jobs/list/jobs-loader.ts';
import { JobsPage } from './jobs/list/jobs-page.tsx';

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
    {
      element: <RequireAuth />,
      errorElement: <RouteError />,
      children: [
        {
          element: <AppFrame />,
          errorElement: <RouteError />,
          children: [
            { index: true, element: <Navigate to="/jobs" replace /> },
            {
              path: 'jobs',
              loader: jobsLoader(queryClient),
              element: <JobsPage />,
              errorElement: <RouteError />,
            },
            {
              path: 'jobs/:jobId',
              // The job page (tree viewer, stream) is its own chunk: the list does not download it.
              lazy: async () => ({ Component: (await import('./jobs/job-page.tsx')).JobPage }),
              // Shown inside the frame while that chunk loads on a first visit (a shared link).
              hydrateFallbackElement: <p className="text-sm text-muted">Loading…</p>,
              errorElement: <RouteError />,
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
