import { streamTiming } from './stream-state.ts';

/** How long silence may last before a connection counts as dead, learnt from the gaps between pings. */
export type SilenceWindow = {
  ms(): number;
  /** A ping came `gap` ms after the previous event. */
  pinged(gap: number): void;
  /** A connection died silent. */
  diedSilent(): void;
  /** The gaps learnt so far were no heartbeat (a flood): back to the default window. */
  forget(): void;
};

/** One per job's stream: what it learns outlives each connection. */
export function createSilenceWindow(): SilenceWindow {
  let longestGap = 0;
  let silentStrikes = 0;
  return {
    ms() {
      const base =
        longestGap > 0
          ? Math.min(
              streamTiming.maxWatchdogMs,
              Math.max(streamTiming.minWatchdogMs, longestGap * streamTiming.watchdogFactor),
            )
          : streamTiming.watchdogMs;
      // Each silent death widens the window, in case the server simply pings less often now.
      return Math.min(streamTiming.maxWatchdogMs, base * 2 ** silentStrikes);
    },
    pinged(gap) {
      longestGap = Math.max(longestGap, gap);
      silentStrikes = 0;
    },
    diedSilent() {
      silentStrikes += 1;
    },
    forget() {
      longestGap = 0;
    },
  };
}
