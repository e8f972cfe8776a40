import { InvalidResponseError } from '../../api/validate.ts';
import type { ListPage } from './list-job.ts';
import type { RowsReply, RowsRequest } from './rows-protocol.ts';

// The list worker (rows-worker.ts): one for the tab, started with the first list request. Where no
// worker can run, pages are parsed on this thread.

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (reply: RowsReply | null) => void>();

function rowsWorker(): Worker | null {
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

/**
 * A list response's bytes as rows, parsed in the worker (the bytes are handed over, not copied). Throws
 * SyntaxError for text that is not JSON and InvalidResponseError for JSON of the wrong shape.
 */
export async function parseRows(bytes: ArrayBuffer): Promise<ListPage> {
  const target = rowsWorker();
  if (!target) {
    // Rare (no worker could start): the parser's code is loaded then, not with every first page.
    const { rowsPageFromText } = await import('./list-job.ts');
    return rowsPageFromText(new TextDecoder().decode(bytes));
  }
  const reply = await new Promise<RowsReply | null>((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    const request: RowsRequest = { id, bytes };
    target.postMessage(request, [bytes]);
  });
  if (!reply) throw new InvalidResponseError('the parser stopped');
  if (reply.ok) return reply.page;
  if (reply.invalid) throw new InvalidResponseError(reply.message);
  throw new SyntaxError(reply.message);
}
