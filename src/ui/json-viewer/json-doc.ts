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
  type Entry,
  type ExpandPlan,
  type JsonPath,
  type Summary,
} from '../../lib/json/json-model.ts';
import { utf8Length } from '../../lib/bytes.ts';
import { locate, searchJson, type Located, type SearchResult } from '../../lib/json/json-search.ts';
import { describeOutput, type OutputShape } from '../../lib/json/output-shape.ts';
import { ask, getWorker, isCurrentWorker, newDocId } from '../../lib/json/worker-client.ts';
import type { Parsed } from '../../lib/json/worker-protocol.ts';

/** Loaded children of one value: pages (PAGE_SIZE-aligned) in order, maybe with gaps between them. */
type ChildView = { total: number; chunks: { offset: number; entries: Entry[] }[] };

/** A parsed JSON document as the tree reads it: a page of children at a time, cached once loaded. */
export type JsonDoc = {
  readonly root: Summary;
  /** Children loaded so far (synchronously available), or undefined. */
  cached(path: JsonPath): ChildView | undefined;
  /** Loads the next page after the first run of loaded children; returns that run. */
  loadMore(path: JsonPath): Promise<ChildPage>;
  /** Loads the page of children starting at `offset` (a multiple of PAGE_SIZE). */
  loadPage(path: JsonPath, offset: number): Promise<void>;
  /** The full text of a value (strings as they are, the rest as indented JSON), for copying. */
  text(path: JsonPath): Promise<string>;
  /** Opens containers breadth first up to a row budget; the returned keys are the expanded paths. */
  expandAll(): Promise<{ expanded: Set<string>; truncated: boolean }>;
  /** Which NuExtract output this is, and what its views show. */
  describe(): Promise<OutputShape>;
  /** Keys and values holding `query` (any case), in the tree's order. */
  search(query: string): Promise<SearchResult>;
  /** Loads the pages that hold `path` and each value above it; null when there is no such value. */
  reveal(path: JsonPath): Promise<Located | null>;
  dispose(): void;
};

export type ParseOutcome =
  { kind: 'json'; doc: JsonDoc; bytes: number } | { kind: 'text'; reason: string; bytes: number };

/** Below this size a synchronous parse takes a millisecond or two; above it the worker parses. */
export const WORKER_THRESHOLD = 100_000;
/** Search results kept (the count covers every match). */
const SEARCH_LIMIT = 10_000;

type Backend = {
  page(path: JsonPath, offset: number, limit: number): Promise<ChildPage> | ChildPage;
  text(path: JsonPath): Promise<string> | string;
  plan(budget: number): Promise<ExpandPlan> | ExpandPlan;
  describe(): Promise<OutputShape> | OutputShape;
  search(query: string): Promise<SearchResult> | SearchResult;
  locate(path: JsonPath): Promise<Located | null> | Located | null;
  dispose(): void;
};

type Loaded = { total: number; pages: Map<number, Entry[]> };

function view(loaded: Loaded): ChildView {
  const offsets = [...loaded.pages.keys()].sort((a, b) => a - b);
  return {
    total: loaded.total,
    chunks: offsets.map((offset) => ({ offset, entries: loaded.pages.get(offset) ?? [] })),
  };
}

/** The children from the first onwards, as far as they are loaded without a gap. */
function leadingRun(loaded: Loaded): ChildPage {
  const entries: Entry[] = [];
  for (let page = loaded.pages.get(0); page; page = loaded.pages.get(entries.length)) {
    entries.push(...page);
    if (page.length < PAGE_SIZE) break;
  }
  return { entries, total: loaded.total };
}

function createDoc(root: Summary, backend: Backend): JsonDoc {
  const cache = new Map<string, Loaded>();
  const store = (path: JsonPath, offset: number, page: ChildPage) => {
    const key = pathKey(path);
    const loaded = cache.get(key) ?? { total: page.total, pages: new Map() };
    loaded.total = page.total;
    const have = loaded.pages.get(offset);
    if (!have || have.length < page.entries.length) loaded.pages.set(offset, page.entries);
    cache.set(key, loaded);
    return loaded;
  };
  const load = async (path: JsonPath, offset: number) => {
    const have = cache.get(pathKey(path))?.pages.get(offset);
    if (have && have.length === PAGE_SIZE) return;
    store(path, offset, await backend.page(path, offset, PAGE_SIZE));
  };
  return {
    root,
    cached(path) {
      const loaded = cache.get(pathKey(path));
      return loaded && view(loaded);
    },
    async loadMore(path) {
      const before = cache.get(pathKey(path));
      await load(path, before ? leadingRun(before).entries.length : 0);
      return leadingRun(cache.get(pathKey(path)) ?? { total: 0, pages: new Map() });
    },
    loadPage: load,
    async text(path) {
      return backend.text(path);
    },
    async expandAll() {
      const plan = await backend.plan(EXPAND_ALL_BUDGET);
      const expanded = new Set<string>();
      for (const { path, page } of plan.pages) {
        store(path, 0, page);
        expanded.add(pathKey(path));
      }
      return { expanded, truncated: plan.truncated };
    },
    async describe() {
      return backend.describe();
    },
    async search(query) {
      return backend.search(query);
    },
    async reveal(path) {
      const located = await backend.locate(path);
      if (!located) return null;
      for (let i = 0; i < path.length; i++) {
        const at = located.at[i] ?? 0;
        await load(path.slice(0, i), at - (at % PAGE_SIZE));
      }
      return located;
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
    describe: () => describeOutput(value),
    search: (query) => searchJson(value, query, SEARCH_LIMIT),
    locate: (path) => locate(value, path),
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
    describe: () => ask(target, 'describe', { doc }),
    search: (query) => ask(target, 'search', { doc, query, limit: SEARCH_LIMIT }),
    locate: (path) => ask(target, 'locate', { doc, path }),
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
