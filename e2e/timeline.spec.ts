import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.ts';

// The list's timeline (issue 14 §3): a bar per row, in the rows' order and status colour, growing
// while its job runs, opening the job; its switch remembered across visits.

const rows = (page: Page) =>
  page.locator('table[aria-label="Jobs"]:not([aria-busy]) tbody tr[data-job-id]');
const picture = (page: Page) => page.getByRole('group', { name: /^Timeline of/ });
const bars = (page: Page) => picture(page).getByRole('link');
const bar = (page: Page, id: string) => picture(page).locator(`a[data-job-id="${id}"]`);

// The seeded statuses and the colour family each is drawn in (src/api/job-status.ts).
const FAMILY: Record<string, string> = {
  queued: 'waiting',
  running: 'running',
  completed: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  'paused-by-ops': 'unknown',
};
const COLOUR: Record<string, string> = {
  waiting: 'warn',
  running: 'info',
  succeeded: 'ok',
  failed: 'danger',
  cancelled: 'line-strong',
  unknown: 'muted',
};

async function showTimeline(page: Page) {
  await page.goto('/sign-in');
  await page.evaluate(() => localStorage.setItem('nuextract.showTimeline', '1'));
}

test('the bars are the rows: the same jobs, in the same order, each in its status colour', async ({
  page,
  sim,
}) => {
  await sim.createJob({ status: 'paused-by-ops' });
  await sim.createJob({ status: 'queued' });
  await showTimeline(page);
  await openSignedIn(page, '/jobs');
  await expect(rows(page)).toHaveCount(30);
  await expect(picture(page)).toHaveAccessibleName(
    /^Timeline of 30 jobs on this page, from .+ ago to now$/,
  );

  const table = await rows(page).evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-job-id'),
      status: tr.querySelector('td:nth-child(2)')?.textContent?.trim() ?? '',
    })),
  );
  const drawn = await bars(page).evaluateAll((links) =>
    links.map((link) => {
      const solid = link.querySelector('rect:last-child');
      return {
        id: link.getAttribute('data-job-id'),
        family: link.getAttribute('data-family'),
        fill: solid ? getComputedStyle(solid).fill : '',
      };
    }),
  );
  expect(drawn.map((d) => d.id)).toEqual(table.map((r) => r.id));
  expect(drawn.map((d) => d.family)).toEqual(table.map((r) => FAMILY[r.status] ?? 'unknown'));
  expect(new Set(drawn.map((d) => d.family))).toEqual(
    new Set(['waiting', 'running', 'succeeded', 'failed', 'unknown']),
  );
  // Each bar is painted in its family's theme colour.
  const themeColour = (name: string) =>
    page.evaluate((name) => {
      const probe = document.createElement('span');
      probe.style.color = `var(--color-${name})`;
      document.body.append(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    }, name);
  for (const family of new Set(drawn.map((d) => d.family ?? ''))) {
    const expected = await themeColour(COLOUR[family] ?? '');
    expect(drawn.filter((d) => d.family === family).map((d) => d.fill)).toContain(expected);
    expect(new Set(drawn.filter((d) => d.family === family).map((d) => d.fill))).toEqual(
      new Set([expected]),
    );
  }
});

test('a running job’s bar grows until the live rows see it finished', async ({ page, sim }) => {
  const done = await sim.createJob({ status: 'completed' });
  // The axis starts at the finished job: a few seconds before the running one, so the running bar
  // is a visible share of the axis that grows as now moves on.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const running = await sim.createJob({ status: 'running' });
  await showTimeline(page);
  // Two jobs a page: the axis spans only them, so a second of running shows.
  await openSignedIn(page, '/jobs?perPage=2');
  await expect(bars(page)).toHaveCount(2);
  const width = async () =>
    (await bar(page, running.id).locator('rect').last().boundingBox())?.width ?? 0;
  const first = await width();
  await expect.poll(width).toBeGreaterThan(first + 20);
  await expect(bar(page, running.id)).toHaveAccessibleName(/^Job .+, running\. .* Running for /);

  await sim.finishJob(running.id);
  await expect(bar(page, running.id)).toHaveAttribute('data-family', 'succeeded', {
    timeout: 15_000,
  });
  await expect(bar(page, running.id)).toHaveAccessibleName(/Completed .+, ran /);
  // Finished, it holds still: the axis now ends at its completion.
  const settled = await width();
  await page.waitForTimeout(1500);
  expect(await width()).toBe(settled);
  await expect(bar(page, done.id)).toHaveAttribute('data-family', 'succeeded');
});

test('hovering or focusing a bar shows the job’s times; a click or Enter opens the job', async ({
  page,
  sim,
}) => {
  const job = await sim.createJob({ status: 'failed' });
  await showTimeline(page);
  await openSignedIn(page, '/jobs?perPage=10');
  await expect(bars(page)).toHaveCount(10);

  await bar(page, job.id).hover();
  const details = page.getByTestId('timeline-details');
  await expect(details).toContainText(`Job ${job.id.slice(0, 8)}, failed`);
  await expect(details).toContainText('Created');

  // Tab goes from bar to bar in the rows' order.
  await bars(page).first().focus();
  await page.mouse.move(0, 0);
  await page.keyboard.press('Tab');
  const second = await rows(page).nth(1).getAttribute('data-job-id');
  await expect(bars(page).nth(1)).toBeFocused();
  await expect(details).toContainText(`Job ${second?.slice(0, 8)}`);
  // j and k still move the table's selection, on from the bar's row.
  await page.keyboard.press('j');
  const third = await rows(page).nth(2).getAttribute('data-job-id');
  await expect(page.locator(`tr[data-job-id="${third}"] a`).first()).toBeFocused();
  await bars(page).nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/jobs/${second}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second ?? '');

  await page.goBack();
  await bar(page, job.id).click();
  await expect(page).toHaveURL(`/jobs/${job.id}`);
  // Back to the list the row links return to, on the same page.
  await page.getByRole('link', { name: '← All jobs' }).click();
  await expect(rows(page)).toHaveCount(30);
});

test('the switch is remembered across a reload; hidden, the timeline takes no place', async ({
  page,
}) => {
  await openSignedIn(page, '/jobs');
  await expect(rows(page)).toHaveCount(30);
  const toggle = page.getByRole('switch', { name: 'Show timeline' });
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('timeline')).toHaveCount(0);

  await toggle.check();
  await expect(bars(page)).toHaveCount(30);
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Show timeline' })).toBeChecked();
  await expect(bars(page)).toHaveCount(30);

  await page.getByRole('switch', { name: 'Show timeline' }).uncheck();
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  await page.reload();
  await expect(rows(page)).toHaveCount(30);
  await expect(page.getByRole('switch', { name: 'Show timeline' })).not.toBeChecked();
  await expect(page.getByTestId('timeline')).toHaveCount(0);
});
