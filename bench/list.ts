// The jobs list with a heavy page: ~20 MB of job data on one perPage=100 page. How long from navigation to
// rows on screen, against fetching and JSON.parse-ing the same payload alone (the floor no UI can beat);
// the longest main-thread task meanwhile; and the JS heap left after three such pages were shown in turn.
// Called by bench/run.ts, which starts the server (simulator controls on) and the browser.
import { median, round, target, type BenchOptions, type Figures } from './bench-kit.ts';
import { addBigJobs, JOBS } from './list-jobs.ts';
import {
  bareLoad,
  fetchAndParse,
  quiet,
  signedInPage,
  timing,
  waitForRows,
  type Timing,
  type Watched,
} from './list-watch.ts';

const RUNS = 9;

export async function benchList({ baseURL, browser, sim }: BenchOptions): Promise<Figures> {
  await sim.post('/__sim/reset', {});
  await sim.post('/__sim/config', { live: false });
  await addBigJobs(sim, 1);

  const load: Timing[] = [];
  const inApp: Timing[] = [];
  const floors: { total: number; fetch: number; parse: number }[] = [];
  const coldFloors: number[] = [];
  const bare: number[] = [];
  let bytes = 0;

  // One warm-up round (server JIT, browser caches of the app's own files), then the measured runs. Each
  // step waits for the network to go quiet first: the list prefetches its next page (megabytes of seeded
  // jobs the simulator builds per request), and a busy single-threaded server would skew the next step.
  // Each ratio is taken within its run (a shared machine's speed drifts from minute to minute), against
  // the floor measured at the end of the run, in a warm page: the strictest floor. A first 20 MB fetch in
  // a fresh page is much slower (reported as fetchParseMs.cold); it warms the page for the load step.
  for (let run = 0; run <= RUNS; run++) {
    const page = await signedInPage(browser, baseURL);
    try {
      // 0. The same payload fetched and parsed, nothing else, in a cold page.
      const cold = await fetchAndParse(page);

      // 4, in every other run: the reference page's load, before the app's, so that neither gains
      // from always going second.
      let bareLoadMs = run % 2 === 1 ? await bareLoad(page) : undefined;

      // 1. A full navigation: the app boots, fetches the page, renders it.
      await page.goto(`/jobs?perPage=${JOBS}`);
      const loadTiming = await timing(page, 0);

      // 2. A navigation inside the app: from a 10-row page, Per page -> 100 (nothing cached).
      await page.goto('/jobs?perPage=10');
      await page
        .locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr[data-job-id]')
        .first()
        .waitFor();
      await quiet(page);
      const clickedAt = await page.evaluate(() => {
        (window as unknown as Watched).__watch();
        const select = [...document.querySelectorAll('label')].find(
          (l) => l.textContent === 'Per page',
        )?.control as HTMLSelectElement | null;
        if (!select) throw new Error('no Per page select');
        const t0 = performance.now();
        select.value = '100';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return t0;
      });
      const inAppTiming = await timing(page, clickedAt);

      // 3. The floor: the same payload fetched and parsed, nothing else.
      const floor = await fetchAndParse(page);
      bytes = floor.bytes;

      // 4. The reference page's load: the floor's work on a navigation, with no app.
      bareLoadMs ??= await bareLoad(page);
      if (run > 0) {
        load.push(loadTiming);
        inApp.push(inAppTiming);
        coldFloors.push(cold.total);
        floors.push(floor);
        bare.push(bareLoadMs);
      }
    } finally {
      await page.context().close();
    }
  }

  const m = <T>(values: T[], pick: (v: T) => number) => median(values.map(pick));
  const floorTotals = floors.map((f) => f.total);
  /** The median over runs of each run's value over that run's `over`, to two decimals. */
  const runRatio = (values: number[], over: number[]) =>
    Math.round(median(values.map((v, i) => v / (over[i] ?? NaN))) * 100) / 100;
  const ratio = (timings: Timing[], until: (t: Timing) => number = (t) => t.rows) =>
    runRatio(timings.map(until), floorTotals);
  const base = median(floorTotals);
  const loadRows = m(load, (t) => t.rows);
  const inAppRows = m(inApp, (t) => t.rows);
  const longest = (timings: Timing[]) => round(m(timings, (t) => t.longestTask));
  return {
    'list.payloadMB': round(bytes / 1024 / 1024),
    'list.runs': RUNS,
    // The floor: fetch + JSON.parse of the same page, nothing else.
    'list.fetchParseMs': round(base),
    'list.fetchParseMs.cold': round(median(coldFloors)),
    'list.fetchMs': round(m(floors, (f) => f.fetch)),
    'list.parseMs': round(m(floors, (f) => f.parse)),
    // A full page load of /jobs?perPage=100.
    'list.loadToRowsMs': round(loadRows),
    'list.load.firstRowsMs': round(m(load, (t) => t.firstRows)),
    'list.load.requestSentMs': round(m(load, (t) => t.requestSent)),
    'list.load.requestMs': round(m(load, (t) => t.request)),
    'list.load.afterResponseMs': round(m(load, (t) => t.afterResponse)),
    // In the app: Per page 10 -> 100.
    'list.inAppToRowsMs': round(inAppRows),
    'list.inApp.firstRowsMs': round(m(inApp, (t) => t.firstRows)),
    'list.inApp.requestSentMs': round(m(inApp, (t) => t.requestSent)),
    'list.inApp.requestMs': round(m(inApp, (t) => t.request)),
    'list.inApp.afterResponseMs': round(m(inApp, (t) => t.afterResponse)),
    // The figures: median over runs of (time to rows) / (that run's fetch + parse), and the longest
    // main-thread task from the start until the page went quiet.
    'list.ratioLoad': target(ratio(load), 1.2),
    // The reference page's load (bareLoad in list-watch.ts): no app, the floor's work on a navigation.
    // Its ratio is what a navigation adds to the floor here; the app's load over it, what the app adds.
    'list.bareLoadMs': round(median(bare)),
    'list.ratioLoad.barePage': runRatio(bare, floorTotals),
    'list.load.overBarePage': runRatio(
      load.map((t) => t.rows),
      bare,
    ),
    'list.ratioInApp': target(ratio(inApp), 1.1),
    // The first screenful (FIRST_ROWS) against the same floor: what a person waits for to start reading.
    'list.ratioLoad.firstRows': ratio(load, (t) => t.firstRows),
    'list.ratioInApp.firstRows': ratio(inApp, (t) => t.firstRows),
    'list.load.longestTaskMs': target(longest(load), 50),
    'list.inApp.longestTaskMs': target(longest(inApp), 50),
  };
}

const HEAP_RUNS = 3;
const MB = 1024 * 1024;

/**
 * Memory: three 20 MB pages shown in turn (a full load of page 1, then Next, Next), then a full garbage
 * collection, then the main thread's JS heap. What the list keeps of the pages it showed (its cache) is
 * what remains. A fresh browser context each run.
 */
export async function benchHeap({ baseURL, browser, sim }: BenchOptions): Promise<Figures> {
  await sim.post('/__sim/reset', {});
  await sim.post('/__sim/config', { live: false });
  await addBigJobs(sim, 3);
  const heaps: number[] = [];
  const empty: number[] = [];
  for (let run = 0; run < HEAP_RUNS; run++) {
    const page = await signedInPage(browser, baseURL);
    try {
      const cdp = await page.context().newCDPSession(page);
      const heapAfterGc = async () => {
        await quiet(page);
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      // The app alone, on a 1-job page: what a page's megabytes add is measured against it.
      await page.goto('/jobs?perPage=1');
      await page.locator('tbody tr[data-job-id]').first().waitFor();
      empty.push(await heapAfterGc());

      await page.evaluate(() => (window as unknown as Watched).__watch());
      await page.goto(`/jobs?perPage=${JOBS}`);
      await waitForRows(page);
      for (let next = 0; next < 2; next++) {
        await quiet(page);
        await page.evaluate(() => (window as unknown as Watched).__watch());
        await page.getByRole('button', { name: 'Next page', exact: true }).click();
        await waitForRows(page);
      }
      heaps.push(await heapAfterGc());
    } finally {
      await page.context().close();
    }
  }
  return {
    'heap.runs': HEAP_RUNS,
    'heap.appAloneMB': round(median(empty) / MB),
    'heap.afterThreePagesMB': target(round(median(heaps) / MB), 40),
  };
}
