import { InvalidResponseError } from '../../api/validate.ts';
import type { ListJob, ListPage } from './list-job.ts';
import type { RowsReply, RowsRequest, RowsResult } from './rows-protocol.ts';

// The list worker (rows-worker.ts): one for the tab, started with the first list request. Where no
// worker can run, pages are parsed on this thread.

let worker: Worker | null | undefined;
let nextId = 1;
type Reading = { arrive(rows: ListJob[]): void; settle(result: RowsResult | null): void };
const pending = new Map<number, Reading>();

/** The tab's list worker, started if need be: call it as the request leaves, so it is ready for the bytes. */
export function rowsWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    // Throws where there is no Worker (or it may not start).
    worker = new Worker(new URL('./rows-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', ({ data }: MessageEvent<RowsReply>) => {
    const reading = pending.get(data.id);
    if ('arrived' in data) return reading?.arrive(data.arrived);
    reading?.settle(data);
    pending.delete(data.id);
  });
  worker?.addEventListener('error', (event) => {
    // A worker that cannot load (or crashed) is not started again.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const reading of pending.values()) reading.settle(null);
    pending.clear();
  });
  return worker;
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

/**
 * A list response's body as rows, parsed in the worker while it arrives (each chunk handed over, not
 * copied). `onArrived` is given the rows read so far, each time more are read, to show before the last
 * byte. Throws SyntaxError for text that is not JSON and InvalidResponseError for JSON of the wrong
 * shape; an error while reading (abort, size cap) is thrown as it is.
 */
export async function parseRows(
  response: Response,
  onArrived?: (rows: readonly ListJob[]) => void,
): Promise<ListPage> {
  const target = rowsWorker();
  if (!target || !response.body) {
    // Rare (no worker could start): the parser's code is loaded then, not with every first page.
    const [{ rowsPageFromText }, text] = await Promise.all([
      import('./list-job.ts'),
      response.text(),
    ]);
    return rowsPageFromText(text);
  }
  const id = nextId++;
  let arrived: readonly ListJob[] = [];
  const reply = new Promise<RowsResult | null>((settle) =>
    pending.set(id, {
      settle,
      arrive(rows) {
        arrived = [...arrived, ...rows];
        onArrived?.(arrived);
      },
    }),
  );
  const send = (request: RowsRequest, transfer: Transferable[] = []) =>
    target.postMessage(request, transfer);
  const reader = response.body.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const chunk = ownBuffer(read.value);
      send({ id, chunk }, [chunk]);
    }
  } catch (error) {
    pending.delete(id);
    send({ id, cancel: true });
    throw error;
  }
  send({ id, end: true });
  const settled = await reply;
  if (!settled) throw new InvalidResponseError('the parser stopped');
  if (settled.ok) return { ...settled.page, items: keepShown(arrived, settled.page.items) };
  if (settled.invalid) throw new InvalidResponseError(settled.message);
  throw new SyntaxError(settled.message);
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
