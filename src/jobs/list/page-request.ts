import {
  apiUrl,
  jsonRequest,
  MAX_RESULT_BYTES,
  tooLargeError,
  type SentRequest,
} from '../../api/http.ts';
import { InvalidResponseError } from '../../api/validate.ts';
import type { ListJob, ListPage } from './list-job.ts';
import type { ResponseHead, RowsReply, RowsRequest, RowsResult } from './rows-protocol.ts';

// The list worker (rows-worker.ts): one for the tab, started with the first list request. It sends list
// requests itself and reads their answers as they arrive, so neither the bytes nor the work of passing
// them on are on this thread; a first visit's early request leaves from here, and the worker is handed
// its body. Where no worker can run, pages are fetched and parsed on this thread.

/** A page holds up to 100 whole jobs: room for a few big ones. */
export const LIST_PAGE_MAX_BYTES = 4 * MAX_RESULT_BYTES;

/** A list page's request on its way, for getResource to carry on with (its head is `response`). */
export type PageRequest = SentRequest & {
  /** The page's rows, read from the answer getResource checked. */
  page(response: Response): Promise<ListPage>;
  /** Given the rows read so far, now if there are any and each time more are read. */
  onArrived(listener: (rows: readonly ListJob[]) => void): void;
};

type Reading = {
  head?(head: ResponseHead): void;
  arrive(rows: ListJob[]): void;
  settle(result: RowsResult | null): void;
};

let worker: Worker | null | undefined;
let nextId = 1;
const readings = new Map<number, Reading>();

/** The tab's list worker, started with its first request. */
function rowsWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    // Throws where there is no Worker (or it may not start).
    worker = new Worker(new URL('./rows-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', ({ data }: MessageEvent<RowsReply>) => {
    const reading = readings.get(data.id);
    if ('head' in data) return reading?.head?.(data.head);
    if ('arrived' in data) return reading?.arrive(data.arrived);
    reading?.settle(data);
    readings.delete(data.id);
  });
  worker?.addEventListener('error', (event) => {
    // A worker that cannot load (or crashed) is not started again.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const reading of readings.values()) reading.settle(null);
    readings.clear();
  });
  return worker;
}

/** Sends the request for the list page at `path`: from the list worker, or from here where there is none. */
export function sendPageRequest(path: string, token: string | null): PageRequest {
  const target = rowsWorker();
  return target ? sendFromWorker(target, path, token) : sendFromHere(path, token);
}

/**
 * The same for a first visit, sent from here at once (the worker would first have to load and start:
 * about 50-90 ms later, measured). The worker reads the answer's body, handed to it chunk by chunk:
 * this thread passes the bytes on, but by the time they come the app has started and it is idle.
 */
export function sendEarlyPageRequest(path: string, token: string | null): PageRequest {
  const target = rowsWorker();
  const here = sendFromHere(path, token);
  if (!target) return here;
  const id = nextId++;
  const rows = workerRows();
  const stop = () => {
    if (readings.delete(id)) target.postMessage({ id, cancel: true } satisfies RowsRequest);
  };
  return {
    response: here.response,
    async page(response) {
      // The worker failed to start since: this page is read here.
      if (worker !== target || !response.body) return here.page(response);
      readings.set(id, rows);
      const reader = response.body.getReader();
      try {
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          if (!readings.has(id)) {
            // The worker stopped (it crashed: the page has its error): the rest is not read.
            void reader.cancel().catch(() => undefined);
            return await rows.page.promise;
          }
          const chunk = ownBuffer(read.value);
          target.postMessage({ id, chunk } satisfies RowsRequest, [chunk]);
        }
      } catch (error) {
        stop();
        throw error;
      }
      target.postMessage({ id, end: true } satisfies RowsRequest);
      return rows.page.promise;
    },
    onArrived: rows.onArrived,
    abort() {
      here.abort();
      stop();
      rows.page.reject(new DOMException('Aborted', 'AbortError'));
    },
  };
}

/** The chunk's bytes as a buffer of their own, to hand over to the worker without a copy when possible. */
function ownBuffer(chunk: Uint8Array): ArrayBuffer {
  const { buffer } = chunk;
  return buffer instanceof ArrayBuffer &&
    chunk.byteOffset === 0 &&
    chunk.byteLength === buffer.byteLength
    ? buffer
    : chunk.slice().buffer;
}

function sendFromWorker(target: Worker, path: string, token: string | null): PageRequest {
  const id = nextId++;
  const response = settleable<Response>();
  const rows = workerRows();
  readings.set(id, {
    head(head) {
      try {
        response.resolve(answerOf(head));
      } catch {
        response.reject(new TypeError('unusable answer'));
      }
      // An error answer is all there is: getResource reads its text, and no page follows.
      if (head.errorText !== undefined) readings.delete(id);
    },
    arrive: rows.arrive,
    settle(result) {
      // Settled before its head came (a failed request, a crash): there is no answer. Once the head
      // came, this does nothing.
      response.reject(new TypeError('no answer'));
      rows.settle(result);
    },
  });
  target.postMessage({
    id,
    fetch: { path, token, maxBytes: LIST_PAGE_MAX_BYTES },
  } satisfies RowsRequest);
  return {
    response: response.promise,
    page: () => rows.page.promise,
    onArrived: rows.onArrived,
    abort() {
      if (!readings.delete(id)) return;
      target.postMessage({ id, cancel: true } satisfies RowsRequest);
      const aborted = new DOMException('Aborted', 'AbortError');
      response.reject(aborted);
      rows.page.reject(aborted);
    },
  };
}

/** A page the worker reads: its rows as they arrive, then the page, or the error getResource expects. */
function workerRows() {
  const page = settleable<ListPage>();
  let arrived: readonly ListJob[] = [];
  let listener: ((rows: readonly ListJob[]) => void) | undefined;
  return {
    page,
    arrive(rows: ListJob[]) {
      arrived = [...arrived, ...rows];
      listener?.(arrived);
    },
    onArrived(next: (rows: readonly ListJob[]) => void) {
      listener = next;
      if (arrived.length > 0) next(arrived);
    },
    settle(result: RowsResult | null) {
      // The worker crashed: tried again (on this thread, as the worker is not started again).
      if (!result) return page.reject(new TypeError('the list worker stopped'));
      if (result.ok) {
        return page.resolve({ ...result.page, items: keepShown(arrived, result.page.items) });
      }
      if ('failed' in result) {
        // A dropped connection is a TypeError to getResource, as when it reads the body itself.
        return page.reject(
          result.failed === 'network'
            ? new TypeError('dropped')
            : tooLargeError(LIST_PAGE_MAX_BYTES),
        );
      }
      page.reject(
        result.invalid ? new InvalidResponseError(result.message) : new SyntaxError(result.message),
      );
    },
  };
}

/** Rare (no worker could start): the parser's code is loaded then, not with every first page. */
function sendFromHere(path: string, token: string | null): PageRequest {
  const controller = new AbortController();
  return {
    response: fetch(apiUrl(path), jsonRequest('GET', token, controller.signal)),
    async page(response) {
      const [{ rowsPageFromText }, text] = await Promise.all([
        import('./list-job.ts'),
        response.text(),
      ]);
      return rowsPageFromText(text);
    },
    onArrived: () => undefined,
    abort: () => controller.abort(),
  };
}

/** The worker's head as a Response: the status and headers, and an error answer's text. */
function answerOf({ status, statusText, headers, errorText }: ResponseHead): Response {
  return new Response(errorText || null, { status, statusText, headers });
}

/** A promise settled from outside; one nobody awaits (the answer was an error) fails unheard. */
function settleable<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * The page's rows, with each one already shown while the page arrived kept as the same object where it
 * is unchanged, so the table does not draw it again (its rows are memoised by object).
 */
function keepShown(shown: readonly ListJob[], rows: ListJob[]): ListJob[] {
  return rows.map((row, i) => {
    const before = shown[i];
    return before && JSON.stringify(before) === JSON.stringify(row) ? before : row;
  });
}
