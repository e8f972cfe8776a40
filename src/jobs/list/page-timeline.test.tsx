import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { jobSeries, runningJob, seriesJob } from '../../test-kit/jobs.ts';
import { renderListPage } from '../../test-kit/render-list-page.tsx';

const renderList = () => renderListPage('/jobs?perPage=10');

const timeline = (name: RegExp = /^Timeline of/) => screen.findByRole('group', { name });

afterEach(() => vi.unstubAllGlobals());

describe('the page timeline', { timeout: 15_000 }, () => {
  it('is hidden until switched on, and the choice is remembered', async () => {
    fakeApi({ jobs: jobSeries(12) });
    const first = renderList();
    await screen.findByText('1-10 of 12');
    expect(screen.queryByRole('group', { name: /^Timeline/ })).toBeNull();
    expect(screen.queryByTestId('timeline')).toBeNull();

    await userEvent.click(screen.getByRole('switch', { name: 'Show timeline' }));
    expect(await timeline(/^Timeline of 10 jobs on this page, from /)).toBeInTheDocument();
    first.unmount();

    renderList();
    expect(screen.getByRole('switch', { name: 'Show timeline' })).toBeChecked();
    // The place is there before the rows, so nothing moves when they come.
    expect(screen.getByTestId('timeline')).toBeInTheDocument();
    expect(await timeline()).toBeInTheDocument();

    await userEvent.click(screen.getByRole('switch', { name: 'Show timeline' }));
    expect(screen.queryByTestId('timeline')).toBeNull();
    expect(localStorage.getItem('nuextract.showTimeline')).toBeNull();
  });

  it('draws a bar per row, in the rows order, each a link named by the job and its times', async () => {
    localStorage.setItem('nuextract.showTimeline', '1');
    fakeApi({
      jobs: [
        runningJob({
          id: 'run-1111-aaaa',
          createdAt: new Date(Date.now() - 60_000).toISOString(),
          startedAt: new Date(Date.now() - 30_000).toISOString(),
        }),
        seriesJob(1, { status: 'failed' }),
        seriesJob(2, { status: 'paused-by-ops', completedAt: undefined, startedAt: undefined }),
        seriesJob(3),
      ],
    });
    const { history } = renderList();
    const bars = within(await timeline(/^Timeline of 4 jobs/)).getAllByRole('link');
    const [, failed] = bars as [HTMLElement, HTMLElement];
    const rowIds = within(screen.getByRole('table', { name: 'Jobs' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.getAttribute('data-job-id'));
    expect(bars.map((bar) => bar.getAttribute('data-job-id'))).toEqual(rowIds);
    expect(bars.map((bar) => bar.getAttribute('data-family'))).toEqual([
      'running',
      'failed',
      'unknown',
      'succeeded',
    ]);
    expect(bars[0]).toHaveAccessibleName(
      /^Job run-1111, running\. Created .+ ago\. Started .+ ago, after 30 s\. Running for \d+ s$/,
    );
    expect(bars[3]).toHaveAccessibleName(/^Job job-0003, completed\. .*Completed .*, ran 12 s$/);
    expect(bars[2]).toHaveAccessibleName(
      /^Job job-0002, paused-by-ops\. .*Not started, waiting for /,
    );

    // Focus shows the job's details beside its bar; a click opens the job.
    fireEvent.focus(failed);
    const details = screen.getByTestId('timeline-details');
    expect(details).toHaveTextContent('Job job-0001, failed');
    expect(details).toHaveTextContent(/Completed .+, ran 12 s/);
    fireEvent.blur(failed);
    expect(screen.queryByTestId('timeline-details')).toBeNull();

    // The filters narrow the picture with the table.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed');
    expect(await timeline(/^Timeline of 1 job on this page/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), '');
    const again = within(await timeline(/^Timeline of 4 jobs/)).getByRole('link', {
      name: /^Job job-0003/,
    });

    await userEvent.click(again);
    expect(history.url()).toBe('/jobs/job-0003-aaaa-bbbb-cccc');
  });

  it('says how many jobs have times it cannot place', async () => {
    localStorage.setItem('nuextract.showTimeline', '1');
    fakeApi({
      jobs: [
        seriesJob(0, { createdAt: 'yesterday' }),
        seriesJob(1),
        seriesJob(2, { completedAt: '2026-02-31T00:00:00Z' }),
      ],
    });
    renderList();
    const group = await timeline(/^Timeline of 1 job on this page/);
    expect(within(group).getAllByRole('link')).toHaveLength(1);
    expect(
      screen.getByText(/2 jobs could not be placed: their times are unreadable\./),
    ).toBeInTheDocument();
  });
});
