import { isFinished, isWaiting, statusFamily, type StatusFamily } from '../../api/job-status.ts';
import type { JobStatus } from '../../api/types.ts';
import { parseTime } from '../../ui/time.ts';

/** A job placed on the page's time axis; positions are fractions of the axis (0 = start, 1 = end). */
export type TimelineBar = {
  job: JobStatus;
  family: StatusFamily;
  /** Its place among the placed jobs, in row order: its lane. */
  lane: number;
  created: number;
  /** Undefined while it has not started (or never did, e.g. cancelled while queued). */
  started?: number;
  /** Undefined while it has not finished: the bar runs to now. */
  completed?: number;
  /** Still growing: not finished. */
  live: boolean;
  /** The waiting part: created to started (or to the end when it never started). */
  wait: { x: number; width: number };
  /** The running part: started to completed, or to now. */
  run?: { x: number; width: number };
};

export type TimelineLayout = {
  /** The axis, in milliseconds since the epoch; end > start. */
  start: number;
  end: number;
  bars: TimelineBar[];
  /** Jobs with a time we cannot read: no bar, the picture says how many. */
  unplaced: number;
};

/** The axis is at least this long, so one instant (or one job of no length) still has room. */
const MIN_SPAN_MS = 1000;
/** A part of no length still shows as a sliver. */
const MIN_WIDTH = 0.003;

type Times = { created: number; started?: number; completed?: number };

/** A job's times, or null when one it has cannot be read (a bar there would be a guess). */
function readTimes(job: JobStatus): Times | null {
  const created = parseTime(job.createdAt);
  if (created === undefined) return null;
  const times: Times = { created };
  // A queued job is not running, whatever startedAt says (some services set it on submission): as the
  // table's duration, it is drawn as waiting.
  if (job.startedAt !== undefined && !isWaiting(job)) {
    const started = parseTime(job.startedAt);
    if (started === undefined) return null;
    // A clock skewed between the service's machines must not draw a bar backwards.
    times.started = Math.max(started, created);
  }
  if (isFinished(job)) {
    // As the table's duration: a finished job without completedAt ended at its last update.
    const completed = parseTime(job.completedAt ?? job.updatedAt);
    if (completed === undefined) return null;
    times.completed = Math.max(completed, times.started ?? created);
  }
  return times;
}

function part(from: number, to: number, start: number, span: number) {
  const x = Math.min(1 - MIN_WIDTH, (from - start) / span);
  return { x, width: Math.min(1 - x, Math.max(MIN_WIDTH, (to - from) / span)) };
}

/**
 * Where each job of the page goes: one lane per job in the rows' order, on one axis from the first
 * creation to the last completion (or now, while a job has not finished).
 */
export function layoutTimeline(jobs: readonly JobStatus[], now: number): TimelineLayout {
  const placed: { job: JobStatus; times: Times }[] = [];
  let unplaced = 0;
  for (const job of jobs) {
    const times = readTimes(job);
    if (times) placed.push({ job, times });
    else unplaced += 1;
  }
  if (placed.length === 0) return { start: now - MIN_SPAN_MS, end: now, bars: [], unplaced };

  const ends = placed.map(({ times }) => times.completed ?? Math.max(now, times.started ?? 0));
  let start = Math.min(...placed.map(({ times }) => times.created));
  let end = Math.max(...ends, ...placed.map(({ times }) => times.created));
  if (end - start < MIN_SPAN_MS) {
    const middle = (start + end) / 2;
    start = middle - MIN_SPAN_MS / 2;
    end = middle + MIN_SPAN_MS / 2;
  }
  const span = end - start;

  const bars = placed.map(({ job, times }, lane): TimelineBar => {
    const { created, started, completed } = times;
    const last = completed ?? Math.max(now, started ?? created);
    const bar: TimelineBar = {
      job,
      family: statusFamily(job.status),
      lane,
      created,
      live: completed === undefined,
      wait: part(created, started ?? last, start, span),
    };
    if (started !== undefined) {
      bar.started = started;
      bar.run = part(started, last, start, span);
    }
    if (completed !== undefined) bar.completed = completed;
    return bar;
  });
  return { start, end, bars, unplaced };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [
  ...[1, 2, 5, 10, 15, 30].map((n) => n * SECOND),
  ...[1, 2, 5, 10, 15, 30].map((n) => n * MINUTE),
  ...[1, 2, 3, 6, 12].map((n) => n * HOUR),
  ...[1, 2, 7, 14, 30, 91, 182, 365].map((n) => n * DAY),
];

/** A round step that puts at most `most` intervals on the axis. */
export function tickStep(span: number, most: number): number {
  return STEPS.find((step) => span / step <= most) ?? Math.ceil(span / most / DAY) * DAY;
}

/**
 * The ticks between `start` and `end`, `step` apart, on round values of `anchor`'s grid: round local
 * clock times (anchor = the zone's offset), or whole steps back from now (anchor = now).
 */
export function axisTicks(start: number, end: number, step: number, anchor: number): number[] {
  const ticks: number[] = [];
  for (let t = anchor + Math.ceil((start - anchor) / step) * step; t <= end; t += step) {
    ticks.push(t);
  }
  return ticks;
}
