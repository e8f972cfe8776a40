// What the page benchmarks share: how run.ts calls them, the demo token, and the median.
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
