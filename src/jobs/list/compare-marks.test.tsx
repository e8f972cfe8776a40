import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { jobSeries } from '../../test-kit/jobs.ts';
import { renderInRouter } from '../../test-kit/render-in-router.tsx';
import { renderListPage } from '../../test-kit/render-list-page.tsx';
import { clearMarks, toggleMark, useCompareMarks } from './compare-marks.ts';

const KEY = 'nuextract.compareMarks';
function Marks({ read = useCompareMarks }: { read?: typeof useCompareMarks }) {
  const { ids, message } = read();
  return (
    <>
      <p>Marked: {ids.join(' ')}</p>
      <p>{message}</p>
    </>
  );
}
const marked = () => screen.getByText(/^Marked:/).textContent;

beforeEach(() => act(() => clearMarks()));
afterEach(() => vi.unstubAllGlobals());

describe('compare marks', () => {
  it('marks and unmarks, keeps them in session storage, and says what it did', () => {
    renderInRouter(<Marks />);
    act(() => toggleMark('job-a'));
    expect(marked()).toBe('Marked: job-a');
    expect(screen.getByText('Job job-a marked for compare (1 of 2).')).toBeInTheDocument();
    act(() => toggleMark('job-b'));
    expect(JSON.parse(sessionStorage.getItem(KEY) ?? '')).toEqual(['job-a', 'job-b']);
    act(() => toggleMark('job-a'));
    expect(marked()).toBe('Marked: job-b');
    expect(screen.getByText('Job job-a is no longer marked for compare.')).toBeInTheDocument();
  });

  it('lets the oldest mark go when a third job is marked', () => {
    renderInRouter(<Marks />);
    for (const id of ['job-a', 'job-b', 'job-c']) act(() => toggleMark(id));
    expect(marked()).toBe('Marked: job-b job-c');
    expect(
      screen.getByText(
        'Job job-c marked for compare; job job-a is no longer marked (two at most).',
      ),
    ).toBeInTheDocument();
  });

  it('reads back only what can be marks from storage', async () => {
    for (const [stored, ids] of [
      ['["a","b"]', 'a b'],
      ['["a","a","..",7,"b","c"]', 'b c'],
      ['{"a":1}', ''],
      ['not json', ''],
    ] as const) {
      sessionStorage.setItem(KEY, stored);
      vi.resetModules();
      const fresh = await import('./compare-marks.ts');
      const view = renderInRouter(<Marks read={fresh.useCompareMarks} />);
      expect(marked()).toBe(`Marked: ${ids}`);
      view.unmount();
    }
  });
});

describe('marking on the list', { timeout: 20_000 }, () => {
  function renderList() {
    fakeApi({ jobs: jobSeries(45) });
    return renderListPage().history;
  }

  it('marks by checkbox and by x, across pages, and Compare opens both ids', async () => {
    const user = userEvent.setup();
    const history = renderList();
    const compare = await screen.findByRole('button', { name: 'Compare (0 of 2 marked)' });
    expect(compare).toBeDisabled();

    await user.click(
      await screen.findByRole('checkbox', { name: 'Mark job job-0001 for compare' }),
    );
    expect(screen.getByRole('button', { name: 'Compare (1 of 2 marked)' })).toBeDisabled();

    // The marks outlive paging.
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('31-45 of 45');
    await user.keyboard('jj');
    await user.keyboard('x');
    const marked = screen.getByRole('checkbox', { name: 'Mark job job-0031 for compare' });
    expect(marked).toBeChecked();
    expect(screen.getByText('Job job-0031 marked for compare (2 of 2).')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Compare 2 marked jobs' }));
    expect(history.url()).toBe('/compare?a=job-0001-aaaa-bbbb-cccc&b=job-0031-aaaa-bbbb-cccc');
  });

  it('unmarks with x again, and Clear marks clears them all', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByText('1-30 of 45');
    const table = screen.getByRole('table', { name: 'Jobs' });
    await within(table).findByRole('checkbox', { name: 'Mark job job-0000 for compare' });
    await user.keyboard('jx');
    expect(
      within(table).getByRole('checkbox', { name: 'Mark job job-0000 for compare' }),
    ).toBeChecked();
    await user.keyboard('x');
    expect(
      within(table).getByRole('checkbox', { name: 'Mark job job-0000 for compare' }),
    ).not.toBeChecked();
    await user.keyboard('xjx');
    await user.click(screen.getByRole('button', { name: 'Clear marks' }));
    expect(within(table).queryAllByRole('checkbox', { checked: true })).toEqual([]);
    expect(screen.getByRole('button', { name: 'Compare (0 of 2 marked)' })).toBeDisabled();
  });
});
