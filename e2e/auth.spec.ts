import type { Page } from '@playwright/test';
import { DEMO_TOKEN, expect, openSignedIn, test } from './fixtures.ts';

async function firstJobId(page: Page): Promise<string> {
  const response = await page.request.get('/api/jobs?perPage=1', {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
  });
  const body = (await response.json()) as { items: { id: string }[] };
  const id = body.items[0]?.id;
  if (!id) throw new Error('the simulator has no jobs');
  return id;
}

async function signInWith(page: Page, token: string) {
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a shared job link opened signed out goes through sign-in to that job', async ({ page }) => {
  const id = await firstJobId(page);
  await page.goto(`/jobs/${encodeURIComponent(id)}`);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await expect(page.getByText(id)).toHaveCount(0); // no flash of protected content
  await signInWith(page, DEMO_TOKEN);
  await expect(page).toHaveURL(`/jobs/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { name: id })).toBeVisible();
});

test('demo mode says so and signs in with the demo token in one click', async ({ page }) => {
  await page.goto('/jobs?skip=30&perPage=10');
  await expect(page.getByRole('heading', { name: 'Demo mode' })).toBeVisible();
  await page.getByRole('button', { name: 'Use the demo token' }).click();
  await expect(page).toHaveURL('/jobs?skip=30&perPage=10');
});

test('a 401 mid-session returns to sign-in, then to the exact page', async ({ page, sim }) => {
  // The list prefetches its next page when idle: revoked before that, the prefetch's 401 would end the
  // session before the reload (and the reload would then lose the in-memory reason).
  const prefetched = page.waitForResponse((r) => r.url().includes('/api/jobs?skip=40'));
  await openSignedIn(page, '/jobs?skip=30&perPage=10');
  await expect(page.getByRole('table')).toBeVisible();
  await prefetched;
  await sim.revoke(DEMO_TOKEN);
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/);
  await expect(page.getByText('Your session ended')).toBeVisible();
  expect(await page.evaluate(() => sessionStorage.getItem('nuextract.token'))).toBeNull();
  await sim.reset(); // the token is accepted again
  await signInWith(page, DEMO_TOKEN);
  await expect(page).toHaveURL('/jobs?skip=30&perPage=10');
});

test('sign out empties both storages and the cache; Back shows no job data', async ({ page }) => {
  const id = await firstJobId(page);
  await page.goto('/sign-in');
  await page.getByLabel('Remember on this device').check();
  await signInWith(page, DEMO_TOKEN);
  await expect(page.getByRole('table')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('nuextract.token'))).toBe(DEMO_TOKEN);
  await page.goto(`/jobs/${encodeURIComponent(id)}`);
  await expect(page.getByRole('heading', { name: id })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  const stored = await page.evaluate(() => [
    localStorage.getItem('nuextract.token'),
    sessionStorage.getItem('nuextract.token'),
  ]);
  expect(stored).toEqual([null, null]);
  await page.goBack();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText(id)).toHaveCount(0);
});

test('sign out in one tab signs out the other tabs', async ({ page, context }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Remember on this device').check();
  await signInWith(page, DEMO_TOKEN);
  await expect(page.getByRole('table')).toBeVisible();
  const other = await context.newPage();
  await other.goto('/jobs');
  await expect(other.getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(other).toHaveURL(/\/sign-in/);
});

test('a wrong token and an unreachable API get two distinct messages', async ({ page }) => {
  await page.goto('/sign-in');
  await signInWith(page, 'not-a-real-token');
  const wrong = page.getByRole('alert');
  await expect(wrong).toContainText('not accepted');

  await page.route('**/api/jobs**', (route) => route.abort('connectionrefused'));
  await signInWith(page, DEMO_TOKEN);
  await expect(page.getByRole('alert')).toContainText('Could not reach the API');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the token never appears in a URL, a Referer, the page text or the console', async ({
  page,
}) => {
  const seen: string[] = [];
  const bearerSentTo = new Set<string>();
  page.on('request', (request) => {
    seen.push(request.url());
    seen.push(request.headers()['referer'] ?? '');
    if (request.headers()['authorization']) bearerSentTo.add(new URL(request.url()).pathname);
  });
  page.on('console', (message) => seen.push(message.text()));
  const id = await firstJobId(page);

  await page.goto(`/jobs/${encodeURIComponent(id)}`);
  await signInWith(page, `  ${DEMO_TOKEN}\n`);
  await expect(page.getByRole('heading', { name: id })).toBeVisible();
  seen.push(await page.locator('body').innerText());
  seen.push(page.url());
  await page.goto('/jobs');
  await expect(page.getByRole('table')).toBeVisible();
  seen.push(await page.content());
  seen.push(page.url());

  expect(seen.filter((text) => text.includes(DEMO_TOKEN))).toEqual([]);
  // The token goes to the API and nowhere else (not the page, its assets or the demo endpoint).
  expect(bearerSentTo.size).toBeGreaterThan(0);
  expect([...bearerSentTo].filter((path) => !path.startsWith('/api/'))).toEqual([]);
});

test('the frame: jump to a job, switch organization, theme, titles, unknown routes', async ({
  page,
}) => {
  const id = await firstJobId(page);
  await openSignedIn(page, '/jobs');
  await expect(page).toHaveTitle(/^Jobs/);

  await page.getByLabel('Jump to job').fill(id);
  await page.getByLabel('Jump to job').press('Enter');
  await expect(page).toHaveURL(`/jobs/${encodeURIComponent(id)}`);
  const job = await page.request.get(`/api/jobs/${encodeURIComponent(id)}/status`, {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
  });
  const { status } = (await job.json()) as { status: string };
  await expect(page).toHaveTitle(new RegExp(`^${status} · Job ${id.slice(0, 8)}`));

  await page.getByRole('combobox', { name: 'Organization' }).fill('acme-legal');
  await page.getByRole('button', { name: 'Switch organization' }).click();
  await expect(page).toHaveURL('/jobs?organization=acme-legal');
  // Remembered among the recent organizations the field offers.
  await expect(page.locator('datalist option[value="acme-legal"]')).toHaveCount(1);

  const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
    !dark,
  );
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
    !dark,
  );

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the jobs list' }).click();
  await expect(page).toHaveURL('/jobs');
});

test('an offline banner shows while offline', async ({ page, context }) => {
  await openSignedIn(page, '/jobs');
  await expect(page.getByRole('table')).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByText('You are offline')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('You are offline')).toHaveCount(0);
});

test('the theme follows the OS until the person chooses, from the first paint on', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openSignedIn(page, '/jobs');
  // public/theme-init.js runs before the app: the class is there as soon as the document is.
  await page.goto('/jobs', { waitUntil: 'commit' });
  await page.waitForSelector('html.dark', { state: 'attached' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/dark/); // the OS says dark; the choice wins
});

test('a thin progress bar shows while a page loads in the background', async ({ page, sim }) => {
  await openSignedIn(page, '/jobs');
  await expect(page.getByRole('table')).toBeVisible();
  await sim.fault({ path: 'list', count: 5, delayMs: 1500 });
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading' })).toHaveCount(0, {
    timeout: 10_000,
  });
});
