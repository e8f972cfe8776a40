import type { ListJob, ListPage } from './list-job.ts';

// Messages between the page and the list worker. In: `fetch` a list page (the worker sends the request
// itself, so the page's megabytes never pass the page's own thread), or `read` the body of one the page
// sent (the early request of a first visit, which leaves before the worker is up), or `cancel` either.
// Out, in this order: for `fetch`, the answer's `head` (with the text of an error answer); the rows read
// so far while the bytes arrive (`arrived`, each only once); then the page's rows or why there are none.
export type RowsRequest =
  { id: number; fetch: FetchRows } | { id: number; read: ReadRows } | { id: number; cancel: true };

export type FetchRows = { path: string; token: string | null; maxBytes: number };
/** The body is transferred, not copied. */
export type ReadRows = { body: ReadableStream<Uint8Array<ArrayBuffer>>; maxBytes: number };

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
