import type { Page, Request } from '@playwright/test';
import { DEMO_TOKEN, expect, openSignedIn, test, type Sim } from './fixtures.ts';

// Failures of the API and the network, end to end against the simulator's fault controls. Every case
// ends with the page working again, and fails on any console error or CSP violation (fixtures.ts).
// Cases the list and job specs already cover (a 400, a 403 organization, a 500 then Retry, a plain
// drop, JobTimeout, a silent stream, malformed events, 401/403/404 on the job) are not repeated.

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;
const heading = (page: Page, id: string) =>
  page.getByRole('heading', { level: 1, name: `Job ${id}` });
const indicator = (page: Page) => page.getByTestId('live-indicator');
const rows = (page: Page) => page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr');
const alert = (page: Page) => page.getByRole('alert');
const range = (page: Page) => page.getByRole('navigation', { name: 'Pagination' }).locator('p');

async function requests(sim: Sim) {
  return (await sim.counters()).requests;
}

/** The list calls the page makes from now on, as `skip/perPage` ("0/30" is page 1, "0/1" the probe). */
function listCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/api/jobs') return;
    calls.push(`${url.searchParams.get('skip')}/${url.searchParams.get('perPage')}`);
  });
  return calls;
}

/** Makes the page believe its tab was hidden or shown (headless tabs are always visible). */
async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
    Object.defineProperty(document, 'hidden', {
      configurable: true,
      get: () => value === 'hidden',
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

test.describe('HTTP errors', () => {
  test('a 401 from the live rows signs out, and signing in returns to the same list page', async ({
    page,
    sim,
  }) => {
    // Running jobs on the second page of ten (new jobs come first).
    for (let i = 0; i < 15; i++) await sim.createJob({ status: 'running' });
    await openSignedIn(page, '/jobs?skip=10&perPage=10');
    await expect(rows(page)).toHaveCount(10);
    await sim.fault({ path: 'status', status: 401, body: '{"message": "Token expired"}' });
    // The next round of /status checks (every 5 s) meets the 401.
    await expect(page).toHaveURL(/\/sign-in\?returnTo=/, { timeout: 10_000 });
    await expect(page.getByText('Your session ended')).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.getItem('nuextract.token'))).toBeNull();
    await page.getByLabel('API token').fill(DEMO_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL('/jobs?skip=10&perPage=10');
    await expect(rows(page)).toHaveCount(10);
  });

  test('a 404 from the list is explained once, not retried; Retry recovers', async ({
    page,
    sim,
  }) => {
    await sim.fault({ path: 'list', status: 404, body: '{"message": "No route for /api/jobs"}' });
    await openSignedIn(page, '/jobs');
    await expect(alert(page)).toContainText('Could not load the jobs');
    await expect(alert(page)).toContainText('No route for /api/jobs');
    await page.waitForTimeout(1500);
    expect((await requests(sim)).list).toBe(1);
    await alert(page).getByRole('button', { name: 'Retry' }).click();
    await expect(rows(page)).toHaveCount(30);
  });

  test('a 429 with Retry-After is waited out quietly on the list', async ({ page, sim }) => {
    const asked: Request[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/jobs' && url.searchParams.get('skip') === '0') asked.push(request);
    });
    await sim.fault({ path: 'list', status: 429, headers: { 'Retry-After': '2' } });
    await openSignedIn(page, '/jobs');
    await expect(page.getByRole('status').filter({ hasText: 'Loading jobs' })).toBeAttached();
    await expect(rows(page)).toHaveCount(30, { timeout: 10_000 });
    await expect(alert(page)).toHaveCount(0);
    // When the browser sent each (its own clock): this process hears of a request later, by a
    // varying delay, most of all while the page loads.
    const sent = asked.map((request) => request.timing().startTime);
    expect(sent).toHaveLength(2);
    expect((sent[1] ?? 0) - (sent[0] ?? 0)).toBeGreaterThanOrEqual(1900);
  });

  test('a 429 with Retry-After on the stream: reconnecting, says when and why, then live', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-429';
    await sim.createJob({ id, status: 'running' });
    await sim.fault({
      path: 'stream',
      status: 429,
      headers: { 'Retry-After': '3' },
      body: '{"message": "Too many streams for this token"}',
    });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Reconnecting (attempt 1)');
    await expect(indicator(page)).toContainText(/next try in [2-4]\.0 s/);
    await expect(page.getByText('Too many streams for this token')).toBeVisible();
    expect((await requests(sim)).stream).toBe(1);
    await expect(indicator(page)).toContainText('Live', { timeout: 10_000 });
    expect((await requests(sim)).stream).toBe(2);
    await expect(page.getByText('Too many streams for this token')).toHaveCount(0);
  });

  test('a 502 HTML page then a 503 on a job: retried quietly, the job appears', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-5xx';
    await sim.createJob({ id, status: 'completed' });
    await sim.fault({
      path: `/api/jobs/${id}`,
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
    });
    await sim.fault({ path: `/api/jobs/${id}`, status: 503, headers: { 'Retry-After': '1' } });
    await openSignedIn(page, jobPath(id));
    await expect(page.getByText('Loading the job…')).toBeVisible();
    await expect(page.getByText('completed', { exact: true })).toBeVisible({ timeout: 10_000 });
    await expect(alert(page)).toHaveCount(0);
    await expect(page.getByText('Bad Gateway')).toHaveCount(0);
    expect((await sim.counters()).byPath[`/api/jobs/${id}`]).toBe(3);
  });
});

test.describe('slow and hanging requests', () => {
  test('a slow list shows its loading state, then the rows', async ({ page, sim }) => {
    await sim.fault({ path: 'list', delayMs: 2500 });
    await openSignedIn(page, '/jobs');
    await expect(page.getByRole('status').filter({ hasText: 'Loading jobs' })).toBeAttached();
    await expect(page.locator('tr[data-skeleton]').first()).toBeVisible();
    await expect(rows(page)).toHaveCount(30, { timeout: 10_000 });
  });

  test('a request that never answers times out after 30 s with a message; Retry recovers', async ({
    page,
    sim,
  }) => {
    // The page's clock is Playwright's: the 30 s timeouts pass in a moment, the backoff in real time.
    await page.clock.install();
    await sim.fault({ path: 'list', hang: true, count: 4 });
    await openSignedIn(page, '/jobs');
    // The first attempt is the request main.ts sent before the app loaded: the clock may move only
    // once the list's query has taken it (its effects run right after the render that shows it
    // loading), or the early request's own 10 s limit drops it first and the attempts are one off.
    await expect(page.getByRole('status').filter({ hasText: 'Loading jobs' })).toBeAttached();
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        }),
    );
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect.poll(async () => (await requests(sim)).list).toBe(attempt);
      await expect(alert(page)).toHaveCount(0);
      await page.clock.fastForward(30_000);
    }
    await expect(alert(page)).toContainText('Could not load the jobs');
    await expect(alert(page)).toContainText('The server did not answer within 30 s.');
    await alert(page).getByRole('button', { name: 'Retry' }).click();
    await expect(rows(page)).toHaveCount(30);
  });

  test('a slow answer for job A that lands after the person moved to job B: B stays', async ({
    page,
    sim,
  }) => {
    await sim.createJob({ id: 'slow-a', status: 'completed', jobType: 'type-of-a' });
    await sim.createJob({ id: 'fast-b', status: 'completed', jobType: 'type-of-b' });
    await sim.fault({ path: '/api/jobs/slow-a', delayMs: 2500 });
    await openSignedIn(page, jobPath('slow-a'));
    await expect(page.getByText('Loading the job…')).toBeVisible();
    await page.getByLabel('Jump to job').fill('fast-b');
    await page.getByLabel('Jump to job').press('Enter');
    await expect(heading(page, 'fast-b')).toBeVisible();
    await expect(page.getByText('type-of-b')).toBeVisible();
    await page.waitForTimeout(3500); // A's answer has landed by now
    await expect(heading(page, 'fast-b')).toBeVisible();
    await expect(page.getByText('type-of-a')).toHaveCount(0);
    await expect(page).toHaveURL(jobPath('fast-b'));
    await expect(page).toHaveTitle(/Job fast-b/);
    // A's answer went to A: Back shows it at once.
    await page.goBack();
    await expect(page.getByText('type-of-a')).toBeVisible();
  });

  test("a slow page of one organization that lands after switching: the other's rows stay", async ({
    page,
    sim,
  }) => {
    await sim.fault({ path: 'list', delayMs: 2500 });
    await openSignedIn(page, '/jobs?organization=acme-legal');
    const organization = page.getByRole('combobox', { name: 'Organization' });
    await organization.fill('');
    await page.getByRole('button', { name: 'Switch organization' }).click();
    await expect(page).toHaveURL('/jobs');
    await expect(rows(page)).toHaveCount(30);
    const personal = await range(page).innerText();
    await page.waitForTimeout(3000);
    await expect(page.getByText('Personal account')).toBeVisible();
    await expect(range(page)).toHaveText(personal);
    await expect(page.getByText('acme-legal')).toHaveCount(0);
    expect(personal).not.toBe('1-30 of 64'); // acme-legal's count
  });
});

test.describe('streams', () => {
  test('a stream cut in the middle of an event reconnects; the half event is ignored', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-half-event';
    await sim.createJob({ id, status: 'running' });
    // An open stream that ends halfway through a result (no blank line ends the event).
    await sim.fault({
      path: 'stream',
      sse: `: open\n\nevent: result\ndata: {"id": "${id}", "status": "completed", "outputD`,
    });
    await openSignedIn(page, jobPath(id));
    await expect(heading(page, id)).toBeVisible();
    await expect.poll(async () => (await requests(sim)).stream).toBe(2);
    await expect(indicator(page)).toContainText('Live');
    await expect(page.getByText('running', { exact: true })).toBeVisible();
    await sim.finishJob(id, { outputData: '{"result": {"answer": "after the cut"}}' });
    await expect(page.getByText('after the cut')).toBeVisible();
    await expect.poll(async () => (await sim.counters()).openStreams).toBe(0);
  });

  test("a well-formed result for another job on this job's stream changes neither job", async ({
    page,
    sim,
  }) => {
    await sim.createJob({ id: 'stream-a', status: 'running', jobType: 'type-of-a' });
    const b = await sim.createJob({ id: 'stream-b', status: 'running', jobType: 'type-of-b' });
    const forged = {
      ...b,
      status: 'completed',
      outputData: '{"result": "FORGED"}',
      completedAt: new Date().toISOString(),
      updatedAt: new Date(Date.now() + 60_000).toISOString(),
    };
    await sim.fault({
      path: '/api/jobs/stream-a/stream',
      sse: `event: result\ndata: ${JSON.stringify(forged)}\n\n`,
      hang: true,
    });
    await openSignedIn(page, jobPath('stream-a'));
    await expect(indicator(page)).toContainText('Live');
    // Ignored, and A is checked (its real result may have been lost).
    await expect
      .poll(async () => (await sim.counters()).byPath['/api/jobs/stream-a/status'])
      .toBe(1);
    await expect(heading(page, 'stream-a')).toBeVisible();
    await expect(page.getByText('type-of-a')).toBeVisible();
    await expect(page.getByText('running', { exact: true })).toBeVisible();
    await expect(page.getByText('FORGED')).toHaveCount(0);
    // B's cache was not written either: opening it shows the real, running B.
    await page.getByLabel('Jump to job').fill('stream-b');
    await page.getByLabel('Jump to job').press('Enter');
    await expect(heading(page, 'stream-b')).toBeVisible();
    await expect(page.getByText('running', { exact: true })).toBeVisible();
    await expect(page.getByText('FORGED')).toHaveCount(0);
  });
});

test.describe('offline and hidden', () => {
  test('the list: offline shows a banner; back online, exactly one refetch', async ({
    page,
    sim,
    context,
  }) => {
    await openSignedIn(page, '/jobs');
    await expect(rows(page)).toHaveCount(30);
    await page.waitForTimeout(1000); // the next page's prefetch
    const calls = listCalls(page);
    await context.setOffline(true);
    await expect(page.getByText('You are offline')).toBeVisible();
    await expect(rows(page)).toHaveCount(30); // what was shown stays
    await page.waitForTimeout(1000);
    await context.setOffline(false);
    await expect(page.getByText('You are offline')).toHaveCount(0);
    await expect.poll(() => calls).toEqual(['0/30']);
    await page.waitForTimeout(2000);
    expect(calls).toEqual(['0/30']); // page 1 once; not the new-jobs probe, not page 2
    await expect(rows(page)).toHaveCount(30);
    expect((await sim.counters()).openStreams).toBe(0);
  });

  test('a live job: the stream drops while offline; back online, one new stream and one refetch', async ({
    page,
    sim,
    context,
  }) => {
    const id = 'e2e-offline';
    await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Live');
    await context.setOffline(true);
    await sim.dropStreams();
    await expect(indicator(page)).toContainText('Reconnecting');
    await expect(page.getByText('You are offline')).toBeVisible();
    await page.waitForTimeout(3000); // attempts fail without reaching the server
    const before = await requests(sim);
    expect(before.stream).toBe(1);
    await context.setOffline(false);
    await expect(indicator(page)).toContainText('Live');
    await expect.poll(async () => (await requests(sim)).job).toBe(before.job + 1);
    await page.waitForTimeout(2000);
    const after = await sim.counters();
    expect(after.requests.stream).toBe(before.stream + 1);
    expect(after.requests.job).toBe(before.job + 1);
    expect(after.openStreams).toBe(1);
    await sim.finishJob(id, { outputData: '{"result": {"answer": "after the outage"}}' });
    await expect(page.getByText('after the outage')).toBeVisible();
  });

  test('a hidden list stops checking rows; shown again, one round at once', async ({
    page,
    sim,
  }) => {
    await sim.createJob({ status: 'running' });
    await sim.createJob({ status: 'queued' });
    await openSignedIn(page, '/jobs');
    await expect(rows(page)).toHaveCount(30);
    const calls = listCalls(page);
    await setVisibility(page, 'hidden');
    await page.waitForTimeout(1000); // a round already running may finish
    const hidden = await requests(sim);
    await page.waitForTimeout(6000); // more than one interval
    expect((await requests(sim)).status).toBe(hidden.status);
    await setVisibility(page, 'visible');
    await expect.poll(async () => (await requests(sim)).status).toBeGreaterThan(hidden.status);
    expect(calls.filter((call) => call === '0/30')).toEqual([]); // the page is not refetched
  });

  test('a live job in a tab hidden and shown again: the same stream, one check', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-hidden';
    await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Live');
    const before = await requests(sim);
    await setVisibility(page, 'hidden');
    await page.waitForTimeout(1500);
    await setVisibility(page, 'visible');
    await expect.poll(async () => (await requests(sim)).status).toBe(before.status + 1);
    await page.waitForTimeout(1000);
    const after = await sim.counters();
    expect(after.requests.stream).toBe(before.stream);
    expect(after.requests.job).toBe(before.job);
    expect(after.openStreams).toBe(1);
    await expect(indicator(page)).toContainText('Live');
  });
});
