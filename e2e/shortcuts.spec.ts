import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.ts';

// Issue 14, section 2: the keyboard alone, from the list to a job and back, and the shortcut dialog.

const rows = (page: Page) => page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-job-id') ?? ''));
const selected = (page: Page) => page.locator('tr[data-selected]');

test('j/k move a visible selection, Enter opens, Esc comes back to the same page', async ({
  page,
}) => {
  await openSignedIn(page, '/jobs?perPage=10');
  await expect(rows(page)).toHaveCount(10);
  const first = await rowIds(page);

  await page.keyboard.press(']');
  await expect(page).toHaveURL(/skip=10/);
  await expect(rows(page)).toHaveCount(10);
  const second = await rowIds(page);
  expect(second).not.toEqual(first);

  await page.keyboard.press('j');
  await expect(selected(page)).toHaveAttribute('data-job-id', second[0] ?? '');
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await expect(selected(page)).toHaveAttribute('data-job-id', second[1] ?? '');
  await expect(selected(page).getByRole('link')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/jobs/${second[1]}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName(`Job ${second[1]}`);

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/jobs\?.*skip=10/);
  await expect(rows(page)).toHaveCount(10);

  await page.keyboard.press('[');
  await expect(page).toHaveURL('/jobs?perPage=10');
});

test('o opens the selected job in a new tab; / and g l; nothing fires while typing', async ({
  page,
  context,
}) => {
  await openSignedIn(page, '/jobs');
  await expect(rows(page)).toHaveCount(30);
  const ids = await rowIds(page);
  await page.keyboard.press('j');
  const opened = context.waitForEvent('page');
  await page.keyboard.press('o');
  const tab = await opened;
  await expect(tab).toHaveURL(`/jobs/${ids[0]}`);
  await tab.close();
  await expect(page).toHaveURL('/jobs');

  await page.keyboard.press('/');
  const field = page.getByLabel('Jump to job');
  await expect(field).toBeFocused();
  // Typed into the field, these are letters, not shortcuts.
  await page.keyboard.type('jk]?');
  await expect(field).toHaveValue('jk]?');
  await expect(page).toHaveURL('/jobs');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await field.fill(ids[2] ?? '');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/jobs/${ids[2]}`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName(`Job ${ids[2]}`);
  // The field keeps the focus after a jump; out of it, g then l is a shortcut again.
  await field.blur();
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(page).toHaveURL('/jobs');
});

test('on a job, c copies the id and r switches the output to raw text', async ({
  page,
  context,
  sim,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await sim.createJob({
    id: 'kbd-raw',
    status: 'completed',
    outputData: JSON.stringify({ result: { answer: 'typed' } }),
  });
  await openSignedIn(page, '/jobs/kbd-raw');
  const output = page.getByRole('region', { name: 'Output' });
  await expect(output.getByText('typed')).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByRole('button', { name: 'Copy id' })).toHaveAttribute('title', 'Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('kbd-raw');

  await page.keyboard.press('r');
  await expect(output.getByRole('button', { name: 'Raw' })).toHaveAttribute('aria-pressed', 'true');
  await expect(output.getByText('{"result":{"answer":"typed"}}')).toBeVisible();
  await page.keyboard.press('r');
  await expect(output.getByRole('button', { name: 'Raw' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
});

for (const scheme of ['light', 'dark'] as const) {
  test(`? shows every shortcut in a modal dialog, Esc closes it (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openSignedIn(page, '/jobs');
    await expect(rows(page)).toHaveCount(30);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    for (const what of [
      'Select the next job',
      'Mark the selected job for compare (two at most)',
      'Copy the job id',
      'Go to the jobs list',
    ]) {
      await expect(dialog.getByText(what)).toBeVisible();
    }
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    // The focus stays inside: Tab cycles through the dialog's one control, shortcuts are off.
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await page.keyboard.press('j');
    await expect(page.locator('tr[data-selected]')).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL('/jobs');
  });
}
