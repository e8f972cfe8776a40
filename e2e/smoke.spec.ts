import { DEMO_TOKEN, expect, test } from './fixtures.ts';

test('signs in with the demo token and shows the first page of jobs from the simulator', async ({
  page,
  sim,
}) => {
  await sim.reset();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel('API token').fill(`  ${DEMO_TOKEN}  `);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(31); // header + the API's default page of 30
  expect((await sim.counters()).requests.list).toBeGreaterThanOrEqual(2); // the token check, then the page
});
