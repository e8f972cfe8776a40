import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { renderInRouter } from '../test-kit/render-in-router.tsx';
import { Link, useInPlaceLinks } from './link.tsx';

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function renderAt(path: string) {
  return renderInRouter(
    <Routes>
      <Route
        path="*"
        element={
          <>
            <Link to="/jobs/a%2Fb?x=1" className="c" title="A job">
              Job a/b
            </Link>
            <Link to="/jobs" replace>
              All jobs
            </Link>
            <Where />
          </>
        }
      />
    </Routes>,
    ['/start', path],
  ).history;
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
    const history = renderAt('/here');
    await user.click(screen.getByRole('link', { name: 'Job a/b' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/jobs/a%2Fb?x=1');
    await user.click(screen.getByRole('link', { name: 'All jobs' }));
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/jobs$/);
    await act(() => history.navigate(-1));
    expect(history.pathname()).toBe('/here'); // the job's entry was replaced
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

function Rows() {
  const onClick = useInPlaceLinks();
  return (
    <div onClick={onClick}>
      <a href="/jobs/a%2Fb?x=1">Plain job</a>
      <a href="/jobs/c" target="_blank">
        In a new tab
      </a>
      <a href="https://example.com/jobs/d">Elsewhere</a>
      <a href="/jobs/e.json" download>
        A download
      </a>
      <button type="button">Not a link</button>
    </div>
  );
}

describe('useInPlaceLinks', () => {
  /** Clicks, and says whether the click was left to the browser (not taken in place). */
  function click(name: string, init: MouseEventInit = {}) {
    let leftToBrowser: boolean | undefined;
    const last = (event: MouseEvent) => {
      leftToBrowser = !event.defaultPrevented;
      event.preventDefault(); // jsdom cannot follow it
    };
    window.addEventListener('click', last);
    fireEvent.click(screen.getByRole(name === 'Not a link' ? 'button' : 'link', { name }), init);
    window.removeEventListener('click', last);
    return leftToBrowser;
  }

  it('navigates in place on a plain click on a link in the container, and on nothing else', () => {
    renderInRouter(
      <Routes>
        <Route
          path="*"
          element={
            <>
              <Rows />
              <Where />
            </>
          }
        />
      </Routes>,
      ['/here'],
    );
    expect(click('Plain job', { ctrlKey: true })).toBe(true);
    for (const key of ['shiftKey', 'altKey', 'metaKey']) {
      expect(click('Plain job', { [key]: true })).toBe(true);
    }
    expect(click('Plain job', { button: 1 })).toBe(true);
    expect(click('A download')).toBe(true);
    expect(click('In a new tab')).toBe(true);
    expect(click('Elsewhere')).toBe(true);
    expect(click('Not a link')).toBe(true);
    expect(screen.getByTestId('where')).toHaveTextContent('/here');

    expect(click('Plain job')).toBe(false);
    expect(screen.getByTestId('where')).toHaveTextContent('/jobs/a%2Fb?x=1');
  });
});
