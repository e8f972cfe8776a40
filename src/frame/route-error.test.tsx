import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { renderInRouter } from '../test-kit/render-in-router.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RouteErrorBoundary } from './route-error.tsx';

function Broken(): never {
  throw new Error('The job data could not be shown');
}

describe('route errors', () => {
  it('shows what went wrong and a way on instead of a blank page, and recovers elsewhere', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React logs the caught error
    renderInRouter(
      <RouteErrorBoundary>
        <Routes>
          <Route path="/broken" element={<Broken />} />
          <Route path="/jobs" element={<p>The jobs list</p>} />
        </Routes>
      </RouteErrorBoundary>,
      ['/broken'],
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The job data could not be shown');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Back to the jobs list' }));
    expect(screen.getByText('The jobs list')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('has a not-found page for unknown routes', () => {
    renderInRouter(
      <Routes>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>,
      ['/nope'],
    );
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
