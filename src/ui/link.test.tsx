import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { Link } from './link.tsx';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: (
          <>
            <Link to="/jobs/a%2Fb?x=1" className="c" title="A job">
              Job a/b
            </Link>
            <Link to="/jobs" replace>
              All jobs
            </Link>
            <Where />
          </>
        ),
      },
    ],
    { initialEntries: ['/start', path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('Link', () => {
  it('is a real link with the href and attributes given', () => {
    renderAt('/here');
    const link = screen.getByRole('link', { name: 'Job a/b' });
    expect(link).toHaveAttribute('href', '/jobs/a%2Fb?x=1');
    expect(link).toHaveAttribute('title', 'A job');
    expect(link).toHaveClass('c');
  });

  it('navigates in place on a click, and replaces the entry when asked', async () => {
    const user = userEvent.setup();
    const router = renderAt('/here');
    await user.click(screen.getByRole('link', { name: 'Job a/b' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/jobs/a%2Fb?x=1');
    await user.click(screen.getByRole('link', { name: 'All jobs' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/jobs$/);
    await act(() => router.navigate(-1));
    expect(router.state.location.pathname).toBe('/here'); // the job's entry was replaced
  });

  it('leaves modified clicks (a new tab) to the browser', () => {
    renderAt('/here');
    const link = screen.getByRole('link', { name: 'Job a/b' });
    let leftToBrowser: boolean | undefined;
    const last = (event: MouseEvent) => {
      leftToBrowser = !event.defaultPrevented;
      event.preventDefault(); // jsdom cannot open the tab
    };
    window.addEventListener('click', last);
    fireEvent.click(link, { ctrlKey: true });
    window.removeEventListener('click', last);
    expect(leftToBrowser).toBe(true); // the router did not take the click
    expect(screen.getByTestId('where')).toHaveTextContent('/here');
  });
});
