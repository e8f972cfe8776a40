import { expect, openSignedIn, test } from './fixtures.ts';

// Issue 11, section 3, end to end. The caps on sizes, the never-ending line and the ping flood are
// unit-tested (http.test.ts, job-stream.test.ts, event-stream-lines.test.ts).

test('signing out forgets the organizations typed before', async ({ page }) => {
  await openSignedIn(page, '/jobs');
  const field = page.getByRole('combobox', { name: 'Organization' });
  await field.fill('acme-legal');
  await page.getByRole('button', { name: 'Switch organization' }).click();
  await expect(page).toHaveURL(/organization=acme-legal/);
  await expect(page.locator('datalist option[value="acme-legal"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await page.evaluate(() => localStorage.getItem('nuextract.recent-organizations'))).toBe(
    null,
  );
  await openSignedIn(page, '/jobs');
  await expect(page.getByRole('combobox', { name: 'Organization' })).toBeVisible();
  await expect(page.locator('datalist option')).toHaveCount(0);
});
