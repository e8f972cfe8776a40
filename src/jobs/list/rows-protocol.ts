import type { ListJob, ListPage } from './list-job.ts';

// Messages between the page and the list worker. In: `fetch` a list page (the worker sends the request
// itself, so the page's megabytes never pass the page's own thread); or the body of one the page sent
// (a first visit's early request, which leaves before the worker is up), `chunk` by `chunk` as it
// arrives (handed over, not copied), then `end`; or `cancel` either. Out, in this order: for `fetch`,
// the answer's `head` (with the text of an error answer); the rows read so far while the bytes arrive
// (`arrived`, each only once); then the page's rows or why there are none.
export type RowsRequest =
  | { id: number; fetch: FetchRows }
  | { id: number; chunk: ArrayBuffer }
  | { id: number; end: true }
  | { id: number; cancel: true };

export type FetchRows = { path: string; token: string | null; maxBytes: number };

export type RowsReply =
  { id: number; head: ResponseHead } | { id: number; arrived: ListJob[] } | RowsResult;

/** An answer's status line and headers, and for an error status its body as text. */
export type ResponseHead = {
  status: number;
  statusText: string;
  headers: [string, string][];
  errorText?: string;
};

export type RowsResult =
  | { id: number; ok: true; page: ListPage }
  /** `invalid`: JSON of the wrong shape (validate.ts); otherwise not JSON at all. */
  | { id: number; ok: false; invalid: boolean; message: string }
  /** No page: the connection failed or dropped, or the answer was larger than `maxBytes`. */
  | { id: number; ok: false; failed: 'network' | 'too-large' };
