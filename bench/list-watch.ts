// Watching the list page in the browser: a signed-in page that notes when a heavy page's rows are painted
// and the longest main-thread task, the list request's timing, and the floor (the same request fetched
// and parsed with no app code).
import type { Browser, Page } from '@playwright/test';
import { DEMO_TOKEN as TOKEN } from './bench-kit.ts';
import { JOBS } from './list-jobs.ts';

const LIST_PATH = `/api/jobs?skip=0&perPage=${JOBS}`;

/** A screenful of rows: what a person sees first (the previous page in the bench has 10). */
export const FIRST_ROWS = 20;

// Runs in the page before its scripts: notes the time (since navigation start) when the 100 rows of the
// settled table (not the skeleton, not the previous page) are in the DOM and a frame has been painted,
// the same for the first screenful of the page's rows (the table may still be filling), and the longest
// main-thread task (the browser reports those over 50 ms) since the last __watch().
// A string, not a function: tsx's transform would slip its own helpers into a serialised function.
const WATCH_ROWS = `(() => {
  const settled = 'table[aria-label="Jobs"]:not([aria-busy]) tbody tr[data-job-id]';
  const any = 'table[aria-label="Jobs"] tbody tr[data-job-id]';
  let armed = false;
  let firstArmed = false;
  window.__longest = 0;
  const painted = (name) =>
    requestAnimationFrame(() => setTimeout(() => { window[name] = performance.now(); }, 0));
  const check = () => {
    if (!firstArmed && document.querySelectorAll(any).length >= ${FIRST_ROWS}) {
      firstArmed = true;
      painted('__firstRowsAt');
    }
    if (armed || document.querySelectorAll(settled).length !== ${JOBS}) return;
    armed = true;
    painted('__rowsAt');
  };
  window.__watch = () => {
    armed = firstArmed = false;
    delete window.__rowsAt;
    delete window.__firstRowsAt;
    window.__longest = 0;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

export type Watched = {
  __rowsAt?: number;
  __firstRowsAt?: number;
  __longest: number;
  __watch(): void;
};

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Resolves once the page has had no request in flight for half a second. */
export async function quiet(page: Page): Promise<void> {
  const pending = inFlight.get(page) ?? new Set();
  let since = Date.now();
  while (Date.now() - since < 500) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (pending.size > 0) since = Date.now();
  }
}

export async function signedInPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await context.addInitScript({
    content: `sessionStorage.setItem('nuextract.token', ${JSON.stringify(TOKEN)});`,
  });
  await context.addInitScript({ content: WATCH_ROWS });
  const page = await context.newPage();
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  return page;
}

export type Timing = {
  /** From navigation start (or the click) to the 100 rows painted. */
  rows: number;
  /** ... to the first FIRST_ROWS rows of the page painted, while the rest may still be on its way. */
  firstRows: number;
  /** ... to the list request leaving the browser: the app's start-up (boot, routing, render). */
  requestSent: number;
  /** ... the request itself (server, network, body), as the browser's resource timing saw it. */
  request: number;
  /** From the last byte to the rows painted: JSON.parse, validation, React, layout, paint. */
  afterResponse: number;
  /** The longest main-thread task from the start until the page went quiet (0: none over 50 ms). */
  longestTask: number;
};

export const waitForRows = (page: Page) =>
  page.waitForFunction(() => (window as unknown as Watched).__rowsAt !== undefined, null, {
    timeout: 60_000,
  });

/**
 * Waits for the rows, then reads the list request's resource timing; `t0` is the start (0 for a load).
 * The longest task is read once the page has been quiet for a while (what follows the rows counts too).
 */
export async function timing(page: Page, t0: number): Promise<Timing> {
  await waitForRows(page);
  const { rowsAt, firstRowsAt } = await page.evaluate(() => {
    const watched = window as unknown as Watched;
    return { rowsAt: watched.__rowsAt ?? NaN, firstRowsAt: watched.__firstRowsAt ?? NaN };
  });
  await quiet(page);
  const request = await listRequest(page, t0);
  const longestTask = await page.evaluate(() => (window as unknown as Watched).__longest);
  return {
    rows: rowsAt - t0,
    firstRows: firstRowsAt - t0,
    requestSent: request.startTime - t0,
    request: request.duration,
    afterResponse: rowsAt - (request.startTime + request.duration),
    longestTask,
  };
}

type Span = { startTime: number; duration: number };

/**
 * The list request's resource timing, its start on the page's clock; the last one since `t0`. A first
 * visit's request is the page's own; a page change's is sent by the list worker.
 */
async function listRequest(page: Page, t0: number): Promise<Span> {
  const find = ([path, since, origin]: readonly [string, number, number]) => {
    const shift = performance.timeOrigin - origin;
    const entry = performance
      .getEntriesByType('resource')
      .findLast((e) => e.name.endsWith(path) && e.startTime + shift >= since);
    return entry ? { startTime: entry.startTime + shift, duration: entry.duration } : null;
  };
  const origin = await page.evaluate(() => performance.timeOrigin);
  const args = [LIST_PATH, t0, origin] as const;
  const found = [await page.evaluate(find, args)];
  for (const worker of page.workers()) {
    // A worker may have ended since it was listed.
    found.push(await worker.evaluate(find, args).catch(() => null));
  }
  const span = found.find((s): s is Span => s !== null);
  if (!span) throw new Error(`no resource timing for ${LIST_PATH}`);
  return span;
}

/** fetch + text + JSON.parse of the same list call, from a page of the same origin running no app code. */
export async function fetchAndParse(
  page: Page,
): Promise<{ total: number; fetch: number; parse: number; bytes: number }> {
  await page.goto('/favicon.svg');
  return page.evaluate(
    async ([path, token]) => {
      const t0 = performance.now();
      const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
      const text = await response.text();
      const t1 = performance.now();
      const body = JSON.parse(text) as { items: unknown[] };
      const t2 = performance.now();
      if (body.items.length === 0) throw new Error('empty page');
      return { total: t2 - t0, fetch: t1 - t0, parse: t2 - t1, bytes: text.length };
    },
    [LIST_PATH, TOKEN] as const,
  );
}

/**
 * The bench's reference page (bench/bare-page/, served beside the app by run.ts): no app, the floor's
 * work (the list page fetched, read whole, parsed) from the moment a navigation starts, then one line
 * painted. Its load is what a navigation adds to the floor on this machine (the page, a renderer
 * starting, the request competing with both for the processor). A reference, not a bound: the app reads
 * less of the page (its worker skips the payloads), but does much else besides.
 * Returns the time from navigation start to that paint.
 */
export async function bareLoad(page: Page): Promise<number> {
  await page.goto(`/bare-load.html?list=${encodeURIComponent(LIST_PATH)}`);
  type Bare = { __bareAt?: number; __bareFailed?: string };
  await page.waitForFunction(
    () => {
      const bare = window as unknown as Bare;
      return bare.__bareAt !== undefined || bare.__bareFailed !== undefined;
    },
    null,
    { timeout: 60_000 },
  );
  const { __bareAt, __bareFailed } = await page.evaluate(() => {
    const { __bareAt, __bareFailed } = window as unknown as Bare;
    return { __bareAt, __bareFailed };
  });
  if (__bareAt === undefined)
    throw new Error(`the bare page's list request failed: ${__bareFailed}`);
  return __bareAt;
}
