import type { ListPage } from './list-job.ts';

// Messages between the page and the list worker: a list response's bytes (handed over, not copied) in,
// its rows out, or why there are none.
export type RowsRequest = { id: number; bytes: ArrayBuffer };

export type RowsReply =
  | { id: number; ok: true; page: ListPage }
  /** `invalid`: JSON of the wrong shape (validate.ts); otherwise not JSON at all. */
  | { id: number; ok: false; invalid: boolean; message: string };
