import { useEffect, useState } from 'react';

// One timer per interval, however many components tick with it: a page of rows has a clock in each
// row, and one timer moves them all in one render instead of a timer and a render each.
const tickers = new Map<number, Set<() => void>>();
const timers = new Map<number, ReturnType<typeof setInterval>>();

function onTick(intervalMs: number, listener: () => void): () => void {
  let listeners = tickers.get(intervalMs);
  if (!listeners) {
    const all = new Set<() => void>();
    listeners = all;
    tickers.set(intervalMs, all);
    timers.set(
      intervalMs,
      setInterval(() => {
        for (const tick of all) tick();
      }, intervalMs),
    );
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    clearInterval(timers.get(intervalMs));
    timers.delete(intervalMs);
    tickers.delete(intervalMs);
  };
}

/** The current time, refreshed every `intervalMs` while `active` (for ticking durations and ages). */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(
    () => (active ? onTick(intervalMs, () => setNow(Date.now())) : undefined),
    [intervalMs, active],
  );
  return now;
}
