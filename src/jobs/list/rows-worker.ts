// Parses list pages off the main thread as their bytes arrive and sends back only their rows: the
// megabytes of payload a page carries are dropped here, so the page never holds them.
import { InvalidResponseError } from '../../api/validate.ts';
import type { RowsReply, RowsRequest } from './rows-protocol.ts';
import { StreamedRows } from './streamed-rows.ts';

type Scope = {
  postMessage(message: RowsReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RowsRequest>) => void): void;
};
const scope = self as unknown as Scope;
const reading = new Map<number, StreamedRows>();

scope.addEventListener('message', ({ data }) => {
  const { id } = data;
  if ('chunk' in data) {
    let rows = reading.get(id);
    if (!rows) reading.set(id, (rows = new StreamedRows()));
    rows.push(new Uint8Array(data.chunk));
    const arrived = rows.arrived();
    if (arrived.length > 0) scope.postMessage({ id, arrived });
    return;
  }
  const rows = reading.get(id) ?? new StreamedRows();
  reading.delete(id);
  if ('cancel' in data) return;
  try {
    scope.postMessage({ id, ok: true, page: rows.finish() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    scope.postMessage({
      id,
      ok: false,
      invalid: error instanceof InvalidResponseError,
      message,
    });
  }
});
