const LF = 10;
const CR = 13;

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

/**
 * Re-chunks an event stream so every chunk ends at a line end. fetch-event-source 2.0.1 copies its
 * whole pending buffer on every chunk that does not finish a line: a multi-megabyte `result` line
 * arriving in small chunks costs time quadratic in its size, all on the main thread. Here the pieces
 * are kept and joined once. `onBytes` hears of every chunk (a long line is still a live connection).
 */
export function wholeLines(
  onBytes: () => void = () => {},
): TransformStream<Uint8Array, Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  return new TransformStream({
    transform(chunk, controller) {
      onBytes();
      const end = Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR));
      if (end === -1) {
        pending.push(chunk);
        pendingLength += chunk.length;
        return;
      }
      const head = chunk.subarray(0, end + 1);
      controller.enqueue(
        pending.length ? join([...pending, head], pendingLength + head.length) : head,
      );
      pending = [];
      pendingLength = 0;
      if (end + 1 < chunk.length) {
        pending.push(chunk.subarray(end + 1));
        pendingLength = chunk.length - end - 1;
      }
    },
    flush(controller) {
      if (pending.length) controller.enqueue(join(pending, pendingLength));
    },
  });
}
