import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { DEMO_TOKEN, expect, openSignedIn, test } from './fixtures.ts';

type ApiJob = { id: string; status: string; completedAt?: string };
type ApiPage = { totalCount: number; items: ApiJob[] };

/** What the API itself says, to compare the screen against. */
async function apiPage(page: Page, query: string): Promise<ApiPage> {
  const response = await page.request.get(`/api/jobs?${query}`, {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
  });
  expect(response.ok()).toBe(true);
  return (await response.json()) as ApiPage;
}

/** Job rows on screen, once the page is settled (not the skeleton, not the previous page). */
const jobRows = (page: Page) =>
  page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr[data-job-id]');
const row = (page: Page, id: string): Locator => page.locator(`tr[data-job-id="${id}"]`);
const range = (page: Page) => page.getByRole('navigation', { name: 'Pagination' }).locator('p');
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function firstRowId(page: Page): Promise<string | null> {
  return jobRows(page).first().getAttribute('data-job-id');
}

test.describe('paging', () => {
  test('walks to the last partial page and back, by mouse and keyboard', async ({ page }) => {
    const { totalCount } = await apiPage(page, 'perPage=1');
    const lastSkip = Math.floor((totalCount - 1) / 30) * 30;
    expect(totalCount % 30).not.toBe(0); // the seed makes the last page partial

    await openSignedIn(page, '/');
    await expect(page).toHaveURL('/jobs');
    await expect(range(page)).toHaveText(`1-30 of ${totalCount}`);
    await expect(jobRows(page)).toHaveCount(30);
    await expect(button(page, 'First page')).toBeDisabled();
    await expect(button(page, 'Previous page')).toBeDisabled();

    await button(page, 'Last page').click();
    await expect(page).toHaveURL(`/jobs?skip=${lastSkip}`);
    await expect(range(page)).toHaveText(`${lastSkip + 1}-${totalCount} of ${totalCount}`);
    await expect(jobRows(page)).toHaveCount(totalCount - lastSkip);
    await expect(button(page, 'Next page')).toBeDisabled();
    await expect(button(page, 'Last page')).toBeDisabled();
    const last = await apiPage(page, `skip=${lastSkip}&perPage=30`);
    expect(
      await jobRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id'))),
    ).toEqual(last.items.map((job) => job.id));

    // The keyboard: the focus stays on a button that stops leading anywhere.
    await button(page, 'Previous page').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/jobs?skip=${lastSkip - 30}`);
    await expect(range(page)).toHaveText(`${lastSkip - 29}-${lastSkip} of ${totalCount}`);
    await page.keyboard.press('Shift+Tab');
    await expect(button(page, 'First page')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/jobs');
    await expect(range(page)).toHaveText(`1-30 of ${totalCount}`);
    await expect(button(page, 'First page')).toBeFocused();
  });

  test('Per page changes the page size and keeps the first visible job in view', async ({
    page,
  }) => {
    const { totalCount } = await apiPage(page, 'perPage=1');
    await openSignedIn(page, '/jobs?skip=60');
    await expect(range(page)).toHaveText(`61-90 of ${totalCount}`);
    await page.getByLabel('Per page').selectOption('10');
    await expect(page).toHaveURL('/jobs?skip=60&perPage=10');
    await expect(jobRows(page)).toHaveCount(10);
    await page.getByLabel('Per page').selectOption('100');
    await expect(page).toHaveURL('/jobs?perPage=100');
    await expect(jobRows(page)).toHaveCount(100);
    await expect(range(page)).toHaveText(`1-100 of ${totalCount}`);
    await page.getByLabel('Per page').selectOption('30');
    await expect(page).toHaveURL('/jobs');
    await expect(jobRows(page)).toHaveCount(30);
  });
});

test.describe('no flash, no jump', () => {
  test("the skeleton has the table's own size; the previous page stays while the next loads", async ({
    page,
    sim,
  }) => {
    const box = async () =>
      page.locator('table[aria-label="Jobs"]').evaluate((table) => ({
        height: Math.round(table.getBoundingClientRect().height),
        columns: [...table.querySelectorAll('th')].map((th) =>
          Math.round(th.getBoundingClientRect().width),
        ),
      }));
    await sim.fault({ path: 'list', delayMs: 1500 });
    await openSignedIn(page, '/jobs?perPage=50');
    await expect(
      page.locator('table[aria-busy="true"] tbody tr[data-skeleton]').first(),
    ).toBeVisible();
    const skeleton = await box();
    await expect(jobRows(page)).toHaveCount(50);
    const loaded = await box();
    expect(loaded.columns).toEqual(skeleton.columns);
    expect(Math.abs(loaded.height - skeleton.height)).toBeLessThanOrEqual(1); // sub-pixel rounding

    // The last page is not prefetched: while it loads, the current rows stay (dimmed, marked busy).
    const first = await firstRowId(page);
    // Several: the next-page prefetch or the new-jobs check may take the first delayed answer.
    await sim.fault({ path: 'list', delayMs: 1500, count: 5 });
    await button(page, 'Last page').click();
    await expect(page.locator('table[aria-label="Jobs"][aria-busy="true"]')).toBeVisible();
    await expect(page.locator(`tr[data-job-id="${first}"]`)).toBeVisible();
    await expect(page.locator('tr[data-skeleton]')).toHaveCount(0);
    await expect(jobRows(page).first()).not.toHaveAttribute('data-job-id', first ?? '');
  });
});

test('an id short enough to show whole but wider than its column is cut there, its copy button beside it', async ({
  page,
  sim,
}) => {
  const id = 'twelve-chars'; // ids of up to 12 characters are shown whole (shortId)
  await sim.createJob({ id });
  const uuid = '3f2a1b4c-0000-4000-8000-000000000001'; // shown as its first 8 characters
  await sim.createJob({ id: uuid });
  await openSignedIn(page, '/jobs');
  const cut = (link: HTMLElement) => link.scrollWidth > link.clientWidth;
  // The usual 8 characters fit.
  const short = page.locator(`tr[data-job-id="${uuid}"]`).getByRole('link', { name: '3f2a1b4c' });
  expect(await short.evaluate(cut)).toBe(false);
  const cell = page.locator(`tr[data-job-id="${id}"] td`).first();
  // Where the cell's content ends, inside its padding.
  const contentEnd = await cell.evaluate(
    (td) => td.getBoundingClientRect().right - parseFloat(getComputedStyle(td).paddingRight),
  );
  const copyBox = await cell.getByRole('button', { name: `Copy job id ${id}` }).boundingBox();
  if (!copyBox) throw new Error('the row is not laid out');
  expect(copyBox.x + copyBox.width).toBeLessThanOrEqual(contentEnd + 0.5); // sub-pixel rounding
  expect(await cell.getByRole('link').evaluate(cut)).toBe(true);
  await expect(cell.getByRole('link')).toHaveAttribute('title', id);
});

test.describe('the URL is the state', () => {
  test('reload, Back and Forward show the same page; Back is instant from the cache', async ({
    page,
    sim,
  }) => {
    await openSignedIn(page, '/jobs?skip=60&perPage=10');
    await expect(jobRows(page)).toHaveCount(10);
    const first = await firstRowId(page);
    await page.reload();
    await expect(jobRows(page)).toHaveCount(10);
    expect(await firstRowId(page)).toBe(first);

    await button(page, 'Next page').click();
    await expect(page).toHaveURL('/jobs?skip=70&perPage=10');
    await expect(jobRows(page)).toHaveCount(10);
    const second = await firstRowId(page);
    expect(second).not.toBe(first);

    const listCalls = (await sim.counters()).requests.list;
    await page.goBack();
    await expect(page).toHaveURL('/jobs?skip=60&perPage=10');
    await expect(range(page)).toHaveText(/^61-70 of/);
    expect(await firstRowId(page)).toBe(first);
    await page.goForward();
    await expect(page).toHaveURL('/jobs?skip=70&perPage=10');
    expect(await firstRowId(page)).toBe(second);
    // Both pages came from the cache (fresh within the staleTime): nothing was downloaded again.
    expect((await sim.counters()).requests.list).toBe(listCalls);
  });

  test('a shared URL opened in a fresh browser goes through sign-in to the same page', async ({
    page,
    browser,
  }) => {
    const url = '/jobs?organization=acme-legal&skip=20&perPage=10';
    await openSignedIn(page, url);
    await expect(jobRows(page)).toHaveCount(10);
    const ids = await jobRows(page).evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-job-id')),
    );

    const context = await browser.newContext();
    try {
      const colleague = await context.newPage();
      await colleague.goto(url);
      await expect(colleague).toHaveURL(/\/sign-in\?returnTo=/);
      await colleague.getByLabel('API token').fill(DEMO_TOKEN);
      await colleague.getByRole('button', { name: 'Sign in' }).click();
      await expect(colleague).toHaveURL(url);
      await expect(jobRows(colleague)).toHaveCount(10);
      expect(
        await jobRows(colleague).evaluateAll((rows) =>
          rows.map((r) => r.getAttribute('data-job-id')),
        ),
      ).toEqual(ids);
      await expect(range(colleague)).toHaveText('21-30 of 64');
    } finally {
      await context.close();
    }
  });

  test('invalid values are corrected in place, with a notice, never an error page', async ({
    page,
  }) => {
    const { totalCount } = await apiPage(page, 'perPage=1');
    const lastSkip = Math.floor((totalCount - 1) / 30) * 30;

    await openSignedIn(page, '/jobs?skip=-5&perPage=500');
    await expect(page).toHaveURL('/jobs?perPage=100');
    await expect(page.getByText('The address was corrected.')).toBeVisible();
    await expect(
      page.getByText('"-5" is not a valid position; showing the first page.'),
    ).toBeVisible();
    await expect(page.getByText('Page size must be 1 to 100; showing 100 per page.')).toBeVisible();
    await expect(jobRows(page)).toHaveCount(100);

    const entries = await page.evaluate(() => history.length);
    await page.goto('/jobs?skip=abc&perPage=0');
    await expect(page).toHaveURL('/jobs');
    await expect(
      page.getByText('"abc" is not a valid position; showing the first page.'),
    ).toBeVisible();
    await expect(page.getByText('Page size must be 1 to 100; showing 30 per page.')).toBeVisible();
    await expect(jobRows(page)).toHaveCount(30);

    await page.goto('/jobs?skip=100000');
    await expect(page).toHaveURL(`/jobs?skip=${lastSkip}`);
    await expect(
      page.getByText(
        `Position 100001 is past the end (${totalCount} jobs); showing the last page.`,
      ),
    ).toBeVisible();
    await expect(range(page)).toHaveText(`${lastSkip + 1}-${totalCount} of ${totalCount}`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText('The address was corrected.')).toHaveCount(0);
    await expect(page).toHaveURL(`/jobs?skip=${lastSkip}`);

    // Each correction replaced its entry: two visits, two entries; Back never returns to a bad URL.
    expect(await page.evaluate(() => history.length)).toBe(entries + 2);
    await page.goBack();
    await expect(page).toHaveURL('/jobs');
  });
});

test.describe('live rows', () => {
  test('a running row turns completed when the simulator finishes it, without reload', async ({
    page,
    sim,
  }) => {
    const job = await sim.createJob({ status: 'running' });
    const odd = await sim.createJob({ status: 'paused-by-ops' });
    await openSignedIn(page, '/jobs');
    await expect(row(page, job.id).getByText('running', { exact: true })).toBeVisible();
    // A status we don't know is shown as it is.
    await expect(row(page, odd.id).getByText('paused-by-ops')).toBeVisible();

    await sim.finishJob(job.id, { status: 'failed', errorCode: 'DocumentUnreadable' });
    await expect(row(page, job.id).getByText('failed', { exact: true })).toBeVisible({
      timeout: 10_000,
    });
    await expect(row(page, job.id).getByText('DocumentUnreadable')).toBeVisible();
    // The detail cache was filled on the way: opening the job shows it as failed at once.
    const counters = await sim.counters();
    expect(counters.requests.job).toBe(1);
  });

  test('polls /status only for unfinished rows, in bounded rounds, and not at all when none runs', async ({
    page,
    sim,
  }) => {
    await sim.createJob({ status: 'running' });
    await sim.createJob({ status: 'queued' });
    const first = await apiPage(page, 'skip=0&perPage=30');
    const unfinished = first.items.filter((job) => job.completedAt === undefined).length;
    expect(unfinished).toBeGreaterThanOrEqual(4);

    await openSignedIn(page, '/jobs');
    await expect(jobRows(page)).toHaveCount(30);
    const before = (await sim.counters()).requests.status;
    await page.waitForTimeout(11_000);
    const calls = (await sim.counters()).requests.status - before;
    // One round every 5 s after the previous one: two rounds in 11 s, never more than three.
    expect(calls).toBeGreaterThanOrEqual(unfinished);
    expect(calls).toBeLessThanOrEqual(unfinished * 3);
    expect((await sim.counters()).openStreams).toBe(0); // never a stream per row

    const second = await apiPage(page, 'skip=30&perPage=30');
    expect(second.items.every((job) => job.completedAt !== undefined)).toBe(true);
    await button(page, 'Next page').click();
    await expect(page).toHaveURL('/jobs?skip=30');
    await expect(jobRows(page)).toHaveCount(30);
    await page.waitForTimeout(500); // a round already in flight may land
    const idle = (await sim.counters()).requests.status;
    await page.waitForTimeout(7_000);
    expect((await sim.counters()).requests.status).toBe(idle);
  });
});

test.describe('jobs arriving', () => {
  test.setTimeout(60_000);

  test('new jobs on top are announced, not pushed under the reader; Show brings them in', async ({
    page,
    sim,
  }) => {
    await openSignedIn(page, '/jobs');
    await expect(jobRows(page)).toHaveCount(30);
    const top = await firstRowId(page);
    const created: string[] = [];
    for (let i = 0; i < 3; i++) created.push((await sim.createJob({ status: 'completed' })).id);

    const notice = page.getByRole('status').filter({ hasText: 'new jobs' });
    await expect(notice).toHaveText(/3 new jobs/, { timeout: 20_000 });
    expect(await firstRowId(page)).toBe(top); // nothing moved

    await notice.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => firstRowId(page)).toBe(created[2]);
    await expect(page.getByText(/new jobs?$/)).toHaveCount(0);
    await expect(range(page)).toHaveText(/^1-30 of/);
  });

  test('paging on after arrivals hides the jobs pushed over from the previous page, and says so', async ({
    page,
    sim,
  }) => {
    await openSignedIn(page, '/jobs');
    await expect(jobRows(page)).toHaveCount(30);
    const pageOne = await jobRows(page).evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-job-id')),
    );
    for (let i = 0; i < 3; i++) await sim.createJob({ status: 'completed' });
    // Wait for the announcement (the prefetched page 2 is stale by then).
    await expect(page.getByRole('status').filter({ hasText: '3 new jobs' })).toBeVisible({
      timeout: 20_000,
    });

    await button(page, 'Next page').click();
    await expect(
      page.getByText('3 jobs you saw on the previous page moved here and are not repeated.'),
    ).toBeVisible();
    await expect(jobRows(page)).toHaveCount(27);
    const pageTwo = await jobRows(page).evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-job-id')),
    );
    expect(pageTwo.filter((id) => pageOne.includes(id))).toEqual([]);
  });
});

test.describe('failures', () => {
  test("a 400 shows the server's own text, and Retry recovers", async ({ page, sim }) => {
    await sim.fault({
      path: 'list',
      status: 400,
      body: 'Invalid value for: query parameter skip',
      contentType: 'text/plain',
    });
    await openSignedIn(page, '/jobs');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Invalid value for: query parameter skip');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(jobRows(page)).toHaveCount(30);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a 403 for an organization says so; a passing 403 recovers with Retry', async ({
    page,
    sim,
  }) => {
    await openSignedIn(page, '/jobs?organization=initech');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText("You don't have access to this organization");
    await expect(alert).toContainText('You are not a member of the organization "initech"');
    await alert.getByRole('link', { name: 'Your personal jobs' }).click();
    await expect(page).toHaveURL('/jobs');
    await expect(jobRows(page)).toHaveCount(30);

    // Only the organization's request: the personal list's next-page prefetch and its one-row check
    // for new jobs may still be on their way.
    await sim.fault({
      path: 'list',
      query: 'organization=acme-legal',
      status: 403,
      body: '{"message":"Membership is being checked"}',
    });
    await page.goto('/jobs?organization=acme-legal');
    await expect(page.getByRole('alert')).toContainText('Membership is being checked');
    await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await expect(range(page)).toHaveText('1-30 of 64');
  });

  test('a 500 is retried quietly, then explained; Retry recovers', async ({ page, sim }) => {
    await sim.fault({ path: 'list', status: 500, count: 4 });
    await openSignedIn(page, '/jobs');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load the jobs', { timeout: 15_000 });
    await expect(alert).toContainText('Simulated fault (500)');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(jobRows(page)).toHaveCount(30);
  });

  test('an empty list says so', async ({ page, sim }) => {
    await sim.fault({
      path: 'list',
      status: 200,
      body: JSON.stringify({ totalCount: 0, skip: 0, perPage: 30, items: [] }),
    });
    await openSignedIn(page, '/jobs?organization=globex-research');
    await expect(
      page.getByRole('heading', { name: 'No jobs in globex-research yet' }),
    ).toBeVisible();
  });
});

test('the list, its empty and error states pass an axe scan, light and dark', async ({
  page,
  sim,
}) => {
  const scan = async () => {
    // The frame's fetching bar sits outside every landmark (reported to the lead): not this page's to fix.
    const results = await new AxeBuilder({ page }).exclude('[role="progressbar"]').analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  };
  await openSignedIn(page, '/jobs');
  await expect(jobRows(page)).toHaveCount(30);
  await scan();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await scan();

  await sim.fault({
    path: 'list',
    status: 200,
    body: JSON.stringify({ totalCount: 0, skip: 0, perPage: 30, items: [] }),
  });
  await page.goto('/jobs?organization=acme-legal');
  await expect(page.getByRole('heading', { name: 'No jobs in acme-legal yet' })).toBeVisible();
  await scan();

  await page.goto('/jobs?organization=initech');
  await expect(page.getByRole('alert')).toBeVisible();
  await scan();
});
