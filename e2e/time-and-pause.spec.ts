import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.ts';

// Issue 14, section 6: one "Absolute times" switch for every time shown, remembered; "Pause live
// updates" on the list, remembered per tab.

const rows = (page: Page) => page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr');

test('Absolute times shows dates with their zone everywhere, and is remembered', async ({
  page,
  sim,
}) => {
  await sim.createJob({ id: 'time-job', status: 'completed' });
  await openSignedIn(page, '/jobs');
  const created = rows(page).first().locator('time');
  await expect(created).toHaveText(/ago|just now/);

  const absolute = page.getByRole('switch', { name: 'Absolute times' });
  await absolute.check();
  // "Dec 7, 04:31 UTC" in the table (the year is in its hover): a time and a zone, not an age.
  await expect(created).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d\d:\d\d (UTC|GMT)/);
  await expect(created).toHaveAttribute('title', /\d{4}.*(UTC|GMT)/);

  await page.reload();
  await expect(page.getByRole('switch', { name: 'Absolute times' })).toBeChecked();
  await expect(rows(page).first().locator('time')).toHaveText(/\d\d:\d\d (UTC|GMT)/);

  await page.goto('/jobs/time-job');
  const createdItem = page.locator('dt', { hasText: 'Created' }).locator('..').locator('time');
  await expect(createdItem).toHaveText(/\d{4}.*(UTC|GMT)/);
  await page.getByRole('switch', { name: 'Absolute times' }).uncheck();
  await expect(createdItem).toHaveText(/ago|just now/);
});

test('Pause live updates holds the rows still, says so, and is remembered in this tab only', async ({
  page,
  sim,
  context,
}) => {
  const job = await sim.createJob({ id: 'pause-job', status: 'running' });
  await openSignedIn(page, '/jobs');
  const row = page.locator(`tr[data-job-id="${job.id}"]`);
  await expect(row.getByText('running')).toBeVisible();

  await page.getByRole('switch', { name: 'Pause live updates' }).check();
  await expect(page.getByText('Live updates are paused')).toBeVisible();
  await sim.finishJob(job.id);
  const before = (await sim.counters()).requests.status;
  // Longer than the rows' check interval: nothing asked, the row still says running.
  await page.waitForTimeout(6000);
  expect((await sim.counters()).requests.status).toBe(before);
  await expect(row.getByText('running')).toBeVisible();

  await page.reload();
  await expect(page.getByText('Live updates are paused')).toBeVisible();
  const other = await context.newPage();
  await openSignedIn(other, '/jobs');
  await expect(other.getByRole('switch', { name: 'Pause live updates' })).not.toBeChecked();
  await other.close();

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Live updates are paused')).toHaveCount(0);
  await expect(row.getByText('completed')).toBeVisible({ timeout: 20_000 });
});
