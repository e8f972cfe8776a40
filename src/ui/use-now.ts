import { useEffect, useState } from 'react';

// One timer per interval, however many components tick with it: a page of rows has a clock in each
// row, and one timer moves them all in one render, to the same instant.
const tickers = new Map<
  number,
  { listeners: Set<(now: number) => void>; timer: ReturnType<typeof setInterval> }
>();

function onTick(intervalMs: number, listener: (now: number) => void): () => void {
  let ticker = tickers.get(intervalMs);
  if (!ticker) {
    const listeners = new Set<(now: number) => void>();
    const timer = setInterval(() => {
      const now = Date.now();
      for (const tick of listeners) tick(now);
    }, intervalMs);
    ticker = { listeners, timer };
    tickers.set(intervalMs, ticker);
  }
  const { listeners, timer } = ticker;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    clearInterval(timer);
    tickers.delete(intervalMs);
  };
}

/** The current time, refreshed every `intervalMs` while `active` (for ticking durations and ages). */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => (active ? onTick(intervalMs, setNow) : undefined), [intervalMs, active]);
  return now;
}
