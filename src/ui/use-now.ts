import { useCallback, useSyncExternalStore } from 'react';

// One clock per interval for the whole tab: a page of rows showing "5 min ago" ticks together, in one
// render from one timer, instead of a timer and an effect per row.
type Clock = { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> };
const clocks = new Map<number, Clock>();

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (!clock) clocks.set(intervalMs, (clock = { now: Date.now(), listeners: new Set() }));
  return clock;
}

function subscribe(intervalMs: number, onTick: () => void) {
  const clock = clockFor(intervalMs);
  if (clock.listeners.size === 0) {
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      for (const listener of clock.listeners) listener();
    }, intervalMs);
  }
  clock.listeners.add(onTick);
  return () => {
    clock.listeners.delete(onTick);
    if (clock.listeners.size === 0) clearInterval(clock.timer);
  };
}

function read(intervalMs: number): number {
  const clock = clockFor(intervalMs);
  // A clock nobody follows stands still: read afresh, it is never more than one interval old.
  if (clock.listeners.size === 0 && Math.abs(Date.now() - clock.now) >= intervalMs) {
    clock.now = Date.now();
  }
  return clock.now;
}

/** The current time, refreshed every `intervalMs` while `active` (for ticking durations and ages). */
export function useNow(intervalMs: number, active = true): number {
  const onTick = useCallback(
    (listener: () => void) => (active ? subscribe(intervalMs, listener) : () => {}),
    [intervalMs, active],
  );
  return useSyncExternalStore(onTick, () => read(intervalMs));
}
