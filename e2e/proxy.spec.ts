import { DEMO_TOKEN, expect, openSignedIn, test } from './fixtures.ts';

// The set-up for the real API: NUEXTRACT_API_URL makes the production server (server/) proxy /api to an
// upstream (here a standalone simulator pinging every 300 ms) instead of mounting the simulator. The
// raw-socket cases of the allowlist are server/api-proxy.test.ts's; here, what a browser meets.
const port = Number(process.env.E2E_PORT ?? 4173);
test.use({
  baseURL: `http://127.0.0.1:${port + 2}`,
  simOrigin: `http://127.0.0.1:${port + 1}`,
});

test('with an upstream set, the dashboard serves no demo and shows the upstream jobs', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('API token')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Demo mode' })).toHaveCount(0);
  await page.getByLabel('API token').fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByText(/^1-30 of \d+/)).toBeVisible();
});

test('streams pass through the proxy unbuffered: pings arrive live, the result at once', async ({
  page,
  sim,
}) => {
  const job = await sim.createJob({ status: 'running' });
  await openSignedIn(page, `/jobs/${encodeURIComponent(job.id)}`);
  await expect(page.getByText('Live')).toBeVisible();
  // Each ping must reach the page on its own, not in a buffered batch.
  const beats = await page.evaluate(
    async ({ id, token }) => {
      const response = await fetch(`/api/jobs/${encodeURIComponent(id)}/stream`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.body) return [];
      const reader = response.body.getReader();
      const times: number[] = [];
      const start = performance.now();
      while (times.length < 3) {
        const { done } = await reader.read();
        if (done) break;
        times.push(performance.now() - start);
      }
      await reader.cancel();
      return times;
    },
    { id: job.id, token: DEMO_TOKEN },
  );
  expect(beats).toHaveLength(3);
  const [first = 0, , third = 0] = beats;
  expect(third - first).toBeGreaterThan(300); // spread out over time, as sent
  await sim.finishJob(job.id, { outputData: '{"result": {"via": "the proxy"}}' });
  await expect(page.getByText('the proxy')).toBeVisible();
});

test('only the Jobs API is forwarded: other paths are 404 here, dot segments in an id 400', async ({
  request,
  sim,
}) => {
  const before = await sim.counters();
  for (const path of ['/api-docs', '/apiX', '/api/admin', '/api/jobs/x/other', '/api/v2/jobs']) {
    const response = await request.get(path, {
      headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
    });
    expect(response.status(), path).toBe(404);
    expect(response.headers()['cache-control'], path).toBe('no-store');
  }
  // An id that decodes to a dot segment would climb out at an upstream that decodes "%2F": refused.
  for (const path of ['/api/jobs/..%2Fadmin', '/api/jobs/x%5C..%5Cadmin/status']) {
    const response = await request.get(path, {
      headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
    });
    expect(response.status(), path).toBe(400);
  }
  const after = await sim.counters();
  expect(after.byPath).toEqual(before.byPath);
});

test('API answers are compressed, never cached, and never a page of this origin', async ({
  browser,
  request,
}) => {
  const list = await request.get('/api/jobs', {
    headers: { Authorization: `Bearer ${DEMO_TOKEN}`, 'Accept-Encoding': 'br, gzip' },
  });
  expect(list.status()).toBe(200);
  expect(list.headers()).toMatchObject({
    'content-encoding': 'br',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
  });
  // Opened as a page, an /api answer runs in a sandbox: it cannot read a remembered token. (A plain
  // page, not the fixture's: the sandbox's own console message is the point here.)
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.evaluate((token) => localStorage.setItem('nuextract.token', token), DEMO_TOKEN);
  await page.goto('/api/jobs/some-id');
  const reached = await page.evaluate(() => {
    try {
      return localStorage.getItem('nuextract.token');
    } catch {
      return 'blocked';
    }
  });
  expect(reached).toBe('blocked');
  await context.close();
});
