import type { ChildPage, ExpandPlan, JsonPath, Summary } from './json-model.ts';

// Messages between the page and the parse worker. The worker keeps each parsed document; the page asks
// for one page of children at a time, so a 10 MB document never has to be copied back whole.
export type WorkerRequest =
  | { id: number; op: 'parse'; doc: number; text: string; measureOnly: boolean }
  | { id: number; op: 'children'; doc: number; path: JsonPath; offset: number; limit: number }
  | { id: number; op: 'text'; doc: number; path: JsonPath }
  | { id: number; op: 'expand'; doc: number; budget: number }
  | { id: number; op: 'dispose'; doc: number }
  | { id: number; op: 'value'; input: string | Uint8Array };

/** The answer to `parse`: the text's UTF-8 size, and the root's summary unless it is not JSON. */
export type Parsed = { bytes: number; root?: Summary; error?: string };

export type WorkerResult = Parsed | ChildPage | string | ExpandPlan | { value: unknown } | null;

export type WorkerResponse =
  { id: number; ok: true; result: WorkerResult } | { id: number; ok: false; message: string };
