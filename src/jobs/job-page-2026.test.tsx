import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { Job } from '../api/types.ts';
import { clearToken, setToken } from '../auth/token-store.ts';
import { JobPage } from './job-page.tsx';

// The job page against the service of 2026 (vendor-2026.md): no GET /api/jobs/{id}, the job from
// /status and its stream's result, a failed job's result as {code, message}, and the cancel endpoint.

const done: Job = {
  id: 'job-1',
  jobType: 'inference',
  status: 'completed',
  ownerUser: 'demo',
  inputData: '{"text":"the input"}',
  outputData: '{"result":{"answer":"forty-two"}}',
  createdAt: '2026-01-01T10:00:00.000000+00:00',
  startedAt: '2026-01-01T10:00:05.000000+00:00',
  completedAt: '2026-01-01T10:01:05.000000+00:00',
  updatedAt: '2026-01-01T10:01:05.000000+00:00',
};
const running: Job = { ...done, status: 'running', outputData: undefined, completedAt: undefined };

function statusOf(job: Job) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { inputData, outputData, errorMessage, errorCode, ...status } = job;
  return status;
}

type Reply = { status: number; body: string };

type Options = {
  /** What GET /api/jobs/{id} answers (404 by default). */
  detail?: number;
  /** A finished job's stream result, when not the job itself. */
  result?: string;
  /** What POST …/cancel answers. */
  cancel?: Reply;
};

const encoder = new TextEncoder();

/** A fake service of 2026 over `jobs`; unfinished jobs' streams are driven by hand (`send`). */
function fake2026(jobs: Record<string, Job>, options: Options = {}) {
  const calls: string[] = [];
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      calls.push(`${init.method ?? 'GET'} ${url}`);
      const match = /^\/api\/jobs\/([^/]+)(\/status|\/stream|\/cancel)?$/.exec(url);
      const job = jobs[decodeURIComponent(match?.[1] ?? '')];
      if (!job) return Response.json({ message: 'Job not found' }, { status: 404 });
      switch (match?.[2]) {
        case undefined:
          return Response.json({ message: 'Not Found' }, { status: options.detail ?? 404 });
        case '/status':
          return Response.json(statusOf(job));
        case '/cancel': {
          const reply = options.cancel ?? { status: 200, body: JSON.stringify(statusOf(job)) };
          return new Response(reply.body, { status: reply.status });
        }
      }
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (job.completedAt) {
            const data = options.result ?? JSON.stringify(job);
            controller.enqueue(encoder.encode(`event: result\ndata: ${data}\n\n`));
            controller.close();
          } else streams.push(controller);
        },
      });
      init.signal?.addEventListener('abort', () => {
        for (const stream of streams) {
          try {
            stream.error(new DOMException('Aborted', 'AbortError'));
          } catch {
            // already closed
          }
        }
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
    }),
  );
  return {
    calls,
    async send(text: string) {
      await act(async () => {
        streams.at(-1)?.enqueue(encoder.encode(text));
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
    },
  };
}

let queryClient: QueryClient;

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/jobs', element: <p>The list</p> },
      { path: '/jobs/:jobId', element: <JobPage /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

beforeEach(() => {
  setToken('tok', false);
  queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
});

afterEach(() => {
  queryClient.clear();
  clearToken('signed-out');
  vi.unstubAllGlobals();
});

describe('a service without the detail endpoint', () => {
  it('shows a finished job from /status and its output and input from the stream', async () => {
    const api = fake2026({ 'job-1': done });
    renderAt('/jobs/job-1');
    expect(await screen.findByText(/forty-two/)).toBeInTheDocument();
    expect(await screen.findByText(/the input/)).toBeInTheDocument();
    expect(screen.getByText('completed')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Job not found' })).not.toBeInTheDocument();
    expect(api.calls).toEqual([
      'GET /api/jobs/job-1',
      'GET /api/jobs/job-1/status',
      'GET /api/jobs/job-1/stream',
    ]);
  });

  it('takes a 405 the same way, and stops asking the endpoint for the session', async () => {
    const api = fake2026({ 'job-1': done, 'job-2': { ...done, id: 'job-2' } }, { detail: 405 });
    const router = renderAt('/jobs/job-1');
    await screen.findByText(/forty-two/);
    await act(() => router.navigate('/jobs/job-2'));
    expect(await screen.findByRole('heading', { name: 'Job job-2' })).toBeInTheDocument();
    await screen.findByText(/forty-two/);
    expect(api.calls.filter((call) => call.includes('job-2'))).toEqual([
      'GET /api/jobs/job-2/status',
      'GET /api/jobs/job-2/stream',
    ]);
  });

  it('says input and output are not available when the stream cannot give them', async () => {
    fake2026({ 'job-1': done }, { result: '"not a job"' });
    renderAt('/jobs/job-1');
    expect(
      await screen.findByText('Input and output are not available from this server.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Type')).toBeInTheDocument(); // the metadata is there
  });

  it('is "Job not found" only when /status does not know the job either', async () => {
    fake2026({});
    renderAt('/jobs/nope');
    expect(await screen.findByRole('heading', { name: 'Job not found' })).toBeInTheDocument();
  });

  it('follows a running job to its end and takes input and output from the result', async () => {
    const api = fake2026({ 'job-1': running });
    renderAt('/jobs/job-1');
    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Input: this server sends it together with the output, when the job finishes.',
      ),
    ).toBeInTheDocument();
    await api.send(`event: result\ndata: ${JSON.stringify(done)}\n\n`);
    expect(await screen.findByText(/forty-two/)).toBeInTheDocument();
    expect(screen.getByText(/the input/)).toBeInTheDocument();
    expect(screen.getByText('completed')).toBeInTheDocument();
  });
});

describe('a failed result that is not a job', () => {
  const failure = JSON.stringify({ code: 413, message: 'Request Entity Too Large' });

  it('shows a finished job failure with its numeric code and message', async () => {
    fake2026(
      { 'job-1': { ...done, status: 'failed', outputData: undefined } },
      { result: failure },
    );
    renderAt('/jobs/job-1');
    expect(await screen.findByRole('heading', { name: 'Failed: 413' })).toBeInTheDocument();
    expect(screen.getByText('Request Entity Too Large')).toBeInTheDocument();
    expect(screen.getByText('Input and output are not available from this server.')).toBeVisible();
  });

  it('ends a live job as failed, refreshes it through /status and stops showing it live', async () => {
    const jobs = { 'job-1': running };
    const api = fake2026(jobs);
    renderAt('/jobs/job-1');
    await screen.findByText('Live');
    jobs['job-1'] = { ...done, status: 'failed', outputData: undefined };
    await api.send(`event: result\ndata: ${failure}\n\n`);
    expect(await screen.findByRole('heading', { name: 'Failed: 413' })).toBeInTheDocument();
    expect(screen.getByText('failed')).toBeInTheDocument();
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
    await waitFor(() => expect(api.calls.at(-1)).toBe('GET /api/jobs/job-1/status'));
  });

  it('shows a stream error event with a numeric code by that code', async () => {
    const api = fake2026({ 'job-1': running });
    renderAt('/jobs/job-1');
    await screen.findByText('Live');
    await api.send(`event: error\ndata: {"code": 429, "message": "Slow down"}\n\n`);
    expect(await screen.findByText(/429/)).toBeInTheDocument();
  });
});

describe('cancelling a job', () => {
  it('asks in the page, sends one request, then follows the job to its end', async () => {
    const api = fake2026({ 'job-1': running });
    renderAt('/jobs/job-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
    const yes = screen.getByRole('button', { name: 'Yes, cancel' });
    expect(yes).toHaveFocus();
    await userEvent.click(yes);
    expect(await screen.findByText(/Cancellation requested/)).toBeInTheDocument();
    expect(api.calls.filter((call) => call.startsWith('POST'))).toEqual([
      'POST /api/jobs/job-1/cancel',
    ]);
    await api.send(
      `event: result\ndata: ${JSON.stringify({ ...done, status: 'cancelled', outputData: undefined })}\n\n`,
    );
    expect(await screen.findByText('cancelled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Cancellation requested/)).not.toBeInTheDocument();
  });

  it('can be backed out of without a request', async () => {
    const api = fake2026({ 'job-1': running });
    renderAt('/jobs/job-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep it running' }));
    expect(screen.getByRole('button', { name: 'Cancel job' })).toHaveFocus();
    expect(api.calls.filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it.each([
    [400, 'Job job-1 is a child of job job-0: cancel the parent instead'],
    [403, 'You do not have permission to cancel this job'],
    [404, 'Job not found'],
  ])("shows the server's message as it is on %i", async (status, message) => {
    const jobs: Record<string, Job> = { 'job-1': running };
    fake2026(jobs, {
      cancel: { status, body: status === 400 ? message : JSON.stringify({ message }) },
    });
    renderAt('/jobs/job-1');
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
    // A 404 is about the job when the job is gone for /status too.
    if (status === 404) delete jobs['job-1'];
    await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `The job was not cancelled: ${message}`,
    );
    expect(screen.getByText('running')).toBeInTheDocument();
  });

  it.each([404, 405])(
    'says this server cannot cancel jobs on a %i for a job /status knows (the contract has no cancel)',
    async (status) => {
      const api = fake2026(
        { 'job-1': running },
        { cancel: { status, body: JSON.stringify({ message: 'Not found' }) } },
      );
      renderAt('/jobs/job-1');
      await userEvent.click(await screen.findByRole('button', { name: 'Cancel job' }));
      await userEvent.click(screen.getByRole('button', { name: 'Yes, cancel' }));
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'The job was not cancelled: this server cannot cancel jobs (it has no cancel endpoint).',
      );
      expect(api.calls.filter((call) => call.startsWith('POST'))).toHaveLength(1);
      expect(screen.getByText('running')).toBeInTheDocument();
    },
  );

  it('is not offered on a finished job', async () => {
    fake2026({ 'job-1': done });
    renderAt('/jobs/job-1');
    await screen.findByText(/forty-two/);
    expect(screen.queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument();
  });
});
