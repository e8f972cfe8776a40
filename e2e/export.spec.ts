import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_TOKEN, expect, openSignedIn, test } from './fixtures.ts';

// Issue 14, section 5: the page on screen as NDJSON or CSV, and a job as a cURL command without the token.

const rows = (page: Page) => page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr');

async function exportAs(page: Page, choice: RegExp) {
  await page.getByText('Export', { exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: choice }).click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('Export saves the page: NDJSON with whole jobs, CSV with metadata and the error', async ({
  page,
  sim,
}) => {
  await sim.createJob({
    id: 'export-failed',
    status: 'failed',
    errorCode: 'Oops',
    errorMessage: 'it said "no"',
    inputData: '{"document":"the whole input"}',
  });
  await openSignedIn(page, '/jobs?perPage=10');
  await expect(rows(page)).toHaveCount(10);
  const ids = await rows(page).evaluateAll((trs) =>
    trs.map((tr) => tr.getAttribute('data-job-id')),
  );

  const ndjson = await exportAs(page, /NDJSON/);
  expect(ndjson.name).toMatch(/^jobs-personal-1-10-\d{4}-\d\d-\d\d\.ndjson$/);
  const jobs = ndjson.text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; inputData: string });
  expect(jobs.map((job) => job.id)).toEqual(ids);
  expect(jobs[0]?.inputData).toBe('{"document":"the whole input"}');
  await expect(page.getByRole('status').filter({ hasText: 'Saved 10 jobs' })).toBeVisible();

  const csv = await exportAs(page, /CSV/);
  expect(csv.name).toMatch(/^jobs-personal-1-10-.*\.csv$/);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe(
    'id,status,jobType,ownerUser,ownerOrganization,createdAt,startedAt,completedAt,updatedAt,errorCode,errorMessage',
  );
  expect(lines).toHaveLength(11);
  expect(lines[1]).toMatch(/^export-failed,failed,.*,Oops,"it said ""no"""$/);
  expect(csv.text).not.toContain('the whole input');
});

test('Copy as cURL fetches the job with $NUEXTRACT_API_KEY, never the token', async ({
  page,
  context,
  sim,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await sim.createJob({ id: 'curl-job', status: 'completed' });
  await openSignedIn(page, '/jobs/curl-job');
  await page.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(page.getByRole('button', { name: 'Copy as cURL' })).toHaveAttribute(
    'title',
    'Copied',
  );
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('$NUEXTRACT_API_KEY');
  expect(text).toContain('/api/jobs/curl-job');
  expect(text).not.toContain(DEMO_TOKEN);
});
