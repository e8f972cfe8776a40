// `npm run bench`: performance figures of the production build. Starts the production server (server/,
// compression included) in demo mode (test controls on, its clock quiet), runs the list and job page
// benchmarks in Chromium, measures each first page's download, and scores the list and job pages with Lighthouse. Prints tables; always stops
// by itself, always stops the server and exits 0 (it is not a test: `npm test` checks the budget).
// DIST_DIR picks the build to serve (as for vite build; default dist), BENCH_PORT the port (any free one),
// BENCH_ONLY the parts to run (comma-separated: bundle, list, heap, job, lighthouse; default all).
import { chromium, type Browser } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../scripts/browser-path.ts';
import { firstLoadSizes, kb } from '../scripts/bundle-size.ts';
import { benchJob } from './job.ts';
import { lighthouseRows } from './lighthouse.ts';
import { machineFigures } from './machine.ts';
import { benchHeap, benchList } from './list.ts';
import { cleanUp, cleanups, freePort, simClient, startServer } from './processes.ts';
import { numbers, section, verdict, type Row } from './report.ts';

const OUT_DIR = process.env.DIST_DIR ?? 'dist';
/** The whole run is stopped after this long, whatever is still going. */
const DEADLINE_MS = 20 * 60_000;

const PARTS = ['bundle', 'list', 'heap', 'job', 'lighthouse'] as const;
type Part = (typeof PARTS)[number];
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const unknownParts = only.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknownParts.length) {
  console.log(`BENCH_ONLY: unknown part ${unknownParts.join(', ')} (parts: ${PARTS.join(', ')})`);
  process.exit(1);
}
const runs = (part: Part) => only.length === 0 || only.includes(part);

/** The first-load budget (scripts/check-bundle.ts) holds the sign-in and list pages to this. */
const BUNDLE_BUDGET_KIB = 120;

function bundleRows(): Row[] {
  const rows: Row[] = [];
  for (const { page, files, totalGzipBytes } of firstLoadSizes(OUT_DIR)) {
    const kib = Math.round((totalGzipBytes / 1024) * 10) / 10;
    rows.push(
      page === 'job'
        ? [`${page} page, total`, kb(totalGzipBytes)]
        : [`${page} page, total`, kb(totalGzipBytes), verdict(kib, BUNDLE_BUDGET_KIB)],
    );
    for (const { file, gzipBytes } of files) rows.push([`  ${file}`, kb(gzipBytes)]);
  }
  return rows;
}

/** A copy of the build with the list bench's reference page beside it (bench/bare-page/): the build
 * itself is left as it is. */
function withBarePage(distDir: string): string {
  const served = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  cleanups.push(() => rmSync(served, { recursive: true, force: true }));
  cpSync(distDir, served, { recursive: true });
  cpSync('bench/bare-page', served, { recursive: true });
  return served;
}

async function main() {
  await section('This machine (bench/machine.ts)', async () => numbers(machineFigures()));
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  console.log(`Serving ${OUT_DIR} on port ${port} (simulator controls on, live clock off)…`);
  const baseURL = await startServer(port, withBarePage(OUT_DIR));
  const sim = simClient(baseURL);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
    const shared = browser;
    cleanups.push(() => shared.close());
    const options = { baseURL, browser: shared, sim };
    if (runs('bundle')) await section('First load, JS + CSS gzip', async () => bundleRows());
    if (runs('list')) {
      await section('Jobs list (bench/list.ts)', async () => numbers(await benchList(options)));
    }
    if (runs('heap')) {
      await section('Memory, three list pages (bench/list.ts)', async () =>
        numbers(await benchHeap(options)),
      );
    }
    if (runs('job')) {
      await section('Job page (bench/job.ts)', async () => numbers(await benchJob(options)));
    }
  } catch (error) {
    console.log(
      `Browser benchmarks: FAILED — ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (runs('lighthouse')) {
    await section('Lighthouse 12, desktop preset, scores out of 100', () =>
      lighthouseRows(baseURL, sim),
    );
  }
}

const deadline = setTimeout(() => {
  console.log(`\nStopped after ${DEADLINE_MS / 60_000} minutes.`);
  void cleanUp().finally(() => process.exit(0));
}, DEADLINE_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(0)));
}

main()
  .catch((error: unknown) => {
    console.log(
      `\nBench FAILED — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  })
  .finally(async () => {
    clearTimeout(deadline);
    await cleanUp();
    process.exit(0);
  });
