// Injected failures for tests: the next N matching API requests get a canned response, a delay, a hang,
// or (streams) a raw event-stream body. Registered through POST /__sim/faults.
import type { ServerResponse } from 'node:http';
import { HttpError, decodeSegment, isBoolean, isString, optional } from './http.ts';

export type EndpointKind = 'list' | 'job' | 'status' | 'stream' | 'cancel';

const KINDS: readonly string[] = [
  'list',
  'job',
  'status',
  'stream',
  'cancel',
] satisfies EndpointKind[];

export type FaultSpec = {
  /** An endpoint kind, or a prefix of the request pathname (raw or percent-decoded). */
  path: string;
  /** Text the request's raw query must contain as well, e.g. `organization=acme-legal` (a page's own
   * request, not the next page's prefetch or a one-row check made meanwhile). */
  query?: string;
  count: number;
  status?: number;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  hang?: boolean;
  /** Raw text written as a 200 text/event-stream body, then the end (or a hang, with `hang: true`). */
  sse?: string;
};

type Fault = FaultSpec & { remaining: number };

const isNonNegative = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const isStatus = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) >= 200 && (v as number) <= 599;
const isHeaders = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isString);

export function parseFaultSpec(body: Record<string, unknown>): FaultSpec {
  const path = optional(body, 'path', isString, 'a string');
  if (!path)
    throw new HttpError(
      400,
      '"path" is required: an endpoint kind (list, job, status, stream, cancel) or a path prefix',
    );
  const spec: FaultSpec = { path, count: optional(body, 'count', isCount, 'an integer >= 1') ?? 1 };
  const query = optional(body, 'query', isString, 'a string');
  if (query !== undefined) spec.query = query;
  const status = optional(body, 'status', isStatus, 'an HTTP status (200-599)');
  const text = optional(body, 'body', isString, 'a string');
  const contentType = optional(body, 'contentType', isString, 'a string');
  const headers = optional(body, 'headers', isHeaders, 'an object of strings');
  const delayMs = optional(body, 'delayMs', isNonNegative, 'a number >= 0');
  const hang = optional(body, 'hang', isBoolean, 'a boolean');
  const sse = optional(body, 'sse', isString, 'a string');
  if (status !== undefined) spec.status = status;
  if (text !== undefined) spec.body = text;
  if (contentType !== undefined) spec.contentType = contentType;
  if (headers !== undefined) spec.headers = headers;
  if (delayMs !== undefined) spec.delayMs = delayMs;
  if (hang !== undefined) spec.hang = hang;
  if (sse !== undefined) spec.sse = sse;
  if (status === undefined && delayMs === undefined && !hang && sse === undefined) {
    throw new HttpError(400, 'A fault needs at least one of "status", "delayMs", "hang" or "sse"');
  }
  return spec;
}

function defaultContentType(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

export type FaultRegistry = ReturnType<typeof createFaultRegistry>;

export function createFaultRegistry() {
  let faults: Fault[] = [];
  const delayed = new Map<NodeJS.Timeout, ServerResponse>();
  const hanging = new Set<ServerResponse>();

  function add(spec: FaultSpec): void {
    faults.push({ ...spec, remaining: spec.count });
  }

  /** The first registered fault matching this request, consuming one of its uses. */
  function take(
    kind: EndpointKind | undefined,
    rawPath: string,
    query: string,
  ): FaultSpec | undefined {
    const decoded = decodeSegment(rawPath) ?? rawPath;
    const fault = faults.find(
      (f) =>
        (KINDS.includes(f.path)
          ? f.path === kind
          : rawPath.startsWith(f.path) || decoded.startsWith(f.path)) &&
        (f.query === undefined || query.includes(f.query)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
    return fault;
  }

  function hang(res: ServerResponse): void {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  }

  /** Serves the fault, or calls `proceed` to serve the request normally (a pure delay). */
  function apply(fault: FaultSpec, res: ServerResponse, proceed: () => void): void {
    const respond = (): void => {
      if (res.destroyed) return;
      if (fault.sse !== undefined) {
        res.writeHead(fault.status ?? 200, {
          'Content-Type': fault.contentType ?? 'text/event-stream',
          'Cache-Control': 'no-cache',
          'X-Accel-Buffering': 'no',
          ...fault.headers,
        });
        res.flushHeaders(); // even an empty body must look like an open stream
        if (fault.hang) {
          res.write(fault.sse);
          hang(res);
        } else res.end(fault.sse);
      } else if (fault.hang) {
        hang(res);
      } else if (fault.status !== undefined) {
        const body = fault.body ?? JSON.stringify({ message: `Simulated fault (${fault.status})` });
        res.writeHead(fault.status, {
          'Content-Type': fault.contentType ?? defaultContentType(body),
          'Content-Length': Buffer.byteLength(body),
          ...fault.headers,
        });
        res.end(body);
      } else {
        for (const [name, value] of Object.entries(fault.headers ?? {})) res.setHeader(name, value);
        proceed();
      }
    };
    if (!fault.delayMs) return respond();
    const timer = setTimeout(() => {
      delayed.delete(timer);
      respond();
    }, fault.delayMs);
    delayed.set(timer, res);
  }

  /** Forget every fault; drop delayed and hanging requests (on reset and close). */
  function clear(): void {
    faults = [];
    for (const [timer, res] of delayed) {
      clearTimeout(timer);
      res.destroy();
    }
    delayed.clear();
    for (const res of hanging) res.destroy();
    hanging.clear();
  }

  return { add, take, apply, clear };
}
