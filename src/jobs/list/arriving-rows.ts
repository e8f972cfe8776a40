import { useSyncExternalStore } from 'react';
import type { ListJob } from './list-job.ts';

// The first rows of the list pages on their way, by request path, while they arrive: the table shows
// a screenful before the last byte (100 big jobs take a while to arrive). Only a screenful, and only
// once a request has taken a while: each draw is a render and a layout of the table, which compete for
// the processor with the worker reading the page (drawing every row as it came made the page complete
// later, measured on 2 cores, and again once off-screen rows skipped layout); a page that comes quickly
// is drawn once, complete.
type ArrivingRows = { path: string; rows: readonly ListJob[] };

/** How long a page change waits for its page before drawing the first of its rows. */
export const EARLY_DRAW_DELAY_MS = 400;
/** Rows a tall screen shows below the page's header (41 px each). */
const SCREENFUL = 24;
/** The least time between two draws of arriving rows: each is a render and a layout. */
const DRAW_GAP_MS = 100;

/** The rows read so far, and from when they may be drawn. */
const read = new Map<string, { rows: readonly ListJob[]; drawFrom: number }>();
/** What the table shows: rows of `read` as of the last draw. */
const shown = new Map<string, ArrivingRows>();
const listeners = new Set<() => void>();
let drawScheduled = false;
let drawnAt = -Infinity;

function draw(now: number): void {
  const due = now >= drawnAt + DRAW_GAP_MS;
  let changed = false;
  let waiting = false;
  for (const [path, { rows, drawFrom }] of read) {
    if (shown.get(path)?.rows === rows) continue;
    if (!due || now < drawFrom) waiting = true;
    else {
      shown.set(path, { path, rows });
      changed = true;
    }
  }
  if (changed) {
    drawnAt = now;
    for (const listener of listeners) listener();
  }
  drawScheduled = waiting;
  if (waiting) requestAnimationFrame(draw);
}

function scheduleDraw(): void {
  if (drawScheduled) return;
  drawScheduled = true;
  requestAnimationFrame(draw);
}

/** The rows read so far of the page at `path`, in the page's order, to draw from `drawFrom` on. */
export function setArrivingRows(path: string, rows: readonly ListJob[], drawFrom = 0): void {
  if ((read.get(path)?.rows.length ?? 0) >= SCREENFUL) return;
  read.set(path, { rows, drawFrom });
  scheduleDraw();
}

/**
 * The request for the page at `path` ended (its page complete, or not coming). The render this asks
 * for comes after the list's query has the result, so the table never falls back to the previous page.
 */
export function dropArrivingRows(path: string): void {
  read.delete(path);
  if (shown.delete(path)) notifyNextFrame();
}

/** Signed out: no rows of that session are shown to the next. */
export function forgetArrivingRows(): void {
  read.clear();
  shown.clear();
  notifyNextFrame();
}

function notifyNextFrame(): void {
  requestAnimationFrame(() => {
    for (const listener of listeners) listener();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The rows read so far of the page at `path`; null before any, or for a null path. */
export function useArrivingRows(path: string | null): ArrivingRows | null {
  return useSyncExternalStore(subscribe, () => (path === null ? null : (shown.get(path) ?? null)));
}
