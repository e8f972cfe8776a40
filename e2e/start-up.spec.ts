import { expect, openSignedIn, test } from './fixtures.ts';

// The entry (src/main.ts) imports React's DOM renderer, then the app (boot.tsx), from chunks of their
// own that index.html preloads (scripts/boot-chunks.ts, scripts/preload-boot.ts).

test('the first page loads no script index.html did not name (no chunk waits for another)', async ({
  page,
}) => {
  const html = await (await page.request.get('/sign-in')).text();
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.js)"/g)].map(
    (match) => new URL(match[1] ?? '', 'http://x').pathname,
  );
  expect(named.filter((path) => path.startsWith('/assets/')).length).toBeGreaterThanOrEqual(3);
  const loaded: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('.js')) loaded.push(pathname);
  });
  await page.goto('/sign-in');
  await expect(page.getByLabel('API token')).toBeVisible();
  expect(loaded.filter((path) => !named.includes(path))).toEqual([]);
});

for (const chunk of ['react-dom', 'boot']) {
  test(`says the dashboard could not load when the ${chunk} chunk fails to arrive`, async ({
    page,
  }) => {
    await page.route(new RegExp(`/assets/${chunk}-[\\w-]+\\.js$`), (route) => route.abort());
    await openSignedIn(page, '/jobs');
    await expect(
      page.getByText('The dashboard could not load. Check your connection and reload the page.'),
    ).toBeVisible();
  });
}
