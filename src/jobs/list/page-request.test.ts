import { vi } from 'vitest';
import { setToken } from '../../auth/token-store.ts';
import { fakeApi, json } from '../../test-kit/fake-api.ts';
import { jobSeries, listPage } from '../../test-kit/jobs.ts';
import { fetchJobsPage } from '../jobs-api.ts';
import { servePageRequests } from './fetch-rows.ts';
import type { ListJob } from './list-job.ts';
import { startEarlyListRequest, takeEarlyListRequest } from './early-list-request.ts';
import { sendPageRequest } from './page-request.ts';
import type { RowsReply, RowsRequest } from './rows-protocol.ts';

// jsdom has no Worker: the list worker's own code runs here, its messages copied as between threads.
const toWorker = vi.fn<(request: RowsRequest) => void>();
const started: InProcessWorker[] = [];
class InProcessWorker extends EventTarget {
  constructor() {
    super();
    started.push(this);
  }
  private readonly serve = servePageRequests((reply: RowsReply) =>
    setTimeout(() =>
      this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply) })),
    ),
  );
  postMessage(request: RowsRequest, transfer: Transferable[] = []) {
    toWorker(request);
    const copy = structuredClone(request, { transfer });
    setTimeout(() => this.serve(copy));
  }
  terminate() {}
}

beforeEach(() => {
  vi.stubGlobal('Worker', InProcessWorker);
  setToken('tok', false);
});
afterEach(() => {
  takeEarlyListRequest('', null); // none left over for the next test
  vi.unstubAllGlobals();
  toWorker.mockClear();
});

const FIRST_PAGE = { organization: null, skip: 0, perPage: 30 };
const encoder = new TextEncoder();

/** An answer whose body the test sends part by part. */
function heldBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new Response(body, { headers: { 'Content-Type': 'application/json' } }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    drop: () => controller.error(new TypeError('network error')),
  };
}

describe('a list page fetched by the list worker', () => {
  it('sends the request from the worker, with the token, and gives back only the rows', async () => {
    const api = fakeApi({ jobs: jobSeries(3) });
    const page = await fetchJobsPage(FIRST_PAGE);
    expect(toWorker).toHaveBeenCalledWith({
      id: expect.any(Number) as number,
      fetch: { path: '/api/jobs?skip=0&perPage=30', token: 'tok', maxBytes: 256 * 1024 * 1024 },
    });
    expect(api.calls).toEqual(['/api/jobs?skip=0&perPage=30']);
    const init = api.fetch.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer tok');
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(page).toEqual(listPage(jobSeries(3)));
  });

  it("sends a first visit's request from the page at once, and hands its body to the worker", async () => {
    const api = fakeApi({ jobs: jobSeries(3) });
    startEarlyListRequest(new URL('http://localhost/jobs'));
    expect(api.calls).toEqual(['/api/jobs?skip=0&perPage=30']);
    const page = await fetchJobsPage(FIRST_PAGE);
    expect(api.calls).toHaveLength(1);
    // The body went over in one chunk (handed over, so empty here now), then its end.
    expect(toWorker.mock.calls.map(([request]) => Object.keys(request).sort())).toEqual([
      ['chunk', 'id'],
      ['end', 'id'],
    ]);
    expect(page).toEqual(listPage(jobSeries(3)));
  });

  it("reads a first visit's error answer on the page, and gives the worker nothing of it", async () => {
    fakeApi().reply(() => json({ message: 'Down for maintenance' }, 503));
    startEarlyListRequest(new URL('http://localhost/jobs'));
    await expect(fetchJobsPage(FIRST_PAGE)).rejects.toMatchObject({
      kind: 'http',
      status: 503,
      message: 'Down for maintenance',
    });
    expect(toWorker).not.toHaveBeenCalled();
  });

  it('gives the rows read so far while the page arrives, and keeps them as the same objects', async () => {
    const body = heldBody();
    fakeApi().reply(() => body.response);
    const request = sendPageRequest('/api/jobs?skip=0&perPage=2', 'tok');
    const arrived = vi.fn<(rows: readonly ListJob[]) => void>();
    request.onArrived(arrived);
    const [first, second] = jobSeries(2).map((job) => JSON.stringify(job));
    body.send(`{"totalCount": 2, "skip": 0, "perPage": 2, "items": [${first},`);
    await vi.waitFor(() => expect(arrived).toHaveBeenCalledTimes(1));
    const shown = arrived.mock.calls[0]?.[0] ?? [];
    expect(shown.map((row) => row.id)).toEqual([jobSeries(1)[0]?.id]);
    body.send(`${second}]}`);
    body.end();
    const page = await request.page(await request.response);
    expect(page).toEqual(listPage(jobSeries(2), { perPage: 2 }));
    expect(page.items[0]).toBe(shown[0]);
  });

  it("carries an error answer's status, message and Retry-After", async () => {
    fakeApi().reply(() => json({ message: 'Busy, try later' }, 503, { 'Retry-After': '7' }));
    await expect(fetchJobsPage(FIRST_PAGE)).rejects.toMatchObject({
      kind: 'http',
      status: 503,
      message: 'Busy, try later',
      retryAfterMs: 7000,
    });
  });

  it('reads nothing of a page announced larger than the cap, and frees its connection', async () => {
    const cancelled = vi.fn();
    const body = new ReadableStream<Uint8Array>({ cancel: cancelled });
    fakeApi().reply(() => new Response(body, { headers: { 'Content-Length': String(2 ** 40) } }));
    await expect(fetchJobsPage(FIRST_PAGE)).rejects.toMatchObject({
      kind: 'invalid-response',
      message: "The server's answer is larger than 256 MB, more than this page reads.",
    });
    expect(cancelled).toHaveBeenCalled();
  });

  it('keeps the status of an error answer whose body breaks off', async () => {
    fakeApi().reply(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('{"message": "Bus'));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { status: 503, headers: { 'Retry-After': '3' } });
    });
    await expect(fetchJobsPage(FIRST_PAGE)).rejects.toMatchObject({
      kind: 'http',
      status: 503,
      retryAfterMs: 3000,
    });
  });

  it('calls a connection that drops part-way a network failure, to be tried again', async () => {
    const body = heldBody();
    fakeApi().reply(() => body.response);
    const pending = fetchJobsPage(FIRST_PAGE);
    body.send('{"items": [');
    body.drop();
    await expect(pending).rejects.toMatchObject({ kind: 'network' });
  });

  it('tells an HTML page and text that is not JSON apart from a page', async () => {
    fakeApi().reply(
      () => new Response('<!doctype html><p>Sign in', { headers: { 'Content-Type': 'text/html' } }),
    );
    await expect(fetchJobsPage(FIRST_PAGE)).rejects.toMatchObject({
      kind: 'invalid-response',
      message: 'The server sent an HTML page where data was expected.',
    });
    fakeApi().reply(() => new Response('{"items": [', { status: 200 }));
    await expect(fetchJobsPage(FIRST_PAGE)).rejects.toMatchObject({
      kind: 'invalid-response',
      message: 'The server sent a response that is not valid JSON.',
    });
  });

  it("stops the worker's request when the list stops waiting", async () => {
    const body = heldBody();
    const api = fakeApi();
    api.reply(() => body.response);
    const controller = new AbortController();
    const pending = fetchJobsPage(FIRST_PAGE, controller.signal);
    body.send('{"items": [');
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const init = api.fetch.mock.calls[0]?.[1];
    await vi.waitFor(() => expect(init?.signal?.aborted).toBe(true));
  });

  // Last: the worker is not started again, and the tests after it would read on the page.
  it('tries again when the worker crashes while it reads a page, then reads it on the page', async () => {
    const body = heldBody();
    const api = fakeApi({ jobs: jobSeries(2) });
    api.reply(() => (api.calls.length === 1 ? body.response : undefined));
    const first = fetchJobsPage(FIRST_PAGE);
    body.send('{"items": [');
    await vi.waitFor(() => expect(api.calls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    started.at(-1)?.dispatchEvent(new Event('error', { cancelable: true }));
    await expect(first).rejects.toMatchObject({ kind: 'network' });
    toWorker.mockClear();
    expect(await fetchJobsPage(FIRST_PAGE)).toEqual(listPage(jobSeries(2)));
    expect(toWorker).not.toHaveBeenCalled();
  });
});
