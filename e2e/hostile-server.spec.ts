import { expect, openSignedIn, test } from './fixtures.ts';

// Issue 11, section 3, end to end where the simulator can play it. The caps on sizes and the
// never-ending line are unit-tested (http.test.ts, job-stream.test.ts, event-stream-lines.test.ts).

test('a flood of pings closes the live connection, says why, and it comes back to stay', async ({
  page,
  sim,
}) => {
  const id = 'flooded-job';
  await sim.createJob({ id, status: 'running' });
  // The healthy server after the flood pings every 4 s.
  await sim.config({ pingMs: 4000 });
  await sim.fault({
    path: 'stream',
    sse: 'event: ping\ndata:\n\n'.repeat(5000),
    hang: true,
  });
  // The reconnection is answered slowly, so the reason stays on screen long enough to be read.
  await sim.fault({ path: 'stream', delayMs: 3000 });
  await openSignedIn(page, `/jobs/${id}`);
  await expect(
    page.getByText(
      'The server sent more than 200 events a second: the live connection was closed.',
    ),
  ).toBeVisible();
  await expect(page.getByTestId('live-indicator')).toContainText('Reconnecting (attempt 1)');
  await expect(page.getByTestId('live-indicator')).toContainText('Live', { timeout: 20_000 });
  // The flood's pings, a few ms apart, must not teach the watchdog to drop the healthy connection
  // before its first heartbeat (it did: a second reconnection two seconds later).
  await expect(page.getByTestId('live-indicator')).toContainText('heartbeat', { timeout: 20_000 });
  expect((await sim.counters()).requests.stream).toBe(2);
});

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
