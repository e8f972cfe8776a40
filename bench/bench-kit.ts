// What the page benchmarks share: how run.ts calls them, the demo token, the median, and figures with
// the target each is held to.
import type { Browser } from '@playwright/test';

export type BenchOptions = {
  baseURL: string;
  browser: Browser;
  sim: { post(path: string, body: unknown): Promise<unknown> };
};

/** The simulator's demo token (simulator/app.ts). */
export const DEMO_TOKEN = 'nx-demo-4f6b2c1e9a7d';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export const round = (n: number) => Math.round(n * 10) / 10;

/** A measured figure and, for the ones the issue sets a goal for, the most it may be. */
export type Figure = { value: number; max?: number };

/** What a benchmark returns: its figures by name, in the order they are printed. */
export type Figures = Record<string, number | Figure>;

/** A figure held to a target: printed beside it, with whether it is met. */
export const target = (value: number, max: number): Figure => ({ value, max });
