import { apiUrl, capped, jsonRequest } from '../../api/http.ts';
import { InvalidResponseError } from '../../api/validate.ts';
import type { FetchRows, RowsReply, RowsRequest } from './rows-protocol.ts';
import { StreamedRows } from './streamed-rows.ts';

/** What an error answer's text is read up to: the page shows the server's message, in short. */
const ERROR_TEXT_BYTES = 64 * 1024;

/** The list worker's side of the messages: `post` sends a reply to the page. */
export function servePageRequests(
  post: (reply: RowsReply) => void,
): (request: RowsRequest) => void {
  const fetching = new Map<number, AbortController>();
  const handed = new Map<number, StreamedRows>();
  return (request) => {
    const { id } = request;
    if ('fetch' in request) {
      const controller = new AbortController();
      fetching.set(id, controller);
      void fetchRows(id, request.fetch, post, controller.signal).finally(() => fetching.delete(id));
    } else if ('chunk' in request) {
      let rows = handed.get(id);
      if (!rows) handed.set(id, (rows = new StreamedRows()));
      pushChunk(id, rows, new Uint8Array(request.chunk), post);
    } else if ('end' in request) {
      post(finished(id, handed.get(id) ?? new StreamedRows()));
      handed.delete(id);
    } else {
      fetching.get(id)?.abort();
      fetching.delete(id);
      handed.delete(id);
    }
  };
}

/**
 * In the list worker: sends the list request and reads its answer as it arrives, posting the head, the
 * rows read so far after each chunk, then the page (or why there is none). Posts nothing once `signal`
 * is aborted: the page that asked has stopped waiting.
 */
async function fetchRows(
  id: number,
  { path, token, maxBytes }: FetchRows,
  post: (reply: RowsReply) => void,
  signal: AbortSignal,
): Promise<void> {
  let tooLarge = false;
  try {
    const response = await fetch(apiUrl(path), jsonRequest('GET', token, signal));
    const { status, statusText, ok } = response;
    const headers = [...response.headers];
    if (!ok) {
      // The status is what counts (a 401 signs out): a body that fails to arrive is no message.
      const errorText = await readText(response, ERROR_TEXT_BYTES).catch(() => '');
      if (signal.aborted) return;
      return post({ id, head: { status, statusText, headers, errorText } });
    }
    post({ id, head: { status, statusText, headers } });
    // The same cap as on the page: a body announced too large is not read, one growing past it is cut.
    const { body } = capped(response, maxBytes, () => (tooLarge = true));
    const rows = new StreamedRows();
    for await (const chunk of chunks(body)) pushChunk(id, rows, chunk, post);
    post(finished(id, rows));
  } catch {
    if (signal.aborted) return;
    post({ id, ok: false, failed: tooLarge ? 'too-large' : 'network' });
  }
}

/** Reads one more chunk of a page, and posts the rows it completed. */
function pushChunk(
  id: number,
  rows: StreamedRows,
  chunk: Uint8Array,
  post: (reply: RowsReply) => void,
): void {
  rows.push(chunk);
  const arrived = rows.arrived();
  if (arrived.length > 0) post({ id, arrived });
}

function finished(id: number, rows: StreamedRows): RowsReply {
  try {
    return { id, ok: true, page: rows.finish() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { id, ok: false, invalid: error instanceof InvalidResponseError, message };
  }
}

/** The body's chunks; the download stops when the loop is left early (a throw). */
async function* chunks(
  body: ReadableStream<Uint8Array<ArrayBuffer>> | null,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const reader = body?.getReader();
  if (!reader) return;
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

/** The start of the body as text: at most `max` bytes are read. */
async function readText(response: Response, max: number): Promise<string> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let seen = 0;
  for await (const chunk of chunks(response.body)) {
    parts.push(chunk);
    seen += chunk.length;
    if (seen >= max) break;
  }
  return new Blob(parts).slice(0, max).text();
}
