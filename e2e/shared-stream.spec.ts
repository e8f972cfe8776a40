import type { Page } from '@playwright/test';
import { DEMO_TOKEN, expect, openSignedIn, test } from './fixtures.ts';

// One stream per job for all the tabs of a browser (src/jobs/stream/shared-stream.ts): the tab that
// leads opens it, the others follow over a BroadcastChannel; the simulator counts open streams.

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;
const indicator = (page: Page) => page.getByTestId('live-indicator');

test('three tabs on one running job share one stream, and the result outlives the leader', async ({
  page,
  context,
  sim,
}) => {
  const id = 'e2e-shared-1';
  await sim.createJob({ id, status: 'running' });
  // Every message a tab posts on a BroadcastChannel, to show that the token never crosses.
  await context.addInitScript(() => {
    const posted: string[] = [];
    Object.assign(window, { posted });
    const original = BroadcastChannel.prototype.postMessage;
    BroadcastChannel.prototype.postMessage = function (message: unknown) {
      posted.push(JSON.stringify(message));
      original.call(this, message);
    };
  });

  const leader = await context.newPage();
  await openSignedIn(leader, jobPath(id));
  await expect(indicator(leader)).toHaveText(/^Live(?! \(via)/);
  const followers = [page, await context.newPage()];
  for (const follower of followers) {
    await openSignedIn(follower, jobPath(id));
    await expect(indicator(follower)).toContainText('Live (via another tab)');
  }
  expect((await sim.counters()).openStreams).toBe(1);
  expect((await sim.counters()).requests.stream).toBe(1);

  // The leader goes away: a follower takes over (one new stream), the other follows it.
  const closed = Date.now();
  await leader.close();
  await expect.poll(async () => (await sim.counters()).requests.stream).toBe(2);
  console.log(`A follower took over the stream ${Date.now() - closed} ms after the leader closed`);
  await expect.poll(async () => (await sim.counters()).openStreams).toBe(1);
  await expect(async () => {
    const labels = await Promise.all(followers.map((tab) => indicator(tab).textContent()));
    expect(labels.filter((label) => label?.includes('via another tab'))).toHaveLength(1);
  }).toPass();

  await sim.finishJob(id, { outputData: JSON.stringify({ result: { answer: 'shared' } }) });
  for (const follower of followers) {
    await expect(follower.getByText('completed', { exact: true })).toBeVisible();
    await expect(follower.getByText('shared').first()).toBeVisible();
  }
  await expect.poll(async () => (await sim.counters()).openStreams).toBe(0);

  const posted = await Promise.all(
    followers.map((tab) => tab.evaluate(() => (window as unknown as { posted: string[] }).posted)),
  );
  const messages = posted.flat().join('\n');
  expect(messages).toContain('"type":"state"');
  expect(messages).toContain('"type":"job"');
  expect(messages).not.toContain(DEMO_TOKEN);
});

test('without Web Locks each tab opens its own stream, as before', async ({
  page,
  context,
  sim,
}) => {
  const id = 'e2e-shared-2';
  await sim.createJob({ id, status: 'running' });
  await context.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'locks');
  });
  const other = await context.newPage();
  for (const tab of [page, other]) {
    await openSignedIn(tab, jobPath(id));
    await expect(indicator(tab)).toHaveText(/^Live(?! \(via)/);
  }
  expect((await sim.counters()).openStreams).toBe(2);
  await sim.finishJob(id, { outputData: JSON.stringify({ result: { answer: 'alone' } }) });
  for (const tab of [page, other]) await expect(tab.getByText('alone').first()).toBeVisible();
});
