import type { Op, WorkerCalls, WorkerReply, WorkerResponse } from './worker-protocol.ts';
import type { PayloadDiff } from './json-diff.ts';

// The page's side of the parse worker: one worker for the tab, created on first use, shared by every
// open document (ui/json-viewer/json-doc.ts) and by the stream's big results (jobs/stream/).

type Pending = { resolve(reply: WorkerReply): void; reject(error: WorkerError): void };

class WorkerError extends Error {}

let worker: Worker | null = null;
let workerBroken = false;
// Two counters: a request id pairs a reply with its call, a document id names a parsed document.
let nextRequestId = 1;
let nextDocId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string) {
  for (const p of pending.values()) p.reject(new WorkerError(message));
  pending.clear();
}

/** The tab's parse worker, or null where workers cannot run (then parsing stays on the page). */
export function getWorker(): Worker | null {
  if (worker) return worker;
  if (workerBroken || typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const response = event.data;
    const p = pending.get(response.id);
    if (!p) return;
    pending.delete(response.id);
    if (response.ok) p.resolve(response);
    else p.reject(new WorkerError(response.message));
  });
  worker.addEventListener('error', (event) => {
    // A worker that cannot load (or crashed) is not retried: parsing falls back to the page.
    event.preventDefault();
    workerBroken = true;
    worker?.terminate();
    worker = null;
    failAll('The parser stopped.');
  });
  return worker;
}

/** Whether `target` is still the tab's worker (a document it holds can still be released). */
export function isCurrentWorker(target: Worker): boolean {
  return worker === target;
}

export function newDocId(): number {
  return nextDocId++;
}

type AnyReply = { op: Op; result: unknown };

function isReply<K extends Op>(
  reply: AnyReply,
  op: K,
): reply is { op: K; result: WorkerCalls[K]['reply'] } {
  return reply.op === op;
}

/** One call to the worker; the reply has the type its operation promises. */
export async function ask<K extends Op>(
  target: Worker,
  op: K,
  args: WorkerCalls[K]['args'],
  transfer: Transferable[] = [],
): Promise<WorkerCalls[K]['reply']> {
  const id = nextRequestId++;
  const reply: AnyReply = await new Promise<WorkerReply>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ ...args, op, id }, transfer);
  });
  if (!isReply(reply, op)) throw new WorkerError(`The parser answered "${reply.op}" to "${op}".`);
  return reply.result;
}

/**
 * JSON.parse off the main thread (text, or UTF-8 bytes, which are handed over without a copy when they
 * own their buffer). Without a worker it parses here. Rejects as JSON.parse would.
 */
export async function parseJsonOffThread(input: string | Uint8Array): Promise<unknown> {
  const target = getWorker();
  if (target) {
    const owned =
      typeof input !== 'string' &&
      input.byteOffset === 0 &&
      input.byteLength === input.buffer.byteLength &&
      input.buffer instanceof ArrayBuffer;
    try {
      return await ask(target, 'value', { input }, owned ? [input.buffer] : []);
    } catch (error) {
      // A parse error is the answer; a worker that died leaves the parse to this thread (if the
      // bytes were not handed over to it).
      if (!workerBroken || owned) throw error;
    }
  }
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const value: unknown = JSON.parse(text);
  return value;
}

/**
 * The differences between two payloads, worked out in the worker (a diff of multi-megabyte outputs
 * would freeze the page); null where workers cannot run, for the caller to work them out itself.
 */
export async function diffOffThread(
  before: string,
  after: string,
  limit: number,
): Promise<PayloadDiff | null> {
  const target = getWorker();
  if (!target) return null;
  try {
    return await ask(target, 'diff', { before, after, limit });
  } catch (error) {
    if (workerBroken) return null;
    throw error;
  }
}
