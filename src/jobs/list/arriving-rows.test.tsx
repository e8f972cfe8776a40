import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { jobsListPath } from '../../api/http.ts';
import { fakeApi, json } from '../../test-kit/fake-api.ts';
import { jobSeries, seriesJob } from '../../test-kit/jobs.ts';
import { renderListPage } from '../../test-kit/render-list-page.tsx';
import { dropArrivingRows, setArrivingRows } from './arriving-rows.ts';
import { toListJob } from './list-job.ts';

// The list worker, which reads rows while a page arrives, does not run here: these tests put the rows
// it would have read in the store (e2e/big-pages.spec.ts covers the worker's side in a browser).

const firstPage = jobsListPath({ organization: null, skip: 0, perPage: 30 });

/** The requests `match` accepts wait until `release` is called; the API then answers them as usual. */
function hold(api: ReturnType<typeof fakeApi>, match: (url: URL) => boolean) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  api.reply(async (url) => {
    if (match(url)) await held;
    return undefined;
  });
  return release;
}

const table = () => screen.getByRole('table', { name: 'Jobs' });
const rowIds = () =>
  [...table().querySelectorAll('tr[data-job-id]')].map((row) => row.getAttribute('data-job-id'));

afterEach(() => {
  dropArrivingRows(firstPage);
  vi.unstubAllGlobals();
});

describe('rows shown while their page arrives', () => {
  it('shows the first rows above places for the rest, then the complete page', async () => {
    const release = hold(fakeApi({ jobs: jobSeries(40) }), (url) => url.pathname === '/api/jobs');
    renderListPage('/jobs');
    await screen.findByText('Loading jobs…');
    act(() => setArrivingRows(firstPage, jobSeries(3).map(toListJob)));

    await screen.findByRole('link', { name: 'job-0000' });
    expect(rowIds()).toHaveLength(3);
    expect(table()).toHaveAttribute('aria-busy', 'true');
    expect(table().querySelectorAll('tr[data-skeleton]').length).toBeGreaterThan(0);

    release();
    await screen.findByText('1-30 of 40');
    expect(rowIds()).toHaveLength(30);
    expect(table()).not.toHaveAttribute('aria-busy');
    expect(table().querySelectorAll('tr[data-skeleton]')).toHaveLength(0);
  });

  it('draws no row before the time it was given (a page that comes quickly is drawn once)', async () => {
    hold(fakeApi({ jobs: jobSeries(40) }), (url) => url.pathname === '/api/jobs');
    renderListPage('/jobs');
    await screen.findByText('Loading jobs…');
    act(() => setArrivingRows(firstPage, jobSeries(3).map(toListJob), performance.now() + 60_000));
    // A few frames later: still the placeholders alone.
    for (let frame = 0; frame < 5; frame++) {
      await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    }
    expect(rowIds()).toEqual([]);
    expect(screen.getByText('Loading jobs…')).toBeInTheDocument();
  });

  it('keeps the places of as many rows as the page will have, not more', async () => {
    const api = fakeApi({ jobs: jobSeries(12) });
    renderListPage('/jobs?perPage=10');
    await screen.findByText('1-10 of 12');
    const release = hold(api, (url) => url.searchParams.get('perPage') === '30');
    await userEvent.selectOptions(screen.getByLabelText('Per page'), '30');
    act(() => setArrivingRows(firstPage, jobSeries(3, 20).map(toListJob)));

    await screen.findByRole('link', { name: 'job-0020' });
    // 12 rows in all: 3 shown, 2 placeholders drawn, 7 rows' height below them.
    expect(table().querySelectorAll('tr[data-skeleton]')).toHaveLength(2);
    const spacer = table().querySelector('tbody:last-child tr:last-child td') as HTMLElement;
    expect(spacer.style.height).toBe('calc(7 * (2.5rem + 1px))');
    release();
  });

  it('shows no rows of a request that ended without its page', async () => {
    const api = fakeApi();
    api.reply((url) => (url.pathname === '/api/jobs' ? json({ message: 'No' }, 403) : undefined));
    renderListPage('/jobs');
    act(() => setArrivingRows(firstPage, jobSeries(3).map(toListJob)));
    await screen.findByRole('heading', { name: 'Could not load the jobs' });
    expect(screen.queryByRole('link', { name: 'job-0000' })).not.toBeInTheDocument();
  });

  it('keeps a filter from saying that nothing matches before the page is complete', async () => {
    const api = fakeApi({ jobs: jobSeries(40) });
    renderListPage('/jobs?perPage=10');
    await screen.findByText('1-10 of 40');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'completed');

    const release = hold(api, (url) => url.searchParams.get('perPage') === '30');
    await userEvent.selectOptions(screen.getByLabelText('Per page'), '30');
    act(() => setArrivingRows(firstPage, [toListJob(seriesJob(0, { status: 'running' }))]));

    await screen.findByText('Filtering this page only, as its jobs arrive.');
    expect(screen.queryByText(/No job on this page matches/)).not.toBeInTheDocument();
    expect(table()).toHaveAttribute('aria-busy', 'true');
    release();
    await screen.findByText(/Filtering this page only: \d+ of its 30 jobs/);
  });

  it("does not speak of the previous page's unreadable items while this page arrives", async () => {
    const api = fakeApi();
    api.reply((url) =>
      url.pathname === '/api/jobs' && url.searchParams.get('perPage') === '10'
        ? json({ totalCount: 40, skip: 0, perPage: 10, items: [...jobSeries(9), { id: 'bad' }] })
        : undefined,
    );
    renderListPage('/jobs?perPage=10');
    await screen.findByText(/1 job could not be read/);

    const release = hold(api, (url) => url.searchParams.get('perPage') === '30');
    await userEvent.selectOptions(screen.getByLabelText('Per page'), '30');
    act(() => setArrivingRows(firstPage, jobSeries(2, 20).map(toListJob)));

    await screen.findByRole('link', { name: 'job-0020' });
    expect(within(table()).queryByText(/Could not be read/)).not.toBeInTheDocument();
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
    release();
  });
});
