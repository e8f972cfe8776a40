// Fetches list pages off the main thread (or reads the body of a first visit's, handed over by the
// page), parses them as their bytes arrive and sends back only their rows: the megabytes of payload a
// page carries are dropped here, so the page never holds them.
import { servePageRequests } from './fetch-rows.ts';
import type { RowsReply, RowsRequest } from './rows-protocol.ts';

type Scope = {
  postMessage(message: RowsReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RowsRequest>) => void): void;
};
const scope = self as unknown as Scope;
const serve = servePageRequests((reply) => scope.postMessage(reply));
scope.addEventListener('message', ({ data }) => serve(data));
