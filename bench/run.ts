// `npm run bench`: performance figures of the production build. Starts the production server (server/,
// compression included) in demo mode (test controls on, its clock quiet), runs the list and job page
// benchmarks in Chromium, measures each first page's download, and scores the list and job pages with Lighthouse. Prints tables; always stops
// by itself, always stops the server and exits 0 (it is not a test: `npm test` checks the budget).
// DIST_DIR picks the build to serve (as for vite build; default dist), BENCH_PORT the port (any free one),
// BENCH_ONLY the parts to run (comma-separated: bundle, list, heap, job, lighthouse; default all).
import { DEMO_TOKEN, type Figure, type Figures } from './bench-kit.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../scripts/browser-path.ts';
import { firstLoadSizes, kb } from '../scripts/bundle-size.ts';
import { benchJob } from './job.ts';
import { benchHeap, benchList } from './list.ts';

const OUT_DIR = process.env.DIST_DIR ?? 'dist';
/** The whole run is stopped after this long, whatever is still going. */
const DEADLINE_MS = 20 * 60_000;

type Sim = { post(path: string, body: unknown): Promise<unknown> };
/** Name, value and, for a figure with a goal, the goal and whether it is met. */
type Row = [string, string] | [string, string, string];

const PARTS = ['bundle', 'list', 'heap', 'job', 'lighthouse'] as const;
type Part = (typeof PARTS)[number];
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const unknownParts = only.filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknownParts.length) {
  console.log(`BENCH_ONLY: unknown part ${unknownParts.join(', ')} (parts: ${PARTS.join(', ')})`);
  process.exit(1);
}
const runs = (part: Part) => only.length === 0 || only.includes(part);

const cleanups: (() => void | Promise<void>)[] = [];

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // best effort: the process is ending
    }
  }
}

/** A port nothing listens on now (the system picks it: fixed ports collide with other runs). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // its process group: npx, tsx and the server
  } catch {
    child.kill('SIGTERM');
  }
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function startServer(port: number): Promise<string> {
  const server = spawn('npx', ['tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DIST_DIR: OUT_DIR,
      SIM_CONTROLS: '1',
      SIM_LIVE: '0',
      NUEXTRACT_API_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  cleanups.push(() => stop(server));
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + String(chunk)).slice(-2000));
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(`${baseURL}/healthz`, server);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return baseURL;
}

/** POST /__sim/<path>; accepts "reset", "/__sim/reset" and "jobs/<id>/finish" alike. */
function simClient(baseURL: string): Sim {
  return {
    async post(path, body) {
      const control = path.replace(/^\/?(__sim\/)?/, '');
      const response = await fetch(`${baseURL}/__sim/${control}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (!response.ok) {
        throw new Error(`POST /__sim/${control}: ${response.status} ${await response.text()}`);
      }
      return response.json().catch(() => ({}));
    },
  };
}

function table(title: string, rows: Row[]) {
  const width = Math.max(...rows.map(([name]) => name.length), 10);
  console.log(`\n${title}`);
  console.log(`  ${'-'.repeat(width + 14)}`);
  for (const [name, value, goal] of rows) {
    console.log(`  ${name.padEnd(width)}  ${value.padStart(12)}${goal ? `   ${goal}` : ''}`);
  }
}

/** "target <= 1.2  met" beside a figure that has one. */
const verdict = (value: number, max: number) =>
  `target <= ${max}  ${value <= max ? 'met' : 'NOT MET'}`;

async function section(title: string, run: () => Promise<Row[]>) {
  const started = Date.now();
  try {
    const rows = await run();
    table(`${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`, rows);
  } catch (error) {
    console.log(`\n${title}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
  }
}

const numbers = (result: Figures): Row[] =>
  Object.entries(result).map(([name, figure]): Row => {
    const { value, max }: Figure = typeof figure === 'number' ? { value: figure } : figure;
    return max === undefined ? [name, String(value)] : [name, String(value), verdict(value, max)];
  });

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

/** A Chromium Lighthouse can drive, whose profile already holds the demo token (localStorage). */
async function lighthouseBrowser(baseURL: string): Promise<number> {
  const executable = process.env.CHROME_PATH ?? chromiumPath();
  if (!executable) throw new Error('no Chromium (set CHROME_PATH)');
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'nuextract-lighthouse-'));
  const browser = spawn(
    executable,
    [
      ...chromiumArgs.filter((arg) => arg !== '--headless'),
      '--headless=new',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore', detached: true },
  );
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  cleanups.push(() => stop(browser));
  await waitForServer(`http://127.0.0.1:${port}/json/version`, browser, 20_000);
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = cdp.contexts()[0] ?? (await cdp.newContext());
  const page = await context.newPage();
  await page.goto(`${baseURL}/sign-in`);
  await page.evaluate((token) => localStorage.setItem('nuextract.token', token), DEMO_TOKEN);
  await page.close();
  await cdp.close(); // disconnects; the browser keeps running
  return port;
}

async function lighthouseRows(baseURL: string, sim: Sim): Promise<Row[]> {
  await sim.post('reset', {});
  const id = 'bench-lighthouse';
  await sim.post('jobs', {
    id,
    status: 'completed',
    outputData: JSON.stringify({
      result: { invoiceNumber: 'INV-2041', total: 1234.5, lines: [{ sku: 'A-1', qty: 3 }] },
      rawModelOutput: '{"invoiceNumber": "INV-2041"}',
      inputTokens: 812,
      outputTokens: 95,
      totalTokens: 907,
    }),
  });
  const port = await lighthouseBrowser(baseURL);
  const rows: Row[] = [];
  for (const [name, path] of [
    ['list', '/jobs'],
    ['job', `/jobs/${id}`],
  ] as const) {
    const result = await lighthouse(
      `${baseURL}${path}`,
      {
        port,
        logLevel: 'error',
        output: 'json',
        disableStorageReset: true,
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      },
      desktopConfig,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`no Lighthouse result for ${path}`);
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== path) {
      throw new Error(`${path} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
    }
    for (const key of ['performance', 'accessibility', 'best-practices']) {
      const score = lhr.categories[key]?.score;
      const value = score == null ? null : Math.round(score * 100);
      rows.push(
        key === 'performance' && value !== null
          ? [`${name}: ${key}`, String(value), `target 100  ${value === 100 ? 'met' : 'NOT MET'}`]
          : [`${name}: ${key}`, value === null ? 'n/a' : String(value)],
      );
    }
    for (const audit of [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
    ]) {
      const shown = lhr.audits[audit]?.displayValue ?? 'n/a';
      const value = lhr.audits[audit]?.numericValue;
      rows.push(
        audit === 'cumulative-layout-shift' && value !== undefined
          ? [`${name}: ${audit}`, shown, verdict(Math.round(value * 1000) / 1000, 0.01)]
          : [`${name}: ${audit}`, shown],
      );
    }
    const failing = Object.values(lhr.categories)
      .flatMap((category) => category.auditRefs)
      .map((ref) => lhr.audits[ref.id])
      .filter(
        (audit) =>
          audit &&
          audit.score !== null &&
          audit.score < 0.9 &&
          audit.scoreDisplayMode !== 'informative' &&
          audit.scoreDisplayMode !== 'manual' &&
          audit.scoreDisplayMode !== 'notApplicable',
      )
      .map((audit) => audit?.id);
    if (failing.length) rows.push([`${name}: below 0.9`, String(failing.length)]);
    for (const audit of failing) rows.push([`  ${audit}`, '']);
  }
  return rows;
}

async function main() {
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  console.log(`Serving ${OUT_DIR} on port ${port} (simulator controls on, live clock off)…`);
  const baseURL = await startServer(port);
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
