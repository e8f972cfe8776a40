// The heavy list pages the list benchmarks read: JOBS jobs of about 20 MB together, added to the
// simulator's list page by page.
import type { BenchOptions } from './bench-kit.ts';

/** Jobs on a heavy page (the list's largest page size). */
export const JOBS = 100;
const TARGET_BYTES = 20 * 1024 * 1024;

/** Input like a document (a little JSON around long text) and output like an extraction result (JSON, many escapes). */
function bigJob(i: number, bytesEach: number) {
  const words =
    'the quick brown fox jumps over a lazy dog while invoices pile up in accounts payable'.split(
      ' ',
    );
  const text = (n: number) => {
    let s = '';
    for (let k = 0; s.length < n; k++) s += `${words[(k * 7 + i) % words.length]} `;
    return s.slice(0, n);
  };
  const inputData = JSON.stringify({
    fileName: `scan-${i}.pdf`,
    pages: 12,
    text: text(bytesEach / 2),
  });
  const rows = [];
  for (let k = 0; JSON.stringify(rows).length < bytesEach / 2; k++) {
    rows.push({
      line: k,
      description: text(60),
      amount: (k * 13.37) % 1000,
      currency: 'EUR',
      note: 'He said "ok"',
    });
  }
  const outputData = JSON.stringify({
    result: { invoiceNumber: `INV-${i}`, lines: rows },
    rawModelOutput: text(200),
    inputTokens: 812,
    outputTokens: 95,
    totalTokens: 907,
    logprobs: -3.2,
  });
  return { status: 'completed', jobType: 'structured-extraction', inputData, outputData };
}

/** Adds `pages` pages of JOBS big jobs on top of the simulator's list. */
export async function addBigJobs(sim: BenchOptions['sim'], pages: number): Promise<void> {
  const bytesEach = Math.round(TARGET_BYTES / JOBS);
  for (let i = 0; i < JOBS * pages; i++) await sim.post('/__sim/jobs', bigJob(i, bytesEach));
}
