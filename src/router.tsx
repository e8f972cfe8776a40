import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from './auth/require-auth.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { AppFrame } from './frame/app-frame.tsx';
import { NotFoundPage, RouteError } from './frame/route-error.tsx';
import { JobPage } from './jobs/job-page.tsx';
import { JobsPage } from './jobs/jobs-page.tsx';

export function createAppRouter() {
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
            { path: 'jobs', element: <JobsPage />, errorElement: <RouteError /> },
            { path: 'jobs/:jobId', element: <JobPage />, errorElement: <RouteError /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
