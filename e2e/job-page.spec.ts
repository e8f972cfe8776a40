import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO_TOKEN, expect, openSignedIn, test, type Sim } from './fixtures.ts';

// The job page against the simulator over real HTTP: streams, drops, timeouts, refusals, big data.

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;
const indicator = (page: Page) => page.getByTestId('live-indicator');
const heading = (page: Page, id: string) =>
  page.getByRole('heading', { level: 1, name: `Job ${id}` });

const extraction = (answer: unknown) =>
  JSON.stringify({
    result: { answer },
    rawModelOutput: JSON.stringify({ answer }),
    inputTokens: 812,
    outputTokens: 95,
    totalTokens: 907,
    logprobs: -3.2,
  });

async function openLive(page: Page, sim: Sim, id: string) {
  await sim.createJob({ id, status: 'running' });
  await openSignedIn(page, jobPath(id));
  await expect(heading(page, id)).toBeVisible();
  await expect(indicator(page)).toContainText('Live');
}

test.describe('following a job live', () => {
  test('the result appears without a reload, and the cached list shows it too', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-live-1';
    await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, '/jobs');
    const row = page.locator(`tr[data-job-id="${id}"]`);
    await expect(row).toContainText('running');
    await row.getByRole('link', { name: id, exact: true }).click();
    await expect(heading(page, id)).toBeVisible();
    await expect(indicator(page)).toContainText('Live');
    await expect(
      page.getByText('The output appears here as soon as the job finishes.'),
    ).toBeVisible();
    const before = await sim.counters();

    await sim.finishJob(id, { outputData: extraction('forty-two') });
    await expect(page.getByText('completed', { exact: true })).toBeVisible();
    await expect(page.getByText('forty-two').first()).toBeVisible();
    await expect(page.getByLabel('Token usage')).toContainText('907');
    await expect(page).toHaveTitle(/^completed · Job e2e-live-1/);
    await expect(page.getByText(`Job ${id} completed.`)).toBeAttached(); // the aria-live announcement
    await expect(indicator(page)).toHaveCount(0);
    const after = await sim.counters();
    expect(after.openStreams).toBe(0);
    expect(after.requests.job).toBe(before.requests.job); // the result came over the stream

    await page.getByRole('link', { name: '← All jobs' }).click();
    await expect(row).toContainText('completed');
  });

  test('a dropped stream reconnects and still gets the result', async ({ page, sim }) => {
    const id = 'e2e-drop';
    await openLive(page, sim, id);
    await sim.dropStreams();
    await expect.poll(async () => (await sim.counters()).requests.stream).toBeGreaterThanOrEqual(2);
    await expect(indicator(page)).toContainText('Live');
    await expect.poll(async () => (await sim.counters()).openStreams).toBe(1);
    // After a drop the job is checked once, in case the result came meanwhile.
    expect((await sim.counters()).requests.status).toBeGreaterThanOrEqual(1);
    await sim.finishJob(id, { outputData: extraction('after the drop') });
    await expect(page.getByText('after the drop').first()).toBeVisible();
  });

  test('JobTimeout from the server: the page checks the job and opens a new stream', async ({
    page,
    sim,
  }) => {
    await sim.config({ jobTimeoutMs: 700 });
    const id = 'e2e-timeout';
    await openLive(page, sim, id);
    await expect
      .poll(async () => (await sim.counters()).requests.stream, { timeout: 5000 })
      .toBeGreaterThanOrEqual(3);
    await expect(indicator(page)).toContainText('Live');
    expect((await sim.counters()).openStreams).toBeLessThanOrEqual(1);
    await sim.config({ jobTimeoutMs: 600_000 });
    await sim.finishJob(id, { outputData: extraction('after timeouts') });
    await expect(page.getByText('after timeouts').first()).toBeVisible();
  });

  test('pings keep the indicator live with the time since the last heartbeat', async ({
    page,
    sim,
  }) => {
    await sim.config({ pingMs: 300 });
    await openLive(page, sim, 'e2e-pings');
    await page.waitForTimeout(2500);
    await expect(indicator(page)).toContainText(/Live · heartbeat (just now|1 s ago)/);
    const counters = await sim.counters();
    expect(counters.requests.stream).toBe(1);
    expect(counters.openStreams).toBe(1);
  });

  test('a connection that goes silent is noticed by the watchdog and replaced', async ({
    page,
    sim,
  }) => {
    await sim.config({ pingMs: 300 });
    const id = 'e2e-silent';
    await openLive(page, sim, id);
    await page.waitForTimeout(1500); // a few pings: the page learns the interval
    // The next stream opens fine, then says nothing, ever.
    await sim.fault({ path: 'stream', sse: ': hello\n\n', hang: true });
    await sim.dropStreams();
    await expect
      .poll(async () => (await sim.counters()).requests.stream, { timeout: 8000 })
      .toBeGreaterThanOrEqual(3);
    await expect(indicator(page)).toContainText('Live');
    await sim.finishJob(id, { outputData: extraction('after the silence') });
    await expect(page.getByText('after the silence').first()).toBeVisible();
  });

  test('another stream error code is shown, and the page polls /status until the job is done', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-stream-error';
    await sim.createJob({ id, status: 'running' });
    await sim.fault({
      path: 'stream',
      sse: 'event: error\ndata: {"code": "BillingSuspended", "message": "Streaming is paused for this account"}\n\n',
    });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Polling');
    await expect(page.getByText('BillingSuspended:')).toBeVisible();
    await sim.finishJob(id, { outputData: extraction('seen by polling') });
    await expect(page.getByText('seen by polling').first()).toBeVisible({ timeout: 10_000 });
    expect((await sim.counters()).requests.stream).toBe(1);
  });

  test('malformed events do not break the page', async ({ page, sim }) => {
    const id = 'e2e-malformed';
    await sim.createJob({ id, status: 'running' });
    await sim.fault({
      path: 'stream',
      sse: [
        ': comment\r\n',
        'retry: 5\r\nid: 1\r\n\r\n',
        'event: result\ndata: {not json\n\n',
        'event: result\ndata: {"id": "someone-else"}\n\n',
        'event: ping\ndata:\n\n',
        '',
      ].join(''),
      hang: true,
    });
    await openSignedIn(page, jobPath(id));
    await expect(heading(page, id)).toBeVisible();
    await expect(indicator(page)).toContainText('Live');
    await expect(page.getByText('running', { exact: true })).toBeVisible();
  });
});

test.describe('refusals', () => {
  test('401 on the stream sends the person to sign-in and back to this job', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-401';
    await openLive(page, sim, id);
    await sim.revoke(DEMO_TOKEN);
    await sim.dropStreams();
    await expect(page).toHaveURL(`/sign-in?returnTo=${encodeURIComponent(jobPath(id))}`);
    const streams = (await sim.counters()).requests.stream;
    await page.waitForTimeout(1500);
    expect((await sim.counters()).requests.stream).toBe(streams); // no retry after a 401
  });

  test("another user's job: You don't have access, no stream", async ({ page, sim }) => {
    const id = 'e2e-mallory';
    await sim.createJob({ id, status: 'running', owner: 'mallory' });
    await openSignedIn(page, jobPath(id));
    await expect(page.getByRole('heading', { name: "You don't have access" })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the jobs list' })).toBeVisible();
    const counters = await sim.counters();
    expect(counters.requests.stream).toBe(0);
    expect(counters.requests.job).toBe(1); // 403 is not retried
  });

  test('an unknown id: Job not found, with a way back', async ({ page, sim }) => {
    await openSignedIn(page, jobPath('no-such-job'));
    await expect(page.getByRole('heading', { name: 'Job not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the jobs list' }).click();
    await expect(page).toHaveURL('/jobs');
    const counters = await sim.counters();
    expect(counters.requests.stream).toBe(0);
    expect(counters.byPath['/api/jobs/no-such-job']).toBe(1);
  });

  test('a 403 on the stream alone (a quota, not the job) keeps the job and polls', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-stream-403';
    await sim.createJob({ id, status: 'running' });
    await sim.fault({
      path: 'stream',
      status: 403,
      body: '{"message": "Streaming quota exceeded"}',
    });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Polling');
    await expect(page.getByText('Streaming quota exceeded')).toBeVisible();
    await expect(heading(page, id)).toBeVisible();
  });
});

test.describe('ids and links', () => {
  test('odd ids are one opaque path segment in every request', async ({ page, sim }) => {
    // Dots and slashes, but no dot segment: the server refuses those (400, server/api-paths.ts).
    const id = 'a/b?c#d %2F%25 .x./y';
    await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, jobPath(id));
    await expect(heading(page, id)).toBeVisible();
    await expect(indicator(page)).toContainText('Live');
    const { byPath } = await sim.counters();
    const encoded = `/api/jobs/${encodeURIComponent(id)}`;
    expect(byPath[encoded]).toBe(1);
    expect(byPath[`${encoded}/stream`]).toBe(1);
    expect(Object.keys(byPath).filter((p) => !p.startsWith(encoded))).toEqual([]);
  });

  test('50 jobs opened in a row leave at most one stream open', async ({ page, sim }) => {
    test.setTimeout(120_000);
    const ids = Array.from({ length: 50 }, (_, i) => `e2e-row-${i}`);
    for (const id of ids) await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, '/jobs');
    const jump = page.getByLabel('Jump to job');
    for (const id of ids) {
      await jump.fill(id);
      await jump.press('Enter');
      await expect(heading(page, id)).toBeVisible();
    }
    await expect(indicator(page)).toContainText('Live');
    await expect.poll(async () => (await sim.counters()).openStreams).toBeLessThanOrEqual(1);
    await page.getByRole('link', { name: '← All jobs' }).click();
    await expect.poll(async () => (await sim.counters()).openStreams).toBe(0);
  });

  test('Copy link copies the page address without a token; a fresh browser signs in and lands on the job', async ({
    page,
    sim,
    browser,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const id = 'e2e-share me/1';
    await openLive(page, sim, id);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseURL}${jobPath(id)}`);
    expect(link).not.toContain(DEMO_TOKEN);
    await page.getByRole('button', { name: 'Copy id' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(id);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other).toHaveURL(/\/sign-in\?returnTo=/);
    await other.getByLabel('API token').fill(DEMO_TOKEN);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other).toHaveURL(jobPath(id));
    await expect(heading(other, id)).toBeVisible();
    await fresh.close();
  });
});

test.describe('what the page shows', () => {
  test('a failed job leads with its error code and message', async ({ page, sim }) => {
    const id = 'e2e-failed';
    await sim.createJob({
      id,
      status: 'failed',
      errorCode: 'ContextLengthExceeded',
      errorMessage: 'The input is 40000 tokens long; the maximum is 32768.',
    });
    await openSignedIn(page, jobPath(id));
    const failure = page.getByRole('heading', { name: 'Failed: ContextLengthExceeded' });
    await expect(failure).toBeVisible();
    await expect(
      page.getByText('The input is 40000 tokens long; the maximum is 32768.'),
    ).toBeVisible();
    await expect(indicator(page)).toHaveCount(0);
    expect((await sim.counters()).requests.stream).toBe(0); // finished: no stream
  });

  test('XSS payloads in every field render as inert text', async ({ page, sim }) => {
    const xss = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const id = `x"><svg onload=alert(3)>`;
    await sim.createJob({
      id,
      status: 'failed',
      jobType: xss,
      errorCode: xss,
      errorMessage: `${xss} javascript:alert(4)`,
      inputData: `Note: ${xss}`,
      outputData: JSON.stringify({
        result: {
          [xss]: xss,
          link: 'javascript:alert(5)',
          data: 'data:text/html,<script>alert(6)</script>',
          site: 'https://example.com/a?b=<c>',
        },
      }),
    });
    await openSignedIn(page, jobPath(id));
    await expect(heading(page, id)).toBeVisible();
    await expect(page.getByRole('heading', { name: `Failed: ${xss}` })).toBeVisible();
    await expect(page.getByText(`Note: ${xss}`)).toBeVisible();
    // Only the https value became a link.
    const output = page.getByRole('list', { name: 'Output as a tree' });
    await expect(output.getByRole('link')).toHaveCount(1);
    await expect(output.getByRole('link')).toHaveAttribute(
      'href',
      'https://example.com/a?b=%3Cc%3E',
    );
    expect(await page.locator('img, script:not([src])').count()).toBe(0);
    await page.getByRole('button', { name: 'Expand all' }).first().click();
    await page.getByRole('button', { name: 'Raw' }).first().click();
    await expect(page.getByText('javascript:alert(5)').first()).toBeVisible();
  });

  test('numbers past 2^53 keep their digits in the tree and in a copied value', async ({
    page,
    sim,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const id = 'e2e-digits';
    await sim.createJob({
      id,
      status: 'completed',
      outputData:
        '{"result": {"id": 9007199254740993, "amount": 12.50, "small": 3, "negative": -12345678901234567890}}',
    });
    await openSignedIn(page, jobPath(id));
    const tree = page.getByRole('list', { name: 'Output as a tree' });
    await expect(tree).toContainText('9007199254740993');
    await expect(tree).toContainText('12.50');
    await expect(tree).toContainText('-12345678901234567890');
    await tree.getByRole('button', { name: 'Copy value of result' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      '{\n  "id": 9007199254740993,\n  "amount": 12.50,\n  "small": 3,\n  "negative": -12345678901234567890\n}',
    );
  });

  test('a multi-megabyte output stays responsive while it renders', async ({ page, sim }) => {
    const items = Array.from({ length: 60_000 }, (_, i) => ({
      line: i + 1,
      description: `Item ${i} <b>bold</b>`,
      quantity: i % 9,
      unit_price: 12.5,
    }));
    const outputData = JSON.stringify({ result: { items }, rawModelOutput: 'x'.repeat(3_000_000) });
    expect(outputData.length).toBeGreaterThan(6_000_000);
    const id = 'e2e-big';
    await page.addInitScript(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await openLive(page, sim, id);
    await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
    await sim.finishJob(id, { outputData });
    await expect(page.getByText('completed', { exact: true })).toBeVisible();
    // While the output is parsed and drawn, clicks are answered at once: probe until the tree shows.
    const answered = await page.evaluate(async () => {
      const target = document.querySelector('h1') as HTMLElement;
      let worst = 0;
      const until = performance.now() + 5000;
      while (
        performance.now() < until &&
        !document.querySelector('[aria-label="Extracted values"]')
      ) {
        const start = performance.now();
        await new Promise<void>((resolve) => {
          target.addEventListener('click', () => resolve(), { once: true });
          setTimeout(() => target.click(), 0);
        });
        worst = Math.max(worst, performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return worst;
    });
    expect(answered).toBeLessThan(200);
    // The Result view draws the first rows of the 60,000; the tree has them all, a page at a time.
    await expect(page.getByText('60,000 items, the first 25 shown')).toBeVisible({
      timeout: 15_000,
    });
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(`longest task while the 6 MB output arrived and drew: ${longest} ms`);
    expect(longest).toBeLessThan(200);
    await page
      .getByRole('region', { name: 'Output' })
      .getByRole('button', { name: 'JSON', exact: true })
      .click();
    await expect(page.getByRole('button', { name: 'Expand items' })).toBeVisible();
    await expect(page.getByText('60,000 items', { exact: true })).toBeVisible();
    // Children render on demand: a page of 100, then more on request.
    await page.getByRole('button', { name: 'Expand items' }).click();
    await expect(page.getByText('Show 100 more (59,900 not shown)')).toBeVisible();
  });
});

test('axe finds nothing on the running, completed, failed and not-found views, light and dark', async ({
  page,
  sim,
}) => {
  test.setTimeout(120_000);
  await sim.createJob({ id: 'axe-running', status: 'running' });
  await sim.createJob({ id: 'axe-done', status: 'completed', jobType: 'inference' });
  await sim.createJob({ id: 'axe-failed', status: 'failed' });
  await sim.createJob({
    id: 'axe-markdown',
    status: 'completed',
    outputData: JSON.stringify({ result: '# Title', thinkingTrace: 'Short.' }),
  });
  await openSignedIn(page, '/jobs');
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => localStorage.setItem('nuextract.theme', t), theme);
    for (const id of ['axe-running', 'axe-done', 'axe-failed', 'axe-markdown', 'axe-missing']) {
      await page.goto(jobPath(id));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('Reading')).toHaveCount(0);
      if (id === 'axe-running') await expect(indicator(page)).toContainText('Live');
      const results = await new AxeBuilder({ page }).exclude('[role="progressbar"]').analyze();
      expect(
        results.violations.map(
          (v) => `${theme} ${id} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      ).toEqual([]);
    }
  }
});
