import { shortId } from '../../lib/format.ts';
import { formatDuration } from '../../ui/time.ts';
import type { TimelineBar } from './timeline-geometry.ts';

const clock = new Intl.DateTimeFormat('en', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const clockSeconds = new Intl.DateTimeFormat('en', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const dayAndClock = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dayAndClockSeconds = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const day = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const zone = new Intl.DateTimeFormat('en', { timeZoneName: 'short' });

/** The local zone's short name ("UTC", "GMT+1"). */
export function zoneName(at: number): string {
  return zone.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

const UNITS: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
];

/** "1 min 30 s", "2 h": an axis step's multiple, without the zero parts formatDuration keeps. */
function roundDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / 1000) * 1000;
  for (const [unit, size] of UNITS) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.join(' ');
}

/** A tick's label: a local clock time fitting the step, or how long before now. */
export function tickLabel(t: number, step: number, absolute: boolean, now: number): string {
  if (!absolute) return now - t < 1000 ? 'now' : `${roundDuration(now - t)} ago`;
  if (step >= 86_400_000) return day.format(t);
  if (step >= 6 * 3_600_000) return dayAndClock.format(t);
  return (step < 60_000 ? clockSeconds : clock).format(t);
}

/** An instant in the details: its local time, or how long ago. */
function instant(t: number, absolute: boolean, now: number): string {
  if (absolute) return `${dayAndClockSeconds.format(t)} ${zoneName(t)}`;
  return now - t < 1000 ? 'just now' : `${formatDuration(now - t)} ago`;
}

/** The axis's range for its accessible name: "from 10:02 to 10:40 UTC", or "from 38 min ago to now". */
export function rangeText(start: number, end: number, absolute: boolean, now: number): string {
  if (!absolute) {
    const to = now - end < 1000 ? 'now' : `${formatDuration(now - end)} ago`;
    return `from ${formatDuration(now - start)} ago to ${to}`;
  }
  const format = end - start >= 20 * 3_600_000 ? dayAndClock : clock;
  return `from ${format.format(start)} to ${format.format(end)} ${zoneName(end)}`;
}

/** The lines of a bar's details, also its accessible name (joined). */
export function barLines(bar: TimelineBar, absolute: boolean, now: number): string[] {
  const { job, created, started, completed } = bar;
  const lines = [
    `Job ${shortId(job.id)}, ${job.status}`,
    `Created ${instant(created, absolute, now)}`,
  ];
  if (started === undefined) {
    lines.push(
      completed === undefined
        ? `Not started, waiting for ${formatDuration(now - created)}`
        : `Never started`,
    );
  } else {
    lines.push(
      `Started ${instant(started, absolute, now)}, after ${formatDuration(started - created)}`,
    );
  }
  if (completed !== undefined) {
    const ran = started === undefined ? '' : `, ran ${formatDuration(completed - started)}`;
    lines.push(`Completed ${instant(completed, absolute, now)}${ran}`);
  } else if (started !== undefined) {
    lines.push(`Running for ${formatDuration(Math.max(0, now - started))}`);
  }
  return lines;
}
