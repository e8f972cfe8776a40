import type { Locator, Page } from '@playwright/test';
import { COMPARE_PAIR_IDS } from '../simulator/compare-pair.ts';
import { seedJobs } from '../simulator/seed-data.ts';
import { DEMO_TOKEN, expect, openSignedIn, test } from './fixtures.ts';

// Issue 14, section 4: mark two jobs on the list (x and a checkbox), Compare, and read how the
// simulator's seeded pair differs (simulator/compare-pair.ts: one invoice, a detailed template and a
// flat one); the address is a link that works elsewhere; addresses that name no pair.

const [A, B] = COMPARE_PAIR_IDS;
const short = (id: string) => id.slice(0, 8);
const rows = (page: Page) => page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-job-id') ?? ''));
const checkbox = (page: Page, id: string) =>
  page.getByRole('checkbox', { name: `Mark job ${short(id)} for compare` });
const differences = (page: Page, payload: 'input' | 'output') =>
  page.getByRole('list', { name: `Differences in the ${payload}` });
const difference = (list: Locator, path: string) =>
  list.getByRole('listitem').filter({ has: list.page().getByText(path, { exact: true }) });

async function expectPairDiff(page: Page) {
  await expect(
    page.getByRole('heading', { level: 1, name: `Compare job ${short(A)}… with job ${short(B)}…` }),
  ).toBeVisible();
  await expect(page).toHaveTitle(`Compare job ${short(A)}… with job ${short(B)}… · NuExtract Jobs`);

  const output = page.getByRole('region', { name: 'Output' });
  await expect(
    output.getByText('11 differences: 1 added, 4 removed, 6 changed.', { exact: true }),
  ).toBeVisible();
  const list = differences(page, 'output');
  const date = difference(list, '$.result.issue_date');
  await expect(date).toContainText('Removed');
  await expect(date).toContainText(`A (${short(A)}): "2025-03-14"`);
  await expect(date).toContainText(`B (${short(B)}): not present`);
  const total = difference(list, '$.result.total');
  await expect(total).toContainText('Changed');
  await expect(total).toContainText('{"amount":1168.97,"currency":"EUR"}');
  await expect(total).toContainText(`B (${short(B)}): 1168.97`);
  await expect(difference(list, '$.result.line_items[1].unit_price')).toContainText('129.99');
  await expect(difference(list, '$.result.payment_terms')).toContainText('"30 days net."');

  // The same document with two templates: only the template differs in the input.
  const input = page.getByRole('region', { name: 'Input' });
  await expect(
    input.getByText('5 differences: 1 added, 3 removed, 1 changed.', { exact: true }),
  ).toBeVisible();
  await expect(difference(differences(page, 'input'), '$.template.vendor.address')).toContainText(
    'Removed',
  );
  await expect(differences(page, 'input').getByText('$.text', { exact: true })).toHaveCount(0);
}

test('marks two seeded jobs by x and by checkbox, and compares them', async ({ page }) => {
  await openSignedIn(page, '/jobs?perPage=100');
  await expect(rows(page)).toHaveCount(100);
  const compare = page.getByRole('button', { name: /^Compare/ });
  await expect(compare).toHaveText('Compare (0 of 2 marked)');
  await expect(compare).toBeDisabled();

  // The keyboard: j down to the first job of the pair, then x.
  const at = (await rowIds(page)).indexOf(A);
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= at; i++) await page.keyboard.press('j');
  await expect(page.locator('tr[data-selected]')).toHaveAttribute('data-job-id', A);
  await page.keyboard.press('x');
  await expect(checkbox(page, A)).toBeChecked();
  await expect(compare).toHaveText('Compare (1 of 2 marked)');

  // A checkbox for the second; the marks survive paging away and back.
  await checkbox(page, B).check();
  await expect(compare).toHaveText('Compare 2 marked jobs');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/skip=100/);
  await expect(compare).toHaveText('Compare 2 marked jobs');
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(checkbox(page, B)).toBeChecked();

  await compare.click();
  await expect(page).toHaveURL(`/compare?a=${A}&b=${B}`);
  await expectPairDiff(page);

  // Filter by kind.
  const output = page.getByRole('region', { name: 'Output' });
  await output.getByRole('radio', { name: 'Added (1)' }).check();
  await expect(differences(page, 'output').getByRole('listitem')).toHaveCount(1);
  await expect(differences(page, 'output').getByRole('listitem')).toContainText(
    '$.result.payment_terms',
  );
  await output.getByRole('radio', { name: 'All (11)' }).check();
  await expect(differences(page, 'output').getByRole('listitem')).toHaveCount(11);
});

test('the address is a link: a fresh browser signs in and lands on the same compare', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await page.goto(`/compare?a=${A}&b=${B}`);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await page.getByLabel('API token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`/compare?a=${A}&b=${B}`);
  await expectPairDiff(page);
  await context.close();
});

test('addresses that name no pair say why, and lead back to the list', async ({ page }) => {
  const someoneElses = seedJobs(Date.now()).find((job) => job.ownerUser === 'mallory');
  const cases: [string, string][] = [
    [`/compare?a=${A}`, 'This address names only one job: a compare needs two.'],
    [`/compare?a=${A}&b=${A.toUpperCase()}`, 'Both ids name the same job'],
    [`/compare?a=${A}&b=..`, '".." cannot be a job id.'],
    [`/compare?a=${A}&b=00000000-0000-4000-8000-000000000000`, 'There is no job 00000000…'],
    [`/compare?a=${someoneElses?.id ?? ''}&b=${B}`, 'belongs to someone else'],
  ];
  await openSignedIn(page, '/jobs');
  for (const [url, message] of cases) {
    await page.goto(url);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(alert.getByRole('link', { name: 'Back to the jobs list' })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Back to the jobs list' }).click();
  await expect(page).toHaveURL('/jobs');
  await expect(rows(page)).toHaveCount(30);
});

test('two multi-megabyte outputs: the worker diffs them, the first 5,000 are listed, 100 at a time', async ({
  page,
  sim,
}) => {
  // About 3 MB each: 40,000 line items, every other quantity changed in the second.
  const items = Array.from({ length: 40_000 }, (_, i) => ({
    line: i + 1,
    description: `Item ${i + 1}, delivered to the loading dock at the north gate`,
    quantity: 1,
  }));
  const output = (change: boolean) =>
    JSON.stringify({
      result: {
        line_items: change ? items.map((it, i) => ({ ...it, quantity: 1 + (i % 2) })) : items,
      },
    });
  const first = output(false);
  expect(first.length).toBeGreaterThan(3_000_000);
  await sim.createJob({ id: 'big-before', status: 'completed', outputData: first });
  await sim.createJob({ id: 'big-after', status: 'completed', outputData: output(true) });

  await openSignedIn(page, '/compare?a=big-before&b=big-after');
  const region = page.getByRole('region', { name: 'Output' });
  await expect(
    region.getByText(
      '20,000 differences: 0 added, 0 removed, 20,000 changed. The first 5,000 are listed, in the order of the documents.',
    ),
  ).toBeVisible({ timeout: 30_000 });
  const list = differences(page, 'output');
  await expect(list.getByRole('listitem')).toHaveCount(100);
  await expect(list.getByRole('listitem').first()).toContainText('$.result.line_items[1].quantity');
  await region.getByRole('button', { name: 'Show 100 more of 4,900' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(200);
  await expect(list.getByRole('listitem').last()).toContainText(
    '$.result.line_items[399].quantity',
  );
});
