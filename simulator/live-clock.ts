// Live mode: new jobs arrive every 15-30 s and run queued -> running -> completed/failed, so the demo moves.
// Control-created jobs are left alone: tests finish them explicitly.
import { createRng } from './prng.ts';
import { isFinished } from './job-store.ts';
import type { FinishOutcome, JobStore, SimJob } from './job-store.ts';
import { makeFailure, makeInput, makeOutput, pickJobType } from './job-content.ts';
import { DEMO_USER, organizationsOf } from './seed-data.ts';

export function createLiveClock(store: JobStore) {
  let rng = createRng(0x11fe_c10c);
  const jobTimers = new Map<string, NodeJS.Timeout>();
  /** Outcomes decided when a live job is created, so its output matches its input. */
  const planned = new Map<string, FinishOutcome>();
  let spawnTimer: NodeJS.Timeout | undefined;

  function later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(fn, ms);
    timer.unref(); // never keep a process alive just for the demo clock
    return timer;
  }

  function outcomeFor(job: SimJob): FinishOutcome {
    const plan = planned.get(job.id);
    if (plan) return plan;
    const { doc } = makeInput(rng, job.jobType);
    return rng.chance(0.85)
      ? { status: 'completed', outputData: makeOutput(rng, job.jobType, doc) }
      : { status: 'failed', ...makeFailure(rng, job.jobType) };
  }

  function drive(job: SimJob): void {
    if (isFinished(job) || job.origin === 'control' || jobTimers.has(job.id)) return;
    const delayMs = (job.status === 'queued' ? rng.int(1, 5) : rng.int(5, 60)) * 1000;
    jobTimers.set(
      job.id,
      later(delayMs, () => {
        jobTimers.delete(job.id);
        if (isFinished(job) || store.get(job.id) !== job) return; // finished by a control, or reset away
        const now = new Date().toISOString();
        if (job.status === 'queued') {
          store.markRunning(job, now);
          drive(job);
        } else {
          store.finish(job, outcomeFor(job), now);
          planned.delete(job.id);
        }
      }),
    );
  }

  function spawn(): void {
    const jobType = pickJobType(rng);
    const { inputData, doc } = makeInput(rng, jobType);
    const now = new Date().toISOString();
    const organization = rng.chance(0.25) ? rng.pick(organizationsOf(DEMO_USER)) : undefined;
    const job = store.add({
      id: rng.uuid(),
      jobType,
      status: 'queued',
      ownerUser: DEMO_USER,
      ...(organization === undefined ? {} : { ownerOrganization: organization }),
      inputData,
      startedAt: now,
      createdAt: now,
      updatedAt: now,
      origin: 'live',
    });
    planned.set(
      job.id,
      rng.chance(0.85)
        ? { status: 'completed', outputData: makeOutput(rng, jobType, doc) }
        : { status: 'failed', ...makeFailure(rng, jobType) },
    );
    drive(job);
    scheduleSpawn();
  }

  function scheduleSpawn(): void {
    spawnTimer = later(rng.int(15, 30) * 1000, spawn);
  }

  function start(): void {
    stop();
    scheduleSpawn();
    for (const job of store.all()) drive(job);
  }

  function stop(): void {
    clearTimeout(spawnTimer);
    spawnTimer = undefined;
    for (const timer of jobTimers.values()) clearTimeout(timer);
    jobTimers.clear();
  }

  /** Back to the first live job of a fresh start (on reset). */
  function rewind(): void {
    stop();
    planned.clear();
    rng = createRng(0x11fe_c10c);
  }

  return { start, stop, rewind };
}
