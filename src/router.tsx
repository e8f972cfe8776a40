import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from './auth/require-auth.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { AppFrame } from './frame/app-frame.tsx';
import { NotFoundPage } from './frame/not-found-page.tsx';
import { RouteErrorBoundary } from './frame/route-error.tsx';
import { JobsPage } from './jobs/list/jobs-page.tsx';

// The job page (tree viewer, stream) is its own chunk: the list does not download it.
const JobPage = lazy(async () => ({ default: (await import('./jobs/job-page.tsx')).JobPage }));
const ComparePage = lazy(async () => ({
  default: (await import('./jobs/compare/compare-page.tsx')).ComparePage,
}));

/**
 * Every route of the app. Declarative routes, not a data router: the one request a route needs before
 * it renders (the list page's) is sent by main.ts before the app's code has loaded, and the data router would cost
 * every first visit about 17 KiB gzip more. Each page sits in an error boundary, so a page that throws
 * shows what went wrong instead of a blank screen.
 */
export function AppRoutes() {
  return (
    // The outer boundary catches what the frame itself throws.
    <RouteErrorBoundary>
      <Routes>
        <Route path="/sign-in" element={<Page element={<SignInPage />} />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppFrame />}>
            <Route index element={<Navigate to="/jobs" replace />} />
            <Route path="jobs" element={<Page element={<JobsPage />} />} />
            <Route path="jobs/:jobId" element={<LazyPage element={<JobPage />} />} />
            <Route path="compare" element={<LazyPage element={<ComparePage />} />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </RouteErrorBoundary>
  );
}

type PageProps = { element: ReactNode };

function Page({ element }: PageProps) {
  return <RouteErrorBoundary>{element}</RouteErrorBoundary>;
}

/** A page in a lazy chunk: "Loading…" inside the frame while it loads on a first visit (a shared link). */
function LazyPage({ element }: PageProps) {
  return (
    <Page
      element={
        <Suspense fallback={<p className="text-sm text-muted">Loading…</p>}>{element}</Suspense>
      }
    />
  );
}
