import { act, screen, waitFor } from '@testing-library/react';
import { vi } from 'vitest';
import { fakeApi, sseEvent } from '../test-kit/fake-api.ts';
import { completedJob, listPage } from '../test-kit/jobs.ts';
import { jobPageTests } from '../test-kit/job-page-tests.tsx';
import { jobIdFromPathname } from './job-id.ts';
import { jobQueries } from './job-queries.ts';
import { jobTimings } from './job-metadata.tsx';

const base = completedJob({
  ownerOrganization: 'acme-legal',
  outputData: '{"result":{"answer":"forty-two"},"totalTokens":907}',
  createdAt: '2026-01-01T10:00:00Z',
  startedAt: '2026-01-01T10:00:05Z',
  completedAt: '2026-01-01T10:01:05Z',
  updatedAt: '2026-01-01T10:01:05Z',
});
const running = { ...base, status: 'running', outputData: undefined, completedAt: undefined };

const { renderAt, queryClient } = jobPageTests();

describe('job ids in the address', () => {
  it('decodes the raw segment exactly once (react-router would decode %2F twice)', () => {
    expect(jobIdFromPathname('/jobs/a%252Fb')).toBe('a%2Fb');
    expect(jobIdFromPathname('/jobs/a%2Fb%3F%23%20c%25')).toBe('a/b?# c%');
    expect(jobIdFromPathname('/jobs/..%2Fx')).toBe('../x');
    expect(jobIdFromPathname('/jobs/100%')).toBe('100%');
    expect(jobIdFromPathname('/jobs/x/')).toBe('x');
    expect(jobIdFromPathname('/jobs/a/b')).toBeNull();
  });

  it('requests exactly the encoded id, and shows it as it is', async () => {
    const id = 'a%2Fb/?# ../c';
    const api = fakeApi({ jobs: [{ ...base, id }] });
    renderAt(`/jobs/${encodeURIComponent(id)}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: `Job ${id}` }, { timeout: 5000 }),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.calls[0]).toBe(`/api/jobs/${encodeURIComponent(id)}`));
    expect(api.calls[0]).toBe('/api/jobs/a%252Fb%2F%3F%23%20..%2Fc');
  });

  it.each(['%2E', '%2E%2E', '.', '..'])(
    'refuses %s as a job id without requesting anything',
    async (segment) => {
      const api = fakeApi();
      renderAt(`/jobs/${segment}`);
      expect(
        await screen.findByRole('heading', { name: 'Not a valid job id' }),
      ).toBeInTheDocument();
      expect(api.calls).toEqual([]);
    },
  );
});

describe('the job page', () => {
  it('shows a finished job: metadata, output, input, no stream, the status in the title', async () => {
    const api = fakeApi({ jobs: [base] });
    renderAt('/jobs/job-1');
    expect(await screen.findByText('completed')).toBeInTheDocument();
    expect(screen.getByText('inference')).toBeInTheDocument();
    expect(screen.getByText('acme-legal')).toBeInTheDocument();
    expect(screen.getByText('1 min 0 s')).toBeInTheDocument(); // run duration
    expect(screen.getByRole('region', { name: 'Output' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Input' })).toBeInTheDocument();
    expect(await screen.findByText(/forty-two/)).toBeInTheDocument();
    expect(screen.queryByTestId('live-indicator')).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('completed · Job job-1 · NuExtract Jobs'));
    expect(api.calls.filter((c) => c.endsWith('/stream'))).toEqual([]);
  });

  it('leads a failed job with its error code and message', async () => {
    fakeApi({
      jobs: [
        {
          ...base,
          status: 'failed',
          outputData: undefined,
          errorCode: 'ContextLengthExceeded',
          errorMessage: 'The input is <b>too</b> long.',
        },
      ],
    });
    renderAt('/jobs/job-1');
    const failure = await screen.findByRole('heading', { name: 'Failed: ContextLengthExceeded' });
    expect(screen.getByText('The input is <b>too</b> long.')).toBeInTheDocument();
    const metadata = screen.getByText('Type');
    expect(
      failure.compareDocumentPosition(metadata) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(screen.getByText('This job has no output.')).toBeInTheDocument();
  });

  it('says Job not found for an unknown id, with a way back', async () => {
    fakeApi();
    renderAt('/jobs/nope');
    expect(await screen.findByRole('heading', { name: 'Job not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the jobs list' })).toHaveAttribute(
      'href',
      '/jobs',
    );
  });

  it("says You don't have access for someone else's job", async () => {
    fakeApi({ jobs: [base] }).refuse('job-1', 403);
    renderAt('/jobs/job-1');
    expect(
      await screen.findByRole('heading', { name: "You don't have access" }),
    ).toBeInTheDocument();
  });

  it('explains other failures and offers a retry', async () => {
    fakeApi({ jobs: [base] }).refuse('job-1', 500);
    renderAt('/jobs/job-1');
    expect(await screen.findByText('Could not load the job')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('fetches the job itself even when a cached list page has its row (rows keep no payloads)', async () => {
    const api = fakeApi({ jobs: [base] });
    queryClient().setQueryData(
      jobQueries.list({ organization: null, skip: 0, perPage: 30 }).queryKey,
      listPage([base]),
    );
    renderAt('/jobs/job-1');
    await screen.findByText(/forty-two/);
    expect(api.calls).toEqual(['/api/jobs/job-1']);
  });

  it('follows a running job: live, then the result, the new title and an announcement', async () => {
    const api = fakeApi({ jobs: [running] });
    renderAt('/jobs/job-1');
    expect(await screen.findByText('running')).toBeInTheDocument();
    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(
      screen.getByText('The output appears here as soon as the job finishes.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Not yet')).toBeInTheDocument();
    await act(async () => {
      api.lastStream().send(sseEvent('result', JSON.stringify(base)));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(await screen.findByText('completed')).toBeInTheDocument();
    expect(await screen.findByText('Job job-1 completed.')).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(document.title).toBe('completed · Job job-1 · NuExtract Jobs'));
    expect(await screen.findByText(/forty-two/)).toBeInTheDocument();
    expect(screen.queryByTestId('live-indicator')).not.toBeInTheDocument();
  });

  it('offers a desktop notification on a click, never asking on load', async () => {
    const requestPermission = vi.fn(async () => 'granted' as NotificationPermission);
    const shown: string[] = [];
    const FakeNotification = Object.assign(
      function FakeNotification(title: string) {
        shown.push(title);
      },
      { permission: 'default' as NotificationPermission, requestPermission },
    );
    vi.stubGlobal('Notification', FakeNotification);
    const api = fakeApi({ jobs: [running] });
    renderAt('/jobs/job-1');
    const button = await screen.findByRole('button', { name: 'Notify me when finished' });
    expect(requestPermission).not.toHaveBeenCalled();
    await act(async () => button.click());
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(
      await screen.findByRole('button', { name: 'Will notify when finished' }),
    ).toHaveAttribute('aria-pressed', 'true');
    await screen.findByText('Live');
    await act(async () => {
      api.lastStream().send(sseEvent('result', JSON.stringify(base)));
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    await waitFor(() => expect(shown).toEqual(['Job job-1 completed.']));
  });
});

describe('job timings', () => {
  const now = Date.parse('2026-01-01T10:10:00Z');
  it('counts the queue wait while waiting and the run while running', () => {
    const queued = { ...base, status: 'queued', completedAt: undefined, startedAt: base.createdAt };
    expect(jobTimings(queued, now)).toEqual({
      waiting: true,
      queueWaitMs: 600_000,
      runMs: undefined,
    });
    const running = { ...base, status: 'running', completedAt: undefined };
    expect(jobTimings(running, now)).toMatchObject({ queueWaitMs: 5000, runMs: 595_000 });
    expect(jobTimings(base, now)).toMatchObject({ queueWaitMs: 5000, runMs: 60_000 });
  });
});
