// What sits between fetch and fetch-event-source's parser. The library's framing is kept as it is (comments,
// id:, retry:, multi-line data, CRLF), but two of its costs are removed for multi-megabyte `result` events:
// - it copies its whole pending buffer on every chunk that does not finish a line (quadratic in the line's
//   size): here only whole lines are passed on, the pieces joined once;
// - it walks every byte of a line in JavaScript and decodes it on the main thread: here a very long `data:`
//   line is kept aside as bytes and the library sees a short placeholder instead; `expand` gives the bytes
//   back, to be decoded and parsed off the main thread.

import { formatBytes } from '../../lib/format.ts';

const LF = 10;
const CR = 13;
const DATA = [100, 97, 116, 97, 58]; // "data:"
/** `data:` lines longer than this are kept aside. */
export const BIG_LINE = 64 * 1024;

const encoder = new TextEncoder();

function join(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function isDataLine(bytes: Uint8Array, start: number): boolean {
  return DATA.every((b, i) => bytes[start + i] === b);
}

/** An event (and so any line of it) grew past the cap: the connection is dropped. */
export class EventTooLarge extends Error {
  override name = 'EventTooLarge';
}

export type EventStreamLines = {
  stream: TransformStream<Uint8Array, Uint8Array>;
  /** An event's data as the library gives it: text, or (if it held big lines) their bytes, rejoined. */
  expand(data: string): string | Uint8Array;
  /** The library has dispatched an event: the next one starts from zero bytes. */
  eventDone(): void;
};

/**
 * `maxEventBytes`: the most one event may carry (counted as bytes arrive, so a line that never ends is
 * caught too); past it the stream fails with EventTooLarge and nothing more is read.
 */
export function eventStreamLines(
  onBytes: () => void = () => {},
  maxEventBytes = Infinity,
): EventStreamLines {
  let eventBytes = 0;
  // A NUL cannot appear in JSON text, and the nonce makes a collision with real data hopeless anyway.
  const marker = `\u0000${Math.random().toString(36).slice(2)}:`;
  const stash = new Map<string, Uint8Array>();
  let nextRef = 0;
  let pending: Uint8Array[] = [];
  let pendingLength = 0;

  /** Swaps the big data lines of a block of whole lines (within one chunk) for placeholders. */
  function substitute(block: Uint8Array): Uint8Array {
    if (block.length < BIG_LINE) return block;
    const out: Uint8Array[] = [];
    let outLength = 0;
    let copyFrom = 0;
    let nextLf = -2;
    let nextCr = -2;
    for (let pos = 0; pos < block.length;) {
      // The next line end, each kind found once and reused until passed (not rescanned per line).
      if (nextLf !== -1 && nextLf < pos) nextLf = block.indexOf(LF, pos);
      if (nextCr !== -1 && nextCr < pos) nextCr = block.indexOf(CR, pos);
      const ends = [nextLf, nextCr].filter((i) => i >= 0);
      const end = ends.length ? Math.min(...ends) : block.length;
      if (end - pos >= BIG_LINE && isDataLine(block, pos)) {
        const valueStart = pos + 5 + (block[pos + 5] === 32 ? 1 : 0);
        const kept = block.subarray(copyFrom, pos);
        const placeholder = keep(block.slice(valueStart, end));
        out.push(kept, placeholder);
        outLength += kept.length + placeholder.length;
        copyFrom = end;
      }
      pos = end + 1;
    }
    if (copyFrom === 0) return block;
    const rest = block.subarray(copyFrom);
    out.push(rest);
    return join(out, outLength + rest.length);
  }

  function keep(bytes: Uint8Array): Uint8Array {
    const ref = `${marker}${nextRef++}`;
    stash.set(ref, bytes);
    return encoder.encode(`data:${ref}`);
  }

  /** Byte `i` of a line held in pieces. */
  function byteAt(parts: Uint8Array[], i: number): number | undefined {
    for (const part of parts) {
      if (i < part.length) return part[i];
      i -= part.length;
    }
    return undefined;
  }

  /**
   * A line that began in earlier chunks (`pending`, which starts at a line start and holds no line end)
   * and ends at `end` in `head`. A big data line is copied once, straight into the bytes kept aside.
   */
  function finishPendingLine(head: Uint8Array, end: number): Uint8Array[] | null {
    const length = pendingLength + end;
    if (length < BIG_LINE || !DATA.every((b, i) => byteAt(pending, i) === b)) return null;
    const skip = 5 + (byteAt(pending, 5) === 32 ? 1 : 0);
    const value = new Uint8Array(length - skip);
    let offset = -skip;
    for (const part of [...pending, head.subarray(0, end)]) {
      const from = Math.max(0, -offset);
      if (from < part.length) value.set(from ? part.subarray(from) : part, offset + from);
      offset += part.length;
    }
    return [keep(value)];
  }

  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      eventBytes += chunk.length;
      if (eventBytes > maxEventBytes) {
        stash.clear();
        pending = [];
        controller.error(
          new EventTooLarge(
            `The server sent a live event larger than ${formatBytes(maxEventBytes)}: the live connection was closed.`,
          ),
        );
        return;
      }
      onBytes();
      const end = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
      if (end === -1) {
        pending.push(chunk);
        pendingLength += chunk.length;
        return;
      }
      let head = chunk.subarray(0, end + 1);
      const out: Uint8Array[] = [];
      if (pending.length) {
        const lf = head.indexOf(LF);
        const cr = head.indexOf(CR);
        const firstEnd = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
        const kept = finishPendingLine(head, firstEnd);
        if (kept) {
          out.push(...kept);
          head = head.subarray(firstEnd);
        } else out.push(...pending);
      }
      out.push(substitute(head));
      controller.enqueue(
        join(
          out,
          out.reduce((n, part) => n + part.length, 0),
        ),
      );
      pending = [];
      pendingLength = 0;
      if (end + 1 < chunk.length) {
        pending.push(chunk.subarray(end + 1));
        pendingLength = chunk.length - end - 1;
      }
    },
    flush(controller) {
      // An unfinished last line: the library drops the unfinished event, as the standard says.
      if (pending.length) controller.enqueue(join(pending, pendingLength));
    },
  });

  function expand(data: string): string | Uint8Array {
    if (!data.includes(marker)) return data;
    // The library joins data lines with "\n": rejoin the same way, with the kept bytes in place.
    const parts = data.split('\n').map((line) => {
      const bytes = stash.get(line);
      if (bytes) stash.delete(line);
      return bytes ?? encoder.encode(line);
    });
    const withNewlines: Uint8Array[] = [];
    let length = 0;
    parts.forEach((part, i) => {
      if (i > 0) {
        withNewlines.push(new Uint8Array([LF]));
        length += 1;
      }
      withNewlines.push(part);
      length += part.length;
    });
    return join(withNewlines, length);
  }

  return { stream, expand, eventDone: () => (eventBytes = 0) };
}
