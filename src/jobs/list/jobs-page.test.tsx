import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderListPage } from '../../test-kit/render-list-page.tsx';
import { vi } from 'vitest';
import { fakeApi, json } from '../../test-kit/fake-api.ts';
import { jobSeries, seriesJob } from '../../test-kit/jobs.ts';

function renderAt(path: string) {
  const { history, queryClient } = renderListPage(path);
  return { history, queryClient, url: () => history.url() };
}

/** The paging buttons that can't be pressed here. */
function expectDisabled(...names: string[]) {
  for (const name of names) {
    expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
  }
}

afterEach(() => vi.unstubAllGlobals());

// Several navigations per test through user-event: slow on a loaded machine, hence the longer timeout.
describe('JobsPage', { timeout: 15_000 }, () => {
  it('shows a real table of the page with links, badges and the range', async () => {
    fakeApi({
      jobs: [
        seriesJob(0, {
          status: 'failed',
          errorCode: 'DocumentUnreadable',
          errorMessage: 'x',
          ownerOrganization: 'acme',
        }),
        seriesJob(1, { status: 'paused-by-ops', completedAt: undefined }),
        ...jobSeries(235, 2),
      ],
    });
    renderAt('/jobs');
    await screen.findByText('1-30 of 237');
    const table = screen.getByRole('table', { name: 'Jobs' });
    expect(table).not.toHaveAttribute('aria-busy');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual([
      'Job',
      'Status',
      'Type',
      'Owner',
      'Created',
      'Duration',
      'Size',
      'Error',
    ]);
    expect(within(table).getAllByRole('row')).toHaveLength(31);
    const link = within(table).getByRole('link', { name: 'job-0000' });
    expect(link).toHaveAttribute('href', '/jobs/job-0000-aaaa-bbbb-cccc');
    expect(link).toHaveAttribute('title', 'job-0000-aaaa-bbbb-cccc');
    expect(link).toHaveTextContent('job-0000');
    const [, first] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('DocumentUnreadable');
    expect(first).toHaveTextContent('demo · acme');
    expect(within(table).getByText('paused-by-ops')).toBeInTheDocument();
    expect(within(table).getAllByText('12 s').length).toBeGreaterThan(1);
    expect(screen.getByText('1-30 of 237')).toBeInTheDocument();
    // No row renders a payload.
    expect(table.textContent).not.toContain('xxxxxxxxxx');
  });

  it('shows a broken item as a row saying so, and the rest of the page around it', async () => {
    const api = fakeApi();
    api.reply((url) => {
      if (url.pathname !== '/api/jobs') return undefined;
      const items = [
        seriesJob(0),
        { ...seriesJob(1), createdAt: 42 },
        seriesJob(2, { startedAt: undefined, status: 'queued', completedAt: undefined }),
        'nonsense',
        {
          ...seriesJob(4),
          updatedAt: '2026-11-01 11:00:00.123456',
          startedAt: null,
          createdAt: 'yesterday',
        },
      ];
      return json({ totalCount: 5, skip: 0, perPage: 30, items });
    });
    renderAt('/jobs');
    expect(
      await screen.findByText('2 jobs could not be read: their rows say why.'),
    ).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Jobs' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('job-0000'),
      expect.stringMatching(/^job-0001Could not be read: "createdAt" is missing or not text$/),
      expect.stringContaining('queued'),
      '—Could not be read: it is not an object',
      expect.stringContaining('yesterday'),
    ]);
    const [, broken, queued] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(broken).getByRole('link', { name: 'job-0001' })).toHaveAttribute(
      'href',
      '/jobs/job-0001-aaaa-bbbb-cccc',
    );
    // A queued job (no startedAt) is not started, not broken.
    expect(within(queued).getByTitle('Not started')).toBeInTheDocument();
    // Every item counts in the range, read or not.
    expect(screen.getByText('1-5 of 5')).toBeInTheDocument();
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/Invalid Date|NaN/);
  });

  it('says so for one broken item in the singular', async () => {
    const api = fakeApi();
    api.reply((url) =>
      url.pathname === '/api/jobs'
        ? json({ totalCount: 2, skip: 0, perPage: 30, items: [seriesJob(0), {}] })
        : undefined,
    );
    renderAt('/jobs');
    expect(
      await screen.findByText('1 job could not be read: its row says why.'),
    ).toBeInTheDocument();
  });

  it('pages with the four buttons, disabled where they lead nowhere', async () => {
    const user = userEvent.setup();
    fakeApi({ jobs: jobSeries(237) });
    const { url } = renderAt('/jobs');
    await screen.findByText('1-30 of 237');
    expectDisabled('First page', 'Previous page');

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('31-60 of 237');
    expect(url()).toBe('/jobs?skip=30');

    await user.click(screen.getByRole('button', { name: 'Last page' }));
    await screen.findByText('211-237 of 237');
    expect(url()).toBe('/jobs?skip=210');
    expect(screen.getAllByRole('row')).toHaveLength(28);
    expectDisabled('Next page', 'Last page');

    await user.click(screen.getByRole('button', { name: 'First page' }));
    await screen.findByText('1-30 of 237');
    expect(url()).toBe('/jobs');
  });

  it('changes the page size from the Per page select, keeping the first visible job in view', async () => {
    const user = userEvent.setup();
    fakeApi({ jobs: jobSeries(237) });
    const { url } = renderAt('/jobs?skip=60');
    await screen.findByText('61-90 of 237');
    await user.selectOptions(screen.getByLabelText('Per page'), '50');
    await screen.findByText('51-100 of 237');
    expect(url()).toBe('/jobs?skip=50&perPage=50');
  });

  it('corrects invalid values in the URL, replacing it, and says what changed', async () => {
    fakeApi({ jobs: jobSeries(237) });
    const { url, history } = renderAt('/jobs?skip=-5&perPage=500');
    await screen.findByText('1-100 of 237');
    expect(url()).toBe('/jobs?perPage=100');
    expect(history.action()).toBe('REPLACE');
    expect(screen.getByText('The address was corrected.')).toBeInTheDocument();
    expect(screen.getByText(/"-5" is not a valid position/)).toBeInTheDocument();
    expect(screen.getByText(/Page size must be 1 to 100/)).toBeInTheDocument();
  });

  it('sends a skip past the end to the last page', async () => {
    fakeApi({ jobs: jobSeries(237) });
    const { url } = renderAt('/jobs?skip=900');
    await screen.findByText('211-237 of 237');
    expect(url()).toBe('/jobs?skip=210');
    expect(screen.getByText(/Position 901 is past the end \(237 jobs\)/)).toBeInTheDocument();
  });

  it('says an empty list is empty, for an organization too', async () => {
    fakeApi({ jobs: [] });
    renderAt('/jobs?organization=acme');
    expect(await screen.findByRole('heading', { name: 'No jobs in acme yet' })).toBeInTheDocument();
    expect(screen.getByText('0 of 0')).toBeInTheDocument();
  });

  it('explains a 403 for an organization', async () => {
    const api = fakeApi({ jobs: jobSeries(10) });
    api.reply(() => json({ message: 'You are not a member of initech' }, 403));
    renderAt('/jobs?organization=initech');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("You don't have access to this organization");
    expect(alert).toHaveTextContent('You are not a member of initech');
    expect(within(alert).getByRole('link', { name: 'Your personal jobs' })).toHaveAttribute(
      'href',
      '/jobs',
    );
  });

  it("shows the server's own 400 text, then recovers with Retry", async () => {
    const user = userEvent.setup();
    const api = fakeApi({ jobs: jobSeries(40) });
    api.reply(
      () =>
        new Response('Invalid value for: query parameter skip', {
          status: 400,
          headers: { 'Content-Type': 'text/plain' },
        }),
    );
    renderAt('/jobs');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Invalid value for: query parameter skip');
    api.reply(undefined);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('1-30 of 40')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a skeleton the size of the page while the first page loads', async () => {
    const api = fakeApi({ jobs: jobSeries(40) });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    api.reply(async () => {
      await gate;
      return undefined;
    });
    renderAt('/jobs?perPage=10');
    const table = screen.getByRole('table', { name: 'Jobs' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(table.querySelectorAll('tbody tr[data-skeleton]')).toHaveLength(10);
    release();
    await screen.findByText('1-10 of 40');
    expect(api.calls[0]).toBe('/api/jobs?skip=0&perPage=10');
  });

  it('hides jobs repeated from the previous page when new ones arrived meanwhile, and says so', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ jobs: jobSeries(100) });
    renderAt('/jobs?perPage=10');
    await screen.findByText('1-10 of 100');
    // Three jobs arrive on top before the reader moves on (and before the prefetch ran).
    api.jobs = [seriesJob(-3), seriesJob(-2), seriesJob(-1), ...api.jobs];
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('11-20 of 103');
    const notice = await screen.findByText(/3 jobs you saw on the previous page moved here/);
    expect(notice).toHaveTextContent('3 new jobs arrived since the previous page loaded.');
    const ids = [...document.querySelectorAll('tr[data-job-id]')].map((tr) =>
      tr.getAttribute('data-job-id'),
    );
    expect(ids).toHaveLength(7);
    expect(ids[0]).toBe(seriesJob(10).id);
  });

  it('filters the visible page only, and says so', async () => {
    const user = userEvent.setup();
    fakeApi({ jobs: [seriesJob(0, { status: 'failed', errorCode: 'E' }), ...jobSeries(29, 1)] });
    renderAt('/jobs');
    await screen.findByText('1-30 of 30');
    expect(screen.getByText('Filters apply to this page only.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Status'), 'failed');
    expect(screen.getByText('Filtering this page only: 1 of its 30 jobs.')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('prefetches the next page once this one is on screen', async () => {
    const api = fakeApi({ jobs: jobSeries(100) });
    renderAt('/jobs?perPage=10');
    await screen.findByText('1-10 of 100');
    await waitFor(() => expect(api.calls).toContain('/api/jobs?skip=10&perPage=10'));
  });
});
