import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.ts';

// What neither the contract nor the vendor's notes pin down (issue 11, section 2): list items read one
// by one, timestamps in several spellings, ids whose letter case the service may change.

const rows = (page: Page) => page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr');

const job = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  jobType: 'structured-extraction',
  status: 'completed',
  ownerUser: 'demo',
  inputData: '{}',
  outputData: '{}',
  startedAt: '2026-11-01T10:00:00Z',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:05Z',
  completedAt: '2026-11-01T10:00:05Z',
  ...extra,
});

test('one broken list item is a row saying so, the rest of the page is shown', async ({
  page,
  sim,
}) => {
  const items = [
    job('11111111-aaaa-4bbb-8ccc-000000000001', { createdAt: '2026-11-01 10:00:00.123456' }),
    job('22222222-aaaa-4bbb-8ccc-000000000002', { status: null }),
    job('33333333-aaaa-4bbb-8ccc-000000000003', {
      status: 'queued',
      startedAt: null,
      completedAt: null,
      createdAt: '2026-11-01T09:59:00.654321+00:00',
      futureField: { a: 1 },
    }),
    job('44444444-aaaa-4bbb-8ccc-000000000004', { createdAt: 'last Tuesday', status: 'timed_out' }),
  ];
  await sim.fault({
    path: 'list',
    status: 200,
    body: JSON.stringify({ totalCount: 4, skip: 0, perPage: 30, items }),
  });
  await openSignedIn(page, '/jobs');
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toHaveText(
    '1 job could not be read: its row says why.',
  );
  await expect(rows(page)).toHaveCount(4);
  await expect(rows(page).nth(1)).toHaveText(
    /^22222222Could not be read: "status" is missing or not text$/,
  );
  await expect(rows(page).nth(2)).toContainText('queued');
  await expect(rows(page).nth(3)).toContainText('last Tuesday');
  await expect(rows(page).nth(3)).toContainText('timed_out');
  await expect(page.locator('body')).not.toContainText(/Invalid Date|NaN/);
});

test('at 390 px an unreadable row wraps its reason inside the screen', async ({ page, sim }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const items = [job('22222222-aaaa-4bbb-8ccc-000000000002', { status: null, updatedAt: 5 })];
  await sim.fault({
    path: 'list',
    status: 200,
    body: JSON.stringify({ totalCount: 1, skip: 0, perPage: 30, items }),
  });
  await openSignedIn(page, '/jobs');
  const reason = page.getByText('Could not be read: "status" is missing or not text');
  await expect(reason).toBeVisible();
  const box = await reason.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
});

test('at 390 px the Owner column is out of sight, not out of the table: every row has 8 columns', async ({
  page,
  sim,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const items = [
    job('11111111-aaaa-4bbb-8ccc-000000000001', { ownerUser: 'ada' }),
    job('22222222-aaaa-4bbb-8ccc-000000000002', { status: null }),
  ];
  await sim.fault({
    path: 'list',
    status: 200,
    body: JSON.stringify({ totalCount: 2, skip: 0, perPage: 30, items }),
  });
  await openSignedIn(page, '/jobs');
  await expect(rows(page)).toHaveCount(2);
  const table = page.getByRole('table', { name: 'Jobs' });
  await expect(table.getByRole('columnheader')).toHaveCount(8);
  const owner = table.getByRole('columnheader', { name: 'Owner' });
  const ownerBox = await owner.boundingBox();
  expect(ownerBox?.width).toBeLessThanOrEqual(1); // not drawn: the screen keeps its width for the rest
  await expect(rows(page).first().getByRole('cell')).toHaveCount(8);
  await expect(rows(page).first().getByRole('cell', { name: 'ada' })).toBeAttached();
  // The columns after it still line up with their headers.
  const created = await table.getByRole('columnheader', { name: 'Created' }).boundingBox();
  const createdCell = await rows(page).first().getByRole('cell').nth(4).boundingBox();
  expect(createdCell?.x).toBe(created?.x);
  // The unreadable row: its id, then one cell across the other 7.
  const cells = rows(page).nth(1).getByRole('cell');
  await expect(cells).toHaveCount(2);
  await expect(cells.nth(1)).toHaveAttribute('aria-colspan', '7');
});

test('a job id typed in upper case opens the same job', async ({ page, sim }) => {
  const id = '5a1c9e3b-7d2f-4e8a-b6c4-1f0e2d3c4b5a';
  await sim.createJob({ id, status: 'completed' });
  await openSignedIn(page, '/jobs');
  await page.getByRole('textbox', { name: 'Jump to job' }).fill(id.toUpperCase());
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(id.slice(0, 8));
  await openSignedIn(page, `/jobs/${id.toUpperCase()}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(id.slice(0, 8));
});
