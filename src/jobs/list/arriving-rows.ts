import { useSyncExternalStore } from 'react';
import type { ListJob } from './list-job.ts';

// The rows read so far of list pages being fetched, by request path: the table shows them before the
// last byte, so little is left to draw when the page is complete (100 big jobs take a while to arrive).
// A page's rows stay after its last byte: the list's query renders its result a moment later, and the
// table must not fall back to the previous page meanwhile. The next request for the path drops them.
type ArrivingRows = { path: string; rows: readonly ListJob[] };
const arriving = new Map<string, ArrivingRows>();
/** Only the last few pages' rows are kept: rows, not payloads, but a long session visits many pages. */
const KEPT = 4;
const listeners = new Set<() => void>();
let frame: number | null = null;

/** A request for the page at `path` starts: rows from an earlier one are not this page's any more. */
export function startArrivingRows(path: string): void {
  arriving.delete(path);
}

/** The rows read so far of the page at `path`, in the page's order. */
export function setArrivingRows(path: string, rows: readonly ListJob[]): void {
  arriving.delete(path);
  arriving.set(path, { path, rows });
  for (const old of arriving.keys()) if (arriving.size > KEPT) arriving.delete(old);
  // At most one render a frame: rows come a few at a time.
  frame ??= requestAnimationFrame(() => {
    frame = null;
    for (const listener of listeners) listener();
  });
}

/** Signed out: no rows of that session are shown to the next. */
export function forgetArrivingRows(): void {
  arriving.clear();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The rows read so far of the page at `path`; null before any, or for a null path. */
export function useArrivingRows(path: string | null): ArrivingRows | null {
  return useSyncExternalStore(subscribe, () =>
    path === null ? null : (arriving.get(path) ?? null),
  );
}
