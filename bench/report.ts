// How a bench run prints: a table per section, each figure with its target and whether it is met.
import type { Figure, Figures } from './bench-kit.ts';

/** Name, value and, for a figure with a goal, the goal and whether it is met. */
export type Row = [string, string] | [string, string, string];

function table(title: string, rows: Row[]) {
  const width = Math.max(...rows.map(([name]) => name.length), 10);
  console.log(`\n${title}`);
  console.log(`  ${'-'.repeat(width + 14)}`);
  for (const [name, value, goal] of rows) {
    console.log(`  ${name.padEnd(width)}  ${value.padStart(12)}${goal ? `   ${goal}` : ''}`);
  }
}

/** "target <= 1.2  met" beside a figure that has one. */
export const verdict = (value: number, max: number) =>
  `target <= ${max}  ${value <= max ? 'met' : 'NOT MET'}`;

/** Runs one part and prints its table, or that it failed (the run goes on). */
export async function section(title: string, run: () => Promise<Row[]>) {
  const started = Date.now();
  try {
    const rows = await run();
    table(`${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`, rows);
  } catch (error) {
    console.log(`\n${title}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A benchmark's figures as rows. */
export const numbers = (result: Figures): Row[] =>
  Object.entries(result).map(([name, figure]): Row => {
    const { value, max }: Figure = typeof figure === 'number' ? { value: figure } : figure;
    return max === undefined ? [name, String(value)] : [name, String(value), verdict(value, max)];
  });
