// Lighthouse (desktop preset) on the list and job pages, signed in: the category scores, the paint and
// layout figures, and the audits below 0.9.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse, { desktopConfig } from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../scripts/browser-path.ts';
import { DEMO_TOKEN } from './bench-kit.ts';
import { cleanups, freePort, stop, waitForServer, type Sim } from './processes.ts';
import { verdict, type Row } from './report.ts';

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

export async function lighthouseRows(baseURL: string, sim: Sim): Promise<Row[]> {
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
