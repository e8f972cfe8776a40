import { Route, Routes } from 'react-router';
import { JobsPage } from '../jobs/list/jobs-page.tsx';
import { renderInRouter } from './render-in-router.tsx';

/**
 * Renders the jobs list at `path` (e.g. `/jobs?perPage=10`), beside stand-ins for the pages its links
 * open ("job page", "compare page"); returns what renderInRouter does.
 */
export function renderListPage(path = '/jobs') {
  return renderInRouter(
    <Routes>
      <Route path="/jobs" element={<JobsPage />} />
      <Route path="/jobs/:jobId" element={<p>job page</p>} />
      <Route path="/compare" element={<p>compare page</p>} />
    </Routes>,
    [path],
  );
}
