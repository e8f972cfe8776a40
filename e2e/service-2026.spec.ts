import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.ts';

// The dashboard against the service as it is in 2026 (vendor-2026.md), imitated by the simulator's 2026
// profile (this spec runs in the `service-2026` project): no detail endpoint, a failed job's result as
// {code, message}, the cancel endpoint, organizations from the API key, 403 for a bad key.

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;
const indicator = (page: Page) => page.getByTestId('live-indicator');
const heading = (page: Page, id: string) =>
  page.getByRole('heading', { level: 1, name: `Job ${id}` });
const badge = (page: Page, status: string) => page.getByText(status, { exact: true });

test.describe('no detail endpoint', () => {
  test('a finished job comes from /status and its stream, and the endpoint is asked once a session', async ({
    page,
    sim,
  }) => {
    await sim.createJob({
      id: 'e2e-2026-done',
      status: 'completed',
      inputData: 'the input, from the stream',
      outputData: JSON.stringify({ result: { answer: 'from the stream' } }),
    });
    await sim.createJob({ id: 'e2e-2026-other', status: 'completed' });
    await openSignedIn(page, jobPath('e2e-2026-done'));
    await expect(heading(page, 'e2e-2026-done')).toBeVisible();
    await expect(page.getByText('from the stream').first()).toBeVisible();
    await expect(page.getByText('the input, from the stream')).toBeVisible();
    await expect(badge(page, 'completed')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Job not found' })).toHaveCount(0);

    await page.getByLabel('Jump to job').fill('e2e-2026-other');
    await page.getByRole('button', { name: 'Go' }).click();
    await expect(heading(page, 'e2e-2026-other')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Input' })).toBeVisible();
    const counters = await sim.counters();
    expect(counters.requests.job).toBe(1); // learnt on the first job, not asked for the second
    expect(counters.byPath['/api/jobs/e2e-2026-other/status']).toBeGreaterThanOrEqual(1);
  });

  test('a running job is followed to its end, and its input and output come with the result', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-2026-running';
    await sim.createJob({ id, status: 'running', inputData: 'input sent with the result' });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Live');
    await expect(badge(page, 'running')).toBeVisible();
    await expect(page.getByText(/this server sends it together with the output/)).toBeVisible();
    await sim.finishJob(id, { outputData: JSON.stringify({ result: { answer: 'at the end' } }) });
    await expect(badge(page, 'completed')).toBeVisible();
    await expect(page.getByText('at the end').first()).toBeVisible();
    await expect(page.getByText('input sent with the result')).toBeVisible();
    await expect(indicator(page)).toHaveCount(0);
  });
});

test.describe('list rows finishing live', () => {
  test("a finished row takes its size from the job's stream, without the list being read again", async ({
    page,
    sim,
  }) => {
    const id = 'e2e-2026-sized';
    await sim.createJob({ id, status: 'running', inputData: 'x'.repeat(2_048) });
    await openSignedIn(page, '/jobs');
    const row = page.locator(`tr[data-job-id="${id}"]`);
    const size = row.getByTitle(/^Input /);
    await expect(size).toHaveText('2.0 KB');
    const listReads: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      // Its page read again (not the new-jobs probe, perPage=1, nor the next page's prefetch).
      if (url.pathname === '/api/jobs' && url.search === '?skip=0&perPage=30')
        listReads.push(url.search);
    });
    await sim.finishJob(id, { outputData: 'y'.repeat(4_096) });
    await expect(row.getByText('completed', { exact: true })).toBeVisible({ timeout: 10_000 });
    await expect(size).toHaveText('6.0 KB');
    await expect(size).toHaveAttribute('title', 'Input 2.0 KB · output 4.0 KB');
    expect((await sim.counters()).byPath[`/api/jobs/${id}/stream`]).toBe(1);
    expect(listReads).toEqual([]);
  });

  test('a row failing live shows the failure its stream sent instead of the job', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-2026-row-413';
    await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, '/jobs');
    const row = page.locator(`tr[data-job-id="${id}"]`);
    await expect(row.getByText('running', { exact: true })).toBeVisible();
    await sim.finishJob(id, { status: 'failed', errorCode: 'DocumentTooLarge' });
    await expect(row.getByText('failed', { exact: true })).toBeVisible({ timeout: 10_000 });
    await expect(row.getByTitle('Request Entity Too Large')).toHaveText('413');
    await expect(row.getByText(/≥/)).toHaveCount(0); // a failure has no output to wait for
  });
});

test.describe('a failed result that is not a job', () => {
  test('a job failing live shows 413 and its message, refreshed through /status, no longer live', async ({
    page,
    sim,
  }) => {
    const id = 'e2e-2026-413';
    await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Live');
    const before = await sim.counters();
    await sim.finishJob(id, { status: 'failed', errorCode: 'DocumentTooLarge' });
    await expect(page.getByRole('heading', { name: 'Failed: 413' })).toBeVisible();
    await expect(page.getByText('Request Entity Too Large')).toBeVisible();
    await expect(badge(page, 'failed')).toBeVisible();
    await expect(indicator(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Cancel job' })).toHaveCount(0);
    await expect(
      page.getByText('Input and output are not available from this server.'),
    ).toBeVisible();
    await expect
      .poll(async () => (await sim.counters()).requests.status)
      .toBeGreaterThan(before.requests.status);
  });

  test('a failed job opened later shows the same, with its metadata', async ({ page, sim }) => {
    const id = 'e2e-2026-413-done';
    await sim.createJob({ id, status: 'failed', errorCode: 'ContextLengthExceeded' });
    await openSignedIn(page, jobPath(id));
    await expect(page.getByRole('heading', { name: 'Failed: 413' })).toBeVisible();
    await expect(page.getByText('Request Entity Too Large')).toBeVisible();
    await expect(page.getByText('Run duration')).toBeVisible();
  });
});

test.describe('cancel', () => {
  test('Cancel job, confirmed in the page, sends one request and follows the job until it is cancelled', async ({
    page,
    sim,
  }) => {
    await sim.config({ cancelDelayMs: 500 });
    const id = 'e2e-2026-cancel';
    await sim.createJob({ id, status: 'running' });
    await openSignedIn(page, jobPath(id));
    await expect(indicator(page)).toContainText('Live');
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await expect(page.getByRole('group', { name: 'Cancel this job?' })).toBeVisible();
    await page.getByRole('button', { name: 'Keep it running' }).click();
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(badge(page, 'cancelled')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel job' })).toHaveCount(0);
    await expect(indicator(page)).toHaveCount(0);
    expect((await sim.counters()).requests.cancel).toBe(1);
  });

  test("a child job's cancel shows the server's message: cancel the parent instead", async ({
    page,
    sim,
  }) => {
    await sim.createJob({ id: 'e2e-2026-parent', status: 'running' });
    await sim.createJob({ id: 'e2e-2026-child', status: 'running', parent: 'e2e-2026-parent' });
    await openSignedIn(page, jobPath('e2e-2026-child'));
    await page.getByRole('button', { name: 'Cancel job' }).click();
    await page.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'The job was not cancelled: Job e2e-2026-child is a child of job e2e-2026-parent: cancel the parent instead',
    );
    await expect(badge(page, 'running')).toBeVisible();
  });
});

test('an unfiltered list is labelled by its jobs, not Personal by assumption', async ({
  page,
  sim,
}) => {
  // An API key of 2026 lists its organization's jobs with no organization parameter at all.
  const job = await sim.createJob({
    id: 'e2e-2026-org',
    status: 'completed',
    organization: 'acme-legal',
  });
  await sim.fault({
    path: 'list',
    count: 5,
    status: 200,
    body: JSON.stringify({ totalCount: 1, skip: 0, perPage: 30, items: [job] }),
  });
  await openSignedIn(page, '/jobs');
  await expect(page.locator('tr[data-job-id="e2e-2026-org"]')).toBeVisible();
  await expect(page.getByText('Organization acme-legal')).toBeVisible();
  await expect(page.getByText('Personal account', { exact: true })).toHaveCount(0);
});

test('a bad key answered 403 at sign-in is a message about the token', async ({ page, sim }) => {
  await sim.fault({ path: 'list', status: 403, body: '{"message":"Forbidden"}' });
  await page.goto('/sign-in');
  await page.getByLabel('API token').fill('not-a-key');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'That token was not accepted. Check it and try again.',
  );
  await expect(page).toHaveURL(/\/sign-in/);
});
