import type { ListJob, ListPage } from './list-job.ts';

// Messages between the page and the list worker. A list response's bytes go in chunk by chunk as they
// arrive (handed over, not copied), then `end`; or `cancel` when the page stops reading. Out: the rows
// read so far while the bytes arrive (`arrived`, each only once), then the page's rows, or why there
// are none.
export type RowsRequest =
  { id: number; chunk: ArrayBuffer } | { id: number; end: true } | { id: number; cancel: true };

export type RowsReply = { id: number; arrived: ListJob[] } | RowsResult;

export type RowsResult =
  | { id: number; ok: true; page: ListPage }
  /** `invalid`: JSON of the wrong shape (validate.ts); otherwise not JSON at all. */
  | { id: number; ok: false; invalid: boolean; message: string };
