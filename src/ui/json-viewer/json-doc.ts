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
} from '../../lib/json/json-model.ts';
import { utf8Length } from '../../lib/bytes.ts';
import { ask, getWorker, isCurrentWorker, newDocId } from '../../lib/json/worker-client.ts';
import type { Parsed } from '../../lib/json/worker-protocol.ts';

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

function workerDoc(target: Worker, doc: number, root: Summary): JsonDoc {
  let disposed = false;
  return createDoc(root, {
    page: (path, offset, limit) => ask(target, 'children', { doc, path, offset, limit }),
    text: (path) => ask(target, 'text', { doc, path }),
    plan: (budget) => ask(target, 'expand', { doc, budget }),
    dispose() {
      if (disposed) return;
      disposed = true;
      if (isCurrentWorker(target)) void ask(target, 'dispose', { doc }).catch(() => undefined);
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
  const doc = newDocId();
  let parsed: Parsed;
  try {
    parsed = await ask(target, 'parse', { doc, text, measureOnly: !mightBeJson(text) });
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
