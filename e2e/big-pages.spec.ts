import type { Page } from '@playwright/test';
import { expect, openSignedIn, test, type Sim } from './fixtures.ts';

const settledRows = (page: Page) =>
  page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr[data-job-id]');

/** The list calls the page makes, as `skip/perPage`. */
function listCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/jobs') {
      calls.push(`${url.searchParams.get('skip')}/${url.searchParams.get('perPage')}`);
    }
  });
  return calls;
}

test('one list request per navigation: a page load and a change of Per page', async ({ page }) => {
  const calls = listCalls(page);
  await openSignedIn(page, '/jobs?perPage=10');
  await expect(settledRows(page)).toHaveCount(10);
  expect(calls.filter((call) => call === '0/10')).toEqual(['0/10']);

  await page.getByLabel('Per page').selectOption('50');
  await expect(settledRows(page)).toHaveCount(50);
  expect(calls.filter((call) => call === '0/50')).toEqual(['0/50']);
});

/** Three whole jobs and the start of a fourth, sent by the simulator as a list page whose rest never comes. */
async function sendPartialPage(sim: Sim): Promise<void> {
  const job = (id: string) =>
    JSON.stringify({
      id,
      jobType: 'extract',
      status: 'completed',
      ownerUser: 'ana@example.com',
      createdAt: '2026-12-01T10:00:00Z',
      updatedAt: '2026-12-01T10:00:09Z',
      inputData: '{"text":"an invoice"}',
    });
  const start = `{"totalCount":40,"skip":0,"perPage":30,"items":[${job('came-1')},${job('came-2')},${job('came-3')},{"id":"came-4","inputData":"on its way`;
  await sim.fault({ path: 'list', sse: start, contentType: 'application/json', hang: true });
}

/** The rows that came are on screen while the table waits for the rest. */
async function expectArrivedRows(page: Page): Promise<void> {
  const table = page.getByRole('table', { name: 'Jobs' });
  await expect(table.locator('tbody tr[data-job-id]')).toHaveCount(3);
  for (const id of ['came-1', 'came-2', 'came-3']) {
    await expect(table.getByRole('link', { name: id })).toBeVisible();
  }
  await expect(table).toHaveAttribute('aria-busy', 'true');
  // The places of the rest are kept, so the rows to come push nothing down.
  await expect(table.locator('tbody tr[data-skeleton]').first()).toBeVisible();
}

test('rows show while the page is still arriving, above the places of the rows to come', async ({
  page,
  sim,
}) => {
  await sendPartialPage(sim);
  // Uncompressed (the compressed path: the next test).
  await page.route(
    (url) => url.pathname === '/api/jobs',
    (route) =>
      route.continue({ headers: { ...route.request().headers(), 'x-no-compression': '1' } }),
  );
  await openSignedIn(page, '/jobs');
  await expectArrivedRows(page);
});

test('rows show while the page is still arriving compressed: the server passes on what came', async ({
  page,
  sim,
}) => {
  await sendPartialPage(sim);
  const listResponse = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/jobs' && url.searchParams.get('skip') === '0';
  });
  await openSignedIn(page, '/jobs');
  await expectArrivedRows(page);
  // Compressed for the browser: the server flushed what its compressor held when the upstream paused.
  expect((await listResponse).headers()['content-encoding']).toBe('br');
});

test("a page's megabytes are not kept on the page: rows keep what they show", async ({
  page,
  sim,
}) => {
  const jobs = 40;
  const inputData = JSON.stringify({ text: 'an invoice line '.repeat(12_500) }); // 200 KB each
  for (let i = 0; i < jobs; i++) {
    await sim.createJob({ id: `big-${i}`, status: 'completed', inputData, outputData: inputData });
  }
  const payloadBytes = jobs * 2 * inputData.length; // 16 MB on this page
  await openSignedIn(page, `/jobs?perPage=${jobs}`);
  await expect(settledRows(page)).toHaveCount(jobs);
  await expect(page.locator('tr[data-job-id="big-0"]')).toBeVisible();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // The app alone takes a few MB; one copy of the page would be 16 MB more.
  expect(usedSize).toBeLessThan(payloadBytes / 2);
});

test("rows show each job's payload size in UTF-8 bytes, input and output apart in the hover", async ({
  page,
  sim,
}) => {
  // 300,000 characters of 2 bytes each; 6,000 and 10,011 of 1 byte. The list worker measures them as
  // they arrive.
  await sim.createJob({ id: 'letters', status: 'running', inputData: 'é'.repeat(300_000) });
  const output = JSON.stringify({ text: 'an invoice line '.repeat(625) });
  await sim.createJob({
    id: 'ascii',
    status: 'completed',
    inputData: 'x'.repeat(6_000),
    outputData: output,
  });
  await openSignedIn(page, '/jobs?perPage=100');
  await expect(settledRows(page)).not.toHaveCount(0);
  const size = (id: string) => page.locator(`tr[data-job-id="${id}"]`).getByTitle(/^Input /);
  await expect(size('letters')).toHaveText('586 KB');
  await expect(size('letters')).toHaveAttribute('title', 'Input 586 KB · no output');
  await expect(size('ascii')).toHaveText('16 KB');
  await expect(size('ascii')).toHaveAttribute('title', 'Input 5.9 KB · output 9.8 KB');
});

test('rows far below the screen are not drawn until scrolled near, and take their place meanwhile', async ({
  page,
}) => {
  await openSignedIn(page, '/jobs?perPage=100');
  await expect(settledRows(page)).toHaveCount(100);
  const drawn = (row: number) =>
    settledRows(page)
      .nth(row)
      .evaluate((tr) => ({
        // What the browser skips is the row's inside; the row itself keeps its box.
        drawn: tr.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }),
        height: Math.round(tr.getBoundingClientRect().height),
      }));
  // The browser decides after a layout which rows are near the screen.
  await expect.poll(() => drawn(1)).toEqual({ drawn: true, height: 41 });
  // A row far below keeps a drawn row's height, so the page's height and scrollbar do not change.
  expect(await drawn(90)).toEqual({ drawn: false, height: 41 });
  // Still in the page for find-in-page and assistive technology.
  await expect(settledRows(page).nth(90).getByRole('link')).toHaveCount(1);
  await settledRows(page).nth(90).scrollIntoViewIfNeeded();
  await expect.poll(() => drawn(90)).toEqual({ drawn: true, height: 41 });
});
