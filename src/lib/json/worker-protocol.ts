import type { PayloadDiff } from './json-diff.ts';
import type { ChildPage, ExpandPlan, JsonPath, Summary } from './json-model.ts';
import type { Located, SearchResult } from './json-search.ts';
import type { OutputShape } from './output-shape.ts';

// The page and the parse worker speak in calls: each operation's arguments and its reply, one line
// each. The worker keeps each parsed document; the page asks for one page of children at a time, so a
// 10 MB document never has to be copied back whole.

/** The answer to `parse`: the text's UTF-8 size, and the root's summary unless it is not JSON. */
export type Parsed = { bytes: number; root?: Summary; error?: string };

export type WorkerCalls = {
  parse: { args: { doc: number; text: string; measureOnly: boolean }; reply: Parsed };
  children: {
    args: { doc: number; path: JsonPath; offset: number; limit: number };
    reply: ChildPage;
  };
  text: { args: { doc: number; path: JsonPath }; reply: string };
  expand: { args: { doc: number; budget: number }; reply: ExpandPlan };
  dispose: { args: { doc: number }; reply: null };
  /** What kind of NuExtract output the document is, and what its views show. */
  describe: { args: { doc: number }; reply: OutputShape };
  search: { args: { doc: number; query: string; limit: number }; reply: SearchResult };
  locate: { args: { doc: number; path: JsonPath }; reply: Located | null };
  value: { args: { input: string | Uint8Array }; reply: unknown };
  /** Two payloads (each parsed, or taken as text), the differences from the first to the second. */
  diff: { args: { before: string; after: string; limit: number }; reply: PayloadDiff };
};

export type Op = keyof WorkerCalls;

/** A call, as posted to the worker. */
export type WorkerRequest = { [K in Op]: { id: number; op: K } & WorkerCalls[K]['args'] }[Op];

/** A reply names its operation, so the page can narrow it to that operation's reply type. */
export type WorkerReply = { [K in Op]: { op: K; result: WorkerCalls[K]['reply'] } }[Op];

export type WorkerResponse =
  ({ id: number; ok: true } & WorkerReply) | { id: number; ok: false; message: string };
