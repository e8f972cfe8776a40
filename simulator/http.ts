// Small response and request helpers over node:http, shared by the API routes, the stream and the controls.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Every simulator response may be read cross-origin: the dashboard can point at a simulator on another port. */
export function applyCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
}

export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    // Echo what the browser asks for (Authorization, Last-Event-ID, ...), with a sensible default.
    'Access-Control-Allow-Headers': requested ?? 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Access-Control-Request-Headers',
  });
  res.end();
}

function sendBody(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, 'application/json', JSON.stringify(value));
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  sendBody(res, status, 'text/plain; charset=utf-8', text);
}

/** Errors other than the list's 400s are JSON `{"message": ...}`. */
export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { message });
}

/** Thrown inside handlers; answered as JSON `{"message": ...}` with its status. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Reads a JSON object body; an empty body is `{}`. Large limit: tests send multi-megabyte strings on purpose. */
export async function readJsonObject(
  req: IncomingMessage,
  maxBytes = 64 * 1024 * 1024,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new HttpError(400, `Body larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'Body must be a JSON object');
  return value as Record<string, unknown>;
}

/** One optional field of a JSON body, checked; a wrong type is a 400. */
export function optional<T>(
  body: Record<string, unknown>,
  key: string,
  check: (value: unknown) => value is T,
  what: string,
): T | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (!check(value)) throw new HttpError(400, `"${key}" must be ${what}`);
  return value;
}

export const isString = (value: unknown): value is string => typeof value === 'string';
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export function isLoopback(address: string | undefined): boolean {
  return (
    address === '127.0.0.1' ||
    address === '::1' ||
    address === '::ffff:127.0.0.1' ||
    (address?.startsWith('127.') ?? false)
  );
}

/** decodeURIComponent that answers undefined for malformed escapes instead of throwing. */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
