import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Job } from '../api/types.ts';
import { fakeApi, json, sseEvent } from '../test-kit/fake-api.ts';
import { completedJob, statusOf } from '../test-kit/jobs.ts';
import { jobPageTests } from '../test-kit/job-page-tests.tsx';

// The job page against the service of 2026 (vendor-2026.md): no GET /api/jobs/{id}, the job from
// /status and its stream's result, a failed job's result as {code, message}, and the cancel endpoint.

// Its timestamps as that service writes them, with microseconds and an offset.
const done = completedJob({
  inputData: '{"text":"the input"}',
  createdAt: '2026-01-01T10:00:00.000000+00:00',
  startedAt: '2026-01-01T10:00:05.000000+00:00',
  completedAt: '2026-01-01T10:01:05.000000+00:00',
  updatedAt: '2026-01-01T10:01:05.000000+00:00',
});
const running: Job = { ...done, status: 'running', outputData: undefined, completedAt: undefined };

type Options = {
  /** What GET /api/jobs/{id} answers (404 by default). */
  detail?: number;
  /** A finished job's stream result, when not the job itself. */
  result?: string;
  /** What POST …/cancel answers. */
  cancel?: { status: number; body: string };
};

/**
 * The kit's fake API as the service of 2026: the detail endpoint is missing, a finished job's stream
 * sends its result and ends, cancel answers; an unfinished job's stream is driven by hand (`send`).
 */
function fake2026(jobs: Job[], options: Options = {}) {
  const api = fakeApi({ jobs });
  api.reply((url) => {
    const match = /^\/api\/jobs\/([^/]+)(\/stream|\/cancel)?$/.exec(url.pathname);
    const job = api.jobs.find((j) => j.id === decodeURIComponent(match?.[1] ?? ''));
    if (!match || !job) return undefined;
    if (match[2] === undefined) return json({ message: 'Not Found' }, options.detail ?? 404);
    if (match[2] === '/cancel') {
      const reply = options.cancel ?? { status: 200, body: JSON.stringify(statusOf(job)) };
      return new Response(reply.body, { status: reply.status });
    }
    if (!job.completedAt) return undefined;
    const data = options.result ?? JSON.stringify(job);
    return new Response(sseEvent('result', data), {
      headers: { 'Content-Type': 'text/event-stream' },
    });
  });
  return Object.assign(api, {
    async send(text: string) {
      await act(async () => {
        api.lastStream().send(text);
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
    },
  });
}

const { renderAt } = jobPageTests();

describe('a service without the detail endpoint', () => {
  it('shows a finished job from /status and its output and input from the stream', async () => {
    const api = fake2026([done]);
    renderAt('/jobs/job-1');
    expect(await screen.findByText(/forty-two/)).toBeInTheDocument();
    expect(await screen.findByText(/the input/)).toBeInTheDocument();
    expect(screen.getByText('completed')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Job not found' })).not.toBeInTheDocument();
    expect(api.calls).toEqual([
      '/api/jobs/job-1',
      '/api/jobs/job-1/status',
      '/api/jobs/job-1/stream',
    ]);
  });

  it('takes a 405 the same way, and stops asking the endpoint for the session', async () => {
    const api = fake2026([done, { ...done, id: 'job-2' }], { detail: 405 });
    const { history } = renderAt('/jobs/job-1');
    await screen.findByText(/forty-two/);
    await act(() => history.navigate('/jobs/job-2'));
    expect(await screen.findByRole('heading', { name: 'Job job-2' })).toBeInTheDocument();
    await screen.findByText(/forty-two/);
    expect(api.calls.filter((call) => call.includes('job-2'))).toEqual([
      '/api/jobs/job-2/status',
      '/api/jobs/job-2/stream',
    ]);
  });

  it('says input and output are not available when the stream cannot give them', async () => {
    fake2026([done], { result: '"not a job"' });
    renderAt('/jobs/job-1');
    expect(
      await screen.findByText('Input and output are not available from this server.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Type')).toBeInTheDocument(); // the metadata is there
  });

  it('is "Job not found" only when /status does not know the job either', async () => {
    fake2026([]);
    renderAt('/jobs/nope');
    expect(await screen.findByRole('heading', { name: 'Job not found' })).toBeInTheDocument();
  });

  it('follows a running job to its end and takes input and output from the result', async () => {
    const api = fake2026([running]);
    renderAt('/jobs/job-1');
    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Input: this server sends it together with the output, when the job finishes.',
      ),
    ).toBeInTheDocument();
    await api.send(sseEvent('result', JSON.stringify(done)));
    expect(await screen.findByText(/forty-two/)).toBeInTheDocument();
    expect(screen.getByText(/the input/)).toBeInTheDocument();
    expect(screen.getByText('completed')).toBeInTheDocument();
  });
});

describe('a failed result that is not a job', () => {
  const failure = JSON.stringify({ code: 413, message: 'Request Entity Too Large' });

  it('shows a finished job failure with its numeric code and message', async () => {
    fake2026([{ ...done, status: 'failed', outputData: undefined }], { result: failure });
    renderAt('/jobs/job-1');
    expect(await screen.findByRole('heading', { name: 'Failed: 413' })).toBeInTheDocument();
    expect(screen.getByText('Request Entity Too Large')).toBeInTheDocument();
    expect(screen.getByText('Input and output are not available from this server.')).toBeVisible();
  });

  it('ends a live job as failed, refreshes it through /status and stops showing it live', async () => {
    const api = fake2026([running]);
    renderAt('/jobs/job-1');
    await screen.findByText('Live');
    api.jobs[0] = { ...done, status: 'failed', outputData: undefined };
    await api.send(sseEvent('result', failure));
    expect(await screen.findByRole('heading', { name: 'Failed: 413' })).toBeInTheDocument();
    expect(screen.getByText('failed')).toBeInTheDocument();
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
    await waitFor(() => expect(api.calls.at(-1)).toBe('/api/jobs/job-1/status'));
  });

  it('shows a stream error event with a numeric code by that code', async () => {
    const api = fake2026([running]);
    renderAt('/jobs/job-1');
    await screen.findByText('Live');
    await api.send(sseEvent('error', '{"code": 429, "message": "Slow down"}'));
    expect(await screen.findByText(/429/)).toBeInTheDocument();
  });
});

describe('cancelling a job', () => {
  it('asks in the page, sends one request, then follows the job to its end', async () => {
    const api = fake2026([running]);
    renderAt('/jobs/job-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
    const yes = screen.getByRole('button', { name: 'Yes, cancel' });
    expect(yes).toHaveFocus();
    await userEvent.click(yes);
    expect(await screen.findByText(/Cancellation requested/)).toBeInTheDocument();
    expect(api.count('/cancel')).toBe(1);
    await api.send(
      sseEvent('result', JSON.stringify({ ...done, status: 'cancelled', outputData: undefined })),
    );
    expect(await screen.findByText('cancelled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Cancellation requested/)).not.toBeInTheDocument();
  });

  it('can be backed out of without a request', async () => {
    const api = fake2026([running]);
    renderAt('/jobs/job-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep it running' }));
    expect(screen.getByRole('button', { name: 'Cancel job' })).toHaveFocus();
    expect(api.count('/cancel')).toBe(0);
  });

  it.each([
    [400, 'Job job-1 is a child of job job-0: cancel the parent instead'],
    [403, 'You do not have permission to cancel this job'],
    [404, 'Job not found'],
  ])("shows the server's message as it is on %i", async (status, message) => {
    fake2026([running], {
      cancel: { status, body: status === 400 ? message : JSON.stringify({ message }) },
    });
    renderAt('/jobs/job-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `The job was not cancelled: ${message}`,
    );
    expect(screen.getByText('running')).toBeInTheDocument();
  });

  it('is not offered on a finished job', async () => {
    fake2026([done]);
    renderAt('/jobs/job-1');
    await screen.findByText(/forty-two/);
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
  });
});
