import { act, render, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { shortId } from '../../lib/format.ts';
import { renderInRouter } from '../../test-kit/render-in-router.tsx';
import { useDocumentTitle } from '../../ui/use-document-title.ts';
import { JobsTable } from './jobs-table.tsx';
import type { ListJob } from './list-job.ts';

const T0 = Date.parse('2026-11-01T12:00:00Z');

function job(overrides: Partial<ListJob> = {}): ListJob {
  return {
    id: '3f2a1b4c-0000-4000-8000-000000000001',
    jobType: 'structured-extraction',
    status: 'running',
    ownerUser: 'demo',
    inputBytes: 14_011,
    startedAt: new Date(T0 - 65_000).toISOString(),
    createdAt: new Date(T0 - 70_000).toISOString(),
    updatedAt: new Date(T0 - 65_000).toISOString(),
    ...overrides,
  };
}

function renderTable(rows: ListJob[], pending?: number) {
  return renderInRouter(<JobsTable rows={rows} pending={pending} />);
}

afterEach(() => vi.useRealTimers());

describe('JobsTable', () => {
  it('ticks the duration of a running job, and only shows data it may show', () => {
    vi.useFakeTimers({ now: T0 });
    renderTable([job()]);
    const row = screen.getAllByRole('row')[1];
    expect(row).toBeDefined();
    expect(within(row as HTMLElement).getByText('1 min 5 s')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3000));
    expect(within(row as HTMLElement).getByText('1 min 8 s')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('payload');
  });

  it('shows no running time for a queued job, and unknown statuses as they are', () => {
    renderTable([
      job({ status: 'queued' }),
      job({ id: 'x-2', status: 'paused-by-ops', completedAt: new Date(T0).toISOString() }),
    ]);
    expect(screen.getByTitle('Not started')).toHaveTextContent('—');
    expect(screen.getByText('paused-by-ops')).toBeInTheDocument();
  });

  it('cuts long server text short in every attribute (hovers, labels)', () => {
    const long = 'w'.repeat(100_000);
    renderTable([
      job({
        id: `id-${long}`,
        jobType: long,
        ownerUser: long,
        ownerOrganization: long,
        status: long,
        createdAt: long,
        errorCode: long,
        errorMessage: long,
      }),
    ]);
    const attributes = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes]
        .filter((a) => a.name === 'title' || a.name.startsWith('aria-'))
        .map((a) => a.value),
    );
    expect(attributes.some((value) => value.includes('w'.repeat(200)))).toBe(true);
    expect(Math.max(...attributes.map((value) => value.length))).toBeLessThanOrEqual(201 + 10);
  });

  it('cuts a long document title short', () => {
    function Titled() {
      useDocumentTitle(`Jobs · ${'o'.repeat(10_000)}`);
      return null;
    }
    render(<Titled />);
    expect(document.title.length).toBeLessThan(230);
  });

  it('keeps short ids whole and shortens long ones', () => {
    expect(shortId('3f2a1b4c-0000-4000-8000-000000000001')).toBe('3f2a1b4c');
    expect(shortId('job-7')).toBe('job-7');
  });
  it("shows each job's payload size, input and output apart in the hover", () => {
    renderTable([
      job({ id: 'finished', status: 'completed', inputBytes: 614_400, outputBytes: 614_400 }),
      job({ id: 'running', inputBytes: 900 }),
      job({ id: 'done-live', status: 'completed', inputBytes: 10, outputNotReceived: true }),
    ]);
    expect(screen.getByRole('columnheader', { name: 'Size' })).toBeInTheDocument();
    const [, finished, running, doneLive] = screen.getAllByRole('row');
    const finishedSize = within(finished as HTMLElement).getByText('1.2 MB');
    expect(finishedSize).toHaveAttribute('title', 'Input 600 KB · output 600 KB');
    const runningSize = within(running as HTMLElement).getByText('900 B');
    expect(runningSize).toHaveAttribute('title', 'Input 900 B · no output');
    // Seen finishing by its status alone: its output is still to be counted.
    const doneSize = within(doneLive as HTMLElement).getByText('≥ 10 B');
    expect(doneSize).toHaveAttribute('title', 'Input 10 B · output not in the list yet');
  });
});

describe('rows still to come', () => {
  it('keeps the full height of a long page with a screenful of placeholders', () => {
    const { container } = renderTable([], 100);
    expect(container.querySelectorAll('tr[data-skeleton]')).toHaveLength(20);
    const spacer = container.querySelector('tbody:last-child tr:last-child td') as HTMLElement;
    expect(spacer.style.height).toBe('calc(80 * (2.5rem + 1px))');
    expect(screen.getByRole('table', { name: 'Jobs' })).toHaveAttribute('aria-busy', 'true');
  });

  it('draws every placeholder of a short page', () => {
    const { container } = renderTable([], 10);
    expect(container.querySelectorAll('tr[data-skeleton]')).toHaveLength(10);
  });

  it('shows the rows read so far above the places of the rest, and says more are coming', () => {
    const { container } = renderTable([job({ id: 'came-first' })], 29);
    expect(screen.getByRole('link', { name: 'came-first' })).toBeInTheDocument();
    expect(container.querySelectorAll('tr[data-job-id]')).toHaveLength(1);
    expect(container.querySelectorAll('tr[data-skeleton]')).toHaveLength(2);
    const spacer = container.querySelector('tbody:last-child tr:last-child td') as HTMLElement;
    expect(spacer.style.height).toBe('calc(27 * (2.5rem + 1px))');
    expect(screen.getByRole('table', { name: 'Jobs' })).toHaveAttribute('aria-busy', 'true');
  });

  it('has no placeholders and is not busy once the page is complete', () => {
    const { container } = renderTable([job({ id: 'done' })]);
    expect(container.querySelectorAll('tr[data-skeleton]')).toHaveLength(0);
    expect(screen.getByRole('table', { name: 'Jobs' })).not.toHaveAttribute('aria-busy');
  });
});
