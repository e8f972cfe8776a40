import { apiUrl, jsonRequest } from '../../api/http.ts';
import { InvalidResponseError } from '../../api/validate.ts';
import type { FetchRows, ReadRows, RowsReply, RowsRequest } from './rows-protocol.ts';
import { StreamedRows } from './streamed-rows.ts';

/** What an error answer's text is read up to: the page shows the server's message, in short. */
const ERROR_TEXT_BYTES = 64 * 1024;

class TooLarge extends Error {}

/** The list worker's side of the messages: `post` sends a reply to the page. */
export function servePageRequests(
  post: (reply: RowsReply) => void,
): (request: RowsRequest) => void {
  const requests = new Map<number, AbortController>();
  return (request) => {
    const { id } = request;
    if ('cancel' in request) {
      requests.get(id)?.abort();
      requests.delete(id);
      return;
    }
    const controller = new AbortController();
    requests.set(id, controller);
    const reading =
      'fetch' in request
        ? fetchRows(id, request.fetch, post, controller.signal)
        : readRows(id, request.read, post, controller.signal);
    void reading.finally(() => requests.delete(id));
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
  try {
    const response = await fetch(apiUrl(path), jsonRequest('GET', token, signal));
    const { status, statusText, ok } = response;
    const headers = [...response.headers];
    if (!ok) {
      const errorText = await readText(response, ERROR_TEXT_BYTES);
      return post({ id, head: { status, statusText, headers, errorText } });
    }
    post({ id, head: { status, statusText, headers } });
    if (Number(response.headers.get('Content-Length')) > maxBytes) throw new TooLarge();
    await readBody(id, response.body, maxBytes, post);
  } catch (error) {
    if (signal.aborted) return;
    post({ id, ok: false, failed: error instanceof TooLarge ? 'too-large' : 'network' });
  }
}

/** In the list worker: reads the body of an answer the page received (its head checked there). */
async function readRows(
  id: number,
  { body, maxBytes }: ReadRows,
  post: (reply: RowsReply) => void,
  signal: AbortSignal,
): Promise<void> {
  try {
    await readBody(id, body, maxBytes, post);
  } catch (error) {
    if (signal.aborted) return;
    post({ id, ok: false, failed: error instanceof TooLarge ? 'too-large' : 'network' });
  }
}

/** Posts the rows read so far after each chunk, then the page or why it has none. */
async function readBody(
  id: number,
  body: ReadableStream<Uint8Array<ArrayBuffer>> | null,
  maxBytes: number,
  post: (reply: RowsReply) => void,
): Promise<void> {
  const rows = new StreamedRows();
  let seen = 0;
  for await (const chunk of chunks(body)) {
    seen += chunk.length;
    if (seen > maxBytes) throw new TooLarge();
    rows.push(chunk);
    const arrived = rows.arrived();
    if (arrived.length > 0) post({ id, arrived });
  }
  post(finished(id, rows));
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
