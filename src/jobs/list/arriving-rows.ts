import { useSyncExternalStore } from 'react';
import type { ListJob } from './list-job.ts';

// The first rows of the list pages on their way, by request path, while they arrive: the table shows
// a screenful before the last byte (100 big jobs take a while to arrive). Only a screenful: each draw
// is a layout of the whole table, on the thread that also passes the page's bytes to the worker, and
// more draws slowed the bytes down (measured); the rest is drawn with the complete page.
type ArrivingRows = { path: string; rows: readonly ListJob[] };
const arriving = new Map<string, ArrivingRows>();
/** Rows a tall screen shows below the page's header (41 px each). */
const SCREENFUL = 24;
/** The least time between two draws of arriving rows: each is a layout of the whole table. */
const DRAW_GAP_MS = 100;
const listeners = new Set<() => void>();
let drawScheduled = false;
let drawnAt = -Infinity;

function scheduleDraw(): void {
  if (drawScheduled) return;
  // Rows come a few at a time: the first are drawn at the next frame, the next ones gathered a while.
  drawScheduled = true;
  const draw = (now: number) => {
    if (now < drawnAt + DRAW_GAP_MS) {
      requestAnimationFrame(draw);
      return;
    }
    drawScheduled = false;
    drawnAt = now;
    for (const listener of listeners) listener();
  };
  requestAnimationFrame(draw);
}

/** The rows read so far of the page at `path`, in the page's order. */
export function setArrivingRows(path: string, rows: readonly ListJob[]): void {
  if ((arriving.get(path)?.rows.length ?? 0) >= SCREENFUL) return;
  arriving.set(path, { path, rows });
  scheduleDraw();
}

/**
 * The request for the page at `path` ended (its page complete, or not coming). The draw this asks for
 * comes after the list's query has the result, so the table never falls back to the previous page.
 */
export function dropArrivingRows(path: string): void {
  if (arriving.delete(path)) scheduleDraw();
}

/** Signed out: no rows of that session are shown to the next. */
export function forgetArrivingRows(): void {
  arriving.clear();
  scheduleDraw();
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
