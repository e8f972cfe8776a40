// Parses list pages off the main thread and sends back only their rows: the megabytes of payload a page
// carries are dropped here, so the page never holds them.
import { InvalidResponseError } from '../../api/validate.ts';
import { rowsPageFromText } from './list-job.ts';
import type { RowsReply, RowsRequest } from './rows-protocol.ts';

type Scope = {
  postMessage(message: RowsReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RowsRequest>) => void): void;
};
const scope = self as unknown as Scope;
const decoder = new TextDecoder();

scope.addEventListener('message', ({ data: { id, bytes } }) => {
  try {
    scope.postMessage({ id, ok: true, page: rowsPageFromText(decoder.decode(bytes)) });
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
