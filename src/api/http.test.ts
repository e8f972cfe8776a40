import { vi } from 'vitest';
import { clearToken, getToken, setToken } from '../auth/token-store.ts';
import { fetchJob, fetchJobsPage } from '../jobs/jobs-api.ts';
import { jobQueries } from '../jobs/job-queries.ts';
import { createQueryClient } from '../query-client.ts';
import { fakeApi } from '../test-kit/fake-api.ts';
import { runningJob } from '../test-kit/jobs.ts';
import { ApiError } from './api-error.ts';
import { getResource } from './http.ts';
import { backoffDelay, shouldRetry } from './retry.ts';

const job = runningJob();

/** The API answers every request with this body. */
function respond(body: BodyInit | null, init: ResponseInit & { contentType?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', init.contentType ?? 'application/json');
  const api = fakeApi();
  api.reply(() => new Response(body, { ...init, headers }));
  return api.fetch;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeEach(() => setToken('secret-token', false));
afterEach(() => {
  clearToken('signed-out');
  vi.unstubAllGlobals();
});

describe('the HTTP layer', () => {
  it('sends the bearer token, omits credentials, and percent-encodes ids as one segment', async () => {
    const fetchMock = respond(JSON.stringify(job));
    await fetchJob('a/b ?#../c');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/jobs/a%2Fb%20%3F%23..%2Fc');
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer secret-token');
    expect(init.credentials).toBe('omit');
  });

  it('stops reading an answer past its size cap, and says why', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
    });
    respond(endless);
    const read = getResource('/api/jobs/x', (response) => response.json(), {
      credentials: { token: null },
      maxBytes: 10 * 1024,
    });
    const error = await failure(read);
    expect(error.message).toBe(
      "The server's answer is larger than 10 KB, more than this page reads.",
    );
    // The download stopped there: the rest of the endless body was never asked for.
    const stoppedAt = pulled;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBe(stoppedAt);
    expect(pulled).toBeLessThan(20);
  });

  it('reads nothing of an answer announced larger than the cap (64 MB for a job)', async () => {
    respond(JSON.stringify(job), { headers: { 'Content-Length': String(65 * 1024 * 1024) } });
    expect((await failure(fetchJob('job-1'))).message).toBe(
      "The server's answer is larger than 64 MB, more than this page reads.",
    );
    respond(JSON.stringify(job), { headers: { 'Content-Length': String(64 * 1024 * 1024) } });
    await expect(fetchJob('job-1')).resolves.toMatchObject({ id: 'job-1' });
  });

  it('keeps unknown status values and drops unknown fields', async () => {
    respond(JSON.stringify({ ...job, status: 'paused-by-ops', extra: { nested: true } }));
    const result = await fetchJob('job-1');
    expect(result.status).toBe('paused-by-ops');
    expect(result).not.toHaveProperty('extra');
  });

  it('treats an absent items key as an empty page', async () => {
    respond(JSON.stringify({ totalCount: 0, skip: 0, perPage: 30 }));
    const page = await fetchJobsPage({ organization: null, skip: 0, perPage: 30 });
    expect(page.items).toEqual([]);
  });

  it("carries the server's text/plain 400 message", async () => {
    respond('Invalid value for: query parameter skip', { status: 400, contentType: 'text/plain' });
    const error = await failure(fetchJobsPage({ organization: null, skip: 0, perPage: 30 }));
    expect(error).toMatchObject({ kind: 'http', status: 400 });
    expect(error.message).toBe('Invalid value for: query parameter skip');
  });

  it('explains an HTML page where JSON was expected, without showing the HTML', async () => {
    respond('<html><body><script>alert(1)</script>Bad gateway</body></html>', {
      status: 502,
      contentType: 'text/html',
    });
    const error = await failure(fetchJob('job-1'));
    expect(error).toMatchObject({ kind: 'http', status: 502 });
    expect(error.message).not.toContain('<');
  });

  it('reports invalid JSON and missing fields as invalid responses', async () => {
    respond('{"id": ');
    expect(await failure(fetchJob('job-1'))).toMatchObject({ kind: 'invalid-response' });
    respond(JSON.stringify({ ...job, status: 42 }));
    const error = await failure(fetchJob('job-1'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('status');
  });

  it('clears the token on a 401 to a query', async () => {
    respond(JSON.stringify({ message: 'Unauthorized' }), { status: 401 });
    const error = await failure(fetchJob('job-1'));
    expect(error).toMatchObject({ status: 401 });
    // The HTTP layer only reports it; the query cache's onError ends the session.
    expect(getToken()).toBe('secret-token');
    const queries = createQueryClient();
    await failure(queries.fetchQuery(jobQueries.detail('job-1')));
    expect(getToken()).toBeNull();
  });

  it('reads Retry-After on 429', async () => {
    respond('slow down', {
      status: 429,
      contentType: 'text/plain',
      headers: { 'Retry-After': '7' },
    });
    const error = await failure(fetchJob('job-1'));
    expect(error.retryAfterMs).toBe(7000);
    expect(shouldRetry(0, error)).toBe(true);
    expect(backoffDelay(0, error, () => 0)).toBe(7000);
  });

  it('tells a network failure apart', async () => {
    fakeApi().reply(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(fetchJob('job-1'))).toMatchObject({ kind: 'network' });
  });

  it('gives up on a request that hangs', async () => {
    vi.useFakeTimers();
    fakeApi().reply(
      (_, init) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('Aborted', 'AbortError')),
          ),
        ),
    );
    const pending = failure(fetchJob('job-1'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await pending).toMatchObject({ kind: 'timeout' });
    vi.useRealTimers();
  });
});

describe('retry policy', () => {
  it('never retries 4xx other than 408 and 429', () => {
    for (const status of [400, 401, 403, 404]) {
      expect(shouldRetry(0, new ApiError('http', 'x', status))).toBe(false);
    }
    expect(shouldRetry(0, new ApiError('http', 'x', 408))).toBe(true);
    expect(shouldRetry(0, new ApiError('http', 'x', 503))).toBe(true);
    expect(shouldRetry(0, new ApiError('network', 'x'))).toBe(true);
    expect(shouldRetry(3, new ApiError('network', 'x'))).toBe(false);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, undefined, () => 1)).toBe(500);
    expect(backoffDelay(3, undefined, () => 1)).toBe(4000);
    expect(backoffDelay(3, undefined, () => 0)).toBe(2000);
    expect(backoffDelay(20, undefined, () => 1)).toBe(30_000);
  });
});

describe('job paths', () => {
  it('refuses the dot segments, which no URL can carry as an id', () => {
    expect(() => fetchJob('..')).toThrow();
    expect(() => fetchJob('.')).toThrow();
  });
});

describe('401 and the token in use', () => {
  it('a late 401 for an old token leaves the newer token alone', async () => {
    let answer: (response: Response) => void = () => {};
    fakeApi().reply(() => new Promise<Response>((resolve) => (answer = resolve)));
    setToken('old-token', false);
    // The status query: it asks at once (the detail query first loads the job page's fallback code).
    const pending = createQueryClient()
      .fetchQuery(jobQueries.status('job-1'))
      .catch((e: unknown) => e);
    setToken('new-token', false);
    answer(new Response('{"message":"Unauthorized"}', { status: 401 }));
    expect(await pending).toMatchObject({ status: 401 });
    expect(getToken()).toBe('new-token');
  });

  it('a body that stops part-way is a timeout, not invalid JSON', async () => {
    vi.useFakeTimers();
    fakeApi().reply((_, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id": "job-1", '));
          init.signal?.addEventListener('abort', () =>
            controller.error(new DOMException('Aborted', 'AbortError')),
          );
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'application/json' } });
    });
    const pending = fetchJob('job-1').catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await pending).toMatchObject({ kind: 'timeout' });
    vi.useRealTimers();
  });

  it('a connection that drops part-way is a network failure, tried again, not invalid JSON', async () => {
    fakeApi().reply(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"items": [{"id": "job-1", '));
          controller.error(new TypeError('network error'));
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'application/json' } });
    });
    for (const request of [
      fetchJob('job-1'),
      fetchJobsPage({ organization: null, skip: 0, perPage: 30 }),
    ]) {
      const error = await failure(request);
      expect(error).toMatchObject({ kind: 'network' });
      expect(shouldRetry(0, error)).toBe(true);
    }
  });
});
