import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { NotFoundPage, RouteError } from './route-error.tsx';

function Broken(): never {
  throw new Error('The job data could not be shown');
}

describe('route errors', () => {
  it('shows what went wrong and a way on instead of a blank page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React logs the caught error
    const router = createMemoryRouter([
      { path: '/', element: <Broken />, errorElement: <RouteError /> },
    ]);
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The job data could not be shown');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the jobs list' })).toHaveAttribute(
      'href',
      '/jobs',
    );
  });

  it('has a not-found page for unknown routes', () => {
    const router = createMemoryRouter([{ path: '*', element: <NotFoundPage /> }], {
      initialEntries: ['/nope'],
    });
    render(<RouterProvider router={router} />);
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
