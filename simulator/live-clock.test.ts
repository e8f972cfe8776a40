// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJobStore, isFinished } from './job-store.ts';
import { createLiveClock } from './live-clock.ts';
import { seedJobs } from './seed-data.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-06-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

function seededStore() {
  const store = createJobStore();
  for (const job of seedJobs(Date.now())) store.add(job);
  return store;
}

describe('live clock', () => {
  it('runs seeded unfinished jobs to the end and brings new ones every 15-30 s', () => {
    const store = seededStore();
    const before = store.all().length;
    const unfinished = store.all().filter((job) => !isFinished(job));
    expect(unfinished.length).toBeGreaterThan(0);
    const clock = createLiveClock(store);
    clock.start();

    vi.advanceTimersByTime(14_000);
    expect(store.all().length).toBe(before);
    vi.advanceTimersByTime(2 * 60_000);
    expect(unfinished.every(isFinished)).toBe(true);
    const added = store.all().length - before;
    expect(added).toBeGreaterThanOrEqual(4); // 134 s at one every 15-30 s
    expect(added).toBeLessThanOrEqual(9);

    const newest = store.all()[0];
    expect(newest?.origin).toBe('live');
    expect(newest?.ownerUser).toBe('demo');
    clock.stop();
  });

  it('moves a new job queued -> running -> finished, bumping updatedAt', () => {
    const store = createJobStore();
    const clock = createLiveClock(store);
    clock.start();
    for (let s = 0; s < 30 && store.all().length === 0; s++) vi.advanceTimersByTime(1000);
    const [job] = store.all();
    expect(job?.status).toBe('queued');
    const seen = new Set<string>();
    const updates = new Set<string>();
    for (let i = 0; i < 70 && job && !isFinished(job); i++) {
      vi.advanceTimersByTime(1000);
      seen.add(job.status);
      updates.add(job.updatedAt);
    }
    expect(seen.has('running')).toBe(true);
    expect(['completed', 'failed']).toContain(job?.status);
    expect(job?.completedAt).toBe(job?.updatedAt);
    expect(updates.size).toBeGreaterThanOrEqual(2);
    clock.stop();
  });

  it('leaves control-created jobs and stops cleanly', () => {
    const store = createJobStore();
    const now = new Date().toISOString();
    const job = store.add({
      id: 'manual',
      jobType: 'inference',
      status: 'running',
      ownerUser: 'demo',
      inputData: '',
      startedAt: now,
      createdAt: now,
      updatedAt: now,
      origin: 'control',
    });
    const clock = createLiveClock(store);
    clock.start();
    vi.advanceTimersByTime(120_000);
    expect(job.status).toBe('running');
    clock.stop();
    const count = store.all().length;
    vi.advanceTimersByTime(120_000);
    expect(store.all().length).toBe(count);
    expect(vi.getTimerCount()).toBe(0);
  });
});
