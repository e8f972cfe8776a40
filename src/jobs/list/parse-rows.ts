import { InvalidResponseError } from '../../api/validate.ts';
import type { ListPage } from './list-job.ts';
import type { RowsReply, RowsRequest } from './rows-protocol.ts';

// The list worker (rows-worker.ts): one for the tab, started with the first list request. Where no
// worker can run, pages are parsed on this thread.

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (reply: RowsReply | null) => void>();

/** The tab's list worker, started if need be: call it as the request leaves, so it is ready for the bytes. */
export function rowsWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    // Throws where there is no Worker (or it may not start).
    worker = new Worker(new URL('./rows-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = null;
  }
  worker?.addEventListener('message', (event: MessageEvent<RowsReply>) => {
    pending.get(event.data.id)?.(event.data);
    pending.delete(event.data.id);
  });
  worker?.addEventListener('error', (event) => {
    // A worker that cannot load (or crashed) is not started again.
    event.preventDefault();
    worker?.terminate();
    worker = null;
    for (const settle of pending.values()) settle(null);
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
 * copied). Throws SyntaxError for text that is not JSON and InvalidResponseError for JSON of the wrong
 * shape; an error while reading (abort, size cap) is thrown as it is.
 */
export async function parseRows(response: Response): Promise<ListPage> {
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
  const reply = new Promise<RowsReply | null>((resolve) => pending.set(id, resolve));
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
  if (settled.ok) return settled.page;
  if (settled.invalid) throw new InvalidResponseError(settled.message);
  throw new SyntaxError(settled.message);
}
