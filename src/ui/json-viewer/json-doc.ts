import {
  childrenOf,
  EXPAND_ALL_BUDGET,
  mightBeJson,
  PAGE_SIZE,
  parseJson,
  pathKey,
  planExpandAll,
  resolve,
  summarize,
  textOf,
  type ChildPage,
  type ExpandPlan,
  type JsonPath,
  type Summary,
} from './json-model.ts';
import { utf8Length } from '../bytes.ts';
import type { Parsed, WorkerRequest, WorkerResponse, WorkerResult } from './parse-protocol.ts';

/** A parsed JSON document as the tree reads it: a page of children at a time, cached once loaded. */
export type JsonDoc = {
  readonly root: Summary;
  /** Children loaded so far (synchronously available), or undefined. */
  cached(path: JsonPath): ChildPage | undefined;
  /** Loads the next page of children and returns everything loaded so far. */
  loadMore(path: JsonPath): Promise<ChildPage>;
  /** The full text of a value (strings as they are, the rest as indented JSON), for copying. */
  text(path: JsonPath): Promise<string>;
  /** Opens containers breadth first up to a row budget; the returned keys are the expanded paths. */
  expandAll(): Promise<{ expanded: Set<string>; truncated: boolean }>;
  dispose(): void;
};

export type ParseOutcome =
  { kind: 'json'; doc: JsonDoc; bytes: number } | { kind: 'text'; reason: string; bytes: number };

/** Below this size a synchronous parse takes a millisecond or two; above it the worker parses. */
export const WORKER_THRESHOLD = 100_000;

type Backend = {
  page(path: JsonPath, offset: number, limit: number): Promise<ChildPage> | ChildPage;
  text(path: JsonPath): Promise<string> | string;
  plan(budget: number): Promise<ExpandPlan> | ExpandPlan;
  dispose(): void;
};

function createDoc(root: Summary, backend: Backend): JsonDoc {
  const cache = new Map<string, ChildPage>();
  const merge = (path: JsonPath, page: ChildPage): ChildPage => {
    const before = cache.get(pathKey(path));
    const merged = before
      ? { entries: [...before.entries, ...page.entries], total: page.total }
      : page;
    cache.set(pathKey(path), merged);
    return merged;
  };
  return {
    root,
    cached(path) {
      return cache.get(pathKey(path));
    },
    async loadMore(path) {
      const offset = cache.get(pathKey(path))?.entries.length ?? 0;
      return merge(path, await backend.page(path, offset, PAGE_SIZE));
    },
    async text(path) {
      return backend.text(path);
    },
    async expandAll() {
      const plan = await backend.plan(EXPAND_ALL_BUDGET);
      const expanded = new Set<string>();
      for (const { path, page } of plan.pages) {
        const key = pathKey(path);
        const have = cache.get(key);
        if (!have || have.entries.length < page.entries.length) cache.set(key, page);
        expanded.add(key);
      }
      return { expanded, truncated: plan.truncated };
    },
    dispose() {
      cache.clear();
      backend.dispose();
    },
  };
}

/** A document parsed and kept on the main thread (small documents, tests, or no worker). */
export function localDoc(value: unknown): JsonDoc {
  return createDoc(summarize(value), {
    page: (path, offset, limit) => childrenOf(resolve(value, path), path, offset, limit),
    text: (path) => textOf(resolve(value, path)),
    plan: (budget) => planExpandAll(value, budget),
    dispose() {},
  });
}

function parseLocally(text: string): ParseOutcome {
  const bytes = utf8Length(text);
  if (!mightBeJson(text)) return { kind: 'text', reason: 'not JSON', bytes };
  try {
    return { kind: 'json', doc: localDoc(parseJson(text)), bytes };
  } catch (error) {
    return { kind: 'text', reason: error instanceof Error ? error.message : 'not JSON', bytes };
  }
}

// ---- The worker: one for the tab, created on first use, shared by every open document. ----

type Pending = { resolve(result: WorkerResult): void; reject(error: WorkerError): void };

class WorkerError extends Error {}

let worker: Worker | null = null;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string) {
  for (const p of pending.values()) p.reject(new WorkerError(message));
  pending.clear();
}

function getWorker(): Worker | null {
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
    if (response.ok) p.resolve(response.result);
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

type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

function ask(
  target: Worker,
  request: Request,
  transfer: Transferable[] = [],
): Promise<WorkerResult> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ ...request, id } as WorkerRequest, transfer);
  });
}

function workerDoc(target: Worker, doc: number, root: Summary): JsonDoc {
  let disposed = false;
  return createDoc(root, {
    page: async (path, offset, limit) =>
      (await ask(target, { op: 'children', doc, path, offset, limit })) as ChildPage,
    text: async (path) => (await ask(target, { op: 'text', doc, path })) as string,
    plan: async (budget) => (await ask(target, { op: 'expand', doc, budget })) as ExpandPlan,
    dispose() {
      if (disposed) return;
      disposed = true;
      if (worker === target) void ask(target, { op: 'dispose', doc }).catch(() => undefined);
    },
  });
}

/**
 * Parses text that may be JSON (and measures it). Large text goes to the worker, so the page stays
 * responsive; if the caller's signal aborts first, the worker's copy is released.
 */
export async function parseJsonText(text: string, signal?: AbortSignal): Promise<ParseOutcome> {
  const target = text.length >= WORKER_THRESHOLD ? getWorker() : null;
  if (!target) return parseLocally(text);
  const doc = nextId++;
  let parsed: Parsed;
  try {
    parsed = (await ask(target, {
      op: 'parse',
      doc,
      text,
      measureOnly: !mightBeJson(text),
    })) as Parsed;
  } catch {
    return parseLocally(text); // the worker could not run: parse here rather than not at all
  }
  const { bytes, root, error } = parsed;
  if (!root) return { kind: 'text', reason: error ?? 'not JSON', bytes };
  const result = workerDoc(target, doc, root);
  if (signal?.aborted) {
    result.dispose();
    return { kind: 'text', reason: 'cancelled', bytes };
  }
  return { kind: 'json', doc: result, bytes };
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
      const answer = await ask(target, { op: 'value', input }, owned ? [input.buffer] : []);
      return (answer as { value: unknown }).value;
    } catch (error) {
      // A parse error is the answer; a worker that died leaves the parse to this thread (if the
      // bytes were not handed over to it).
      if (!workerBroken || owned) throw error;
    }
  }
  return JSON.parse(typeof input === 'string' ? input : new TextDecoder().decode(input)) as unknown;
}
