import { completedJob, jobSeries, runningJob, statusOf } from '../../test-kit/jobs.ts';
import { axisTicks, layoutTimeline, tickStep } from './timeline-geometry.ts';

const at = (time: string) => Date.parse(`2026-11-01T${time}Z`);
const NOW = at('10:10:00');
/** A time of the test's day as the service writes it: '10:04' is 2026-11-01T10:04:00Z. */
const iso = (time: string) => `2026-11-01T${time}:00Z`;

/** A finished job's /status view, created, started and completed at the given times of the day. */
function finished(created: string, started: string, completed: string, id?: string) {
  const times = { createdAt: iso(created), startedAt: iso(started), completedAt: iso(completed) };
  return statusOf(completedJob(id === undefined ? times : { id, ...times }));
}

describe('layoutTimeline', () => {
  it('gives each job a lane in the rows order, on one axis from the first creation to the last end', () => {
    const jobs = [
      finished('10:04', '10:05', '10:08', 'b'),
      finished('10:00', '10:02', '10:04', 'a'),
    ];
    const { start, end, bars, unplaced } = layoutTimeline(jobs, NOW);
    expect(unplaced).toBe(0);
    expect([start, end]).toEqual([at('10:00:00'), at('10:08:00')]);
    expect(bars.map((bar) => [bar.job.id, bar.lane])).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
    const [b, a] = bars;
    expect(a?.wait).toEqual({ x: 0, width: 0.25 });
    expect(a?.run).toEqual({ x: 0.25, width: 0.25 });
    expect(b?.wait).toEqual({ x: 0.5, width: 0.125 });
    expect(b?.run).toEqual({ x: 0.625, width: 0.375 });
    expect(bars.map((bar) => [bar.family, bar.live])).toEqual([
      ['succeeded', false],
      ['succeeded', false],
    ]);
  });

  it('keeps a job of no length visible as a sliver, inside the axis', () => {
    const { start, end, bars } = layoutTimeline([finished('10:00', '10:00', '10:00')], NOW);
    expect(end - start).toBe(1000);
    const [bar] = bars;
    expect(bar?.run?.width).toBeGreaterThan(0);
    expect((bar?.run?.x ?? 0) + (bar?.run?.width ?? 0)).toBeLessThanOrEqual(1);
    expect((bar?.wait.x ?? 0) + (bar?.wait.width ?? 0)).toBeLessThanOrEqual(1);
  });

  it('draws a job not started as waiting up to now, with no running part', () => {
    const job = statusOf(
      runningJob({ status: 'queued', createdAt: iso('10:05'), startedAt: undefined }),
    );
    const other = statusOf(completedJob({ id: 'done', createdAt: iso('10:00') }));
    const { end, bars } = layoutTimeline([job, other], NOW);
    expect(end).toBe(NOW);
    expect(bars[0]).toMatchObject({
      family: 'waiting',
      live: true,
      wait: { x: 0.5, width: 0.5 },
    });
    expect(bars[0]?.started).toBeUndefined();
    expect(bars[0]?.run).toBeUndefined();
  });

  it('draws a queued job as waiting even when the service gave it a startedAt', () => {
    const job = statusOf(
      runningJob({ status: 'queued', createdAt: iso('10:00'), startedAt: iso('10:00') }),
    );
    const [bar] = layoutTimeline([job], NOW).bars;
    expect(bar).toMatchObject({ family: 'waiting', live: true, wait: { x: 0, width: 1 } });
    expect(bar?.started).toBeUndefined();
    expect(bar?.run).toBeUndefined();
  });

  it('runs a running job to now, so it grows as now moves', () => {
    const job = statusOf(runningJob({ createdAt: iso('10:00'), startedAt: iso('10:05') }));
    const first = layoutTimeline([job], NOW);
    expect(first.bars[0]).toMatchObject({
      family: 'running',
      live: true,
      run: { x: 0.5, width: 0.5 },
    });
    const later = layoutTimeline([job], at('10:20:00'));
    expect(later.end).toBe(at('10:20:00'));
    expect(later.bars[0]?.run).toEqual({ x: 0.25, width: 0.75 });
  });

  it('ends a finished job without completedAt at its last update, and one never started after waiting', () => {
    const cancelled = statusOf(
      runningJob({
        status: 'cancelled',
        createdAt: iso('10:00'),
        startedAt: undefined,
        updatedAt: iso('10:04'),
      }),
    );
    const { end, bars } = layoutTimeline([cancelled], NOW);
    expect(end).toBe(at('10:04:00'));
    expect(bars[0]).toMatchObject({
      family: 'cancelled',
      live: false,
      completed: at('10:04:00'),
      wait: { x: 0, width: 1 },
    });
    expect(bars[0]?.run).toBeUndefined();
  });

  it('places no bar for a job with a time it cannot read, and counts it', () => {
    const jobs = [
      statusOf(completedJob({ id: 'bad-created', createdAt: 'yesterday' })),
      statusOf(completedJob({ id: 'ok' })),
      statusOf(runningJob({ id: 'bad-started', startedAt: '2026-13-01T00:00:00Z' })),
      statusOf(completedJob({ id: 'bad-completed', completedAt: 'soon' })),
    ];
    const { bars, unplaced } = layoutTimeline(jobs, NOW);
    expect(bars.map((bar) => [bar.job.id, bar.lane])).toEqual([['ok', 0]]);
    expect(unplaced).toBe(3);
    expect(layoutTimeline(jobs.slice(0, 1), NOW)).toMatchObject({ bars: [], unplaced: 1 });
  });

  it('never draws a bar backwards when the clocks disagree', () => {
    const [bar] = layoutTimeline([finished('10:02', '10:00', '10:04')], NOW).bars;
    expect(bar?.started).toBe(at('10:02:00'));
    expect(bar?.wait.x).toBe(0);
    expect(bar?.run).toEqual({ x: 0, width: 1 });
  });

  it('lays out one job over the whole axis, and a hundred in a hundred lanes inside it', () => {
    const one = layoutTimeline([statusOf(completedJob())], NOW);
    expect(one.bars[0]?.wait.x).toBe(0);
    expect(one.bars[0]?.run).toEqual({ x: 0, width: 1 });

    const hundred = layoutTimeline(jobSeries(100).map(statusOf), NOW);
    expect(hundred.bars.map((bar) => bar.lane)).toEqual([...Array(100).keys()]);
    for (const { wait, run } of hundred.bars) {
      expect(run).toBeDefined();
      for (const { x, width } of [wait, run ?? wait]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(width).toBeGreaterThan(0);
        expect(x + width).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
    // The newest row (created last) is on the right.
    expect(hundred.bars[0]?.run?.x).toBeGreaterThan(hundred.bars[99]?.run?.x ?? 1);
  });
});

describe('axis ticks', () => {
  it('picks a round step that puts at most the asked number of intervals on the axis', () => {
    expect(tickStep(38 * 60_000, 4)).toBe(10 * 60_000);
    expect(tickStep(3000, 4)).toBe(1000);
    expect(tickStep(3 * 86_400_000, 4)).toBe(86_400_000);
    expect(tickStep(40 * 365 * 86_400_000, 4)).toBe(10 * 365 * 86_400_000);
  });

  it('puts ticks on round times of the anchor grid inside the range', () => {
    const ticks = axisTicks(at('10:02:00'), at('10:40:00'), 10 * 60_000, 0);
    expect(ticks).toEqual([at('10:10:00'), at('10:20:00'), at('10:30:00'), at('10:40:00')]);
    // Whole steps back from now, for "20 min ago" labels.
    const now = at('10:41:30');
    expect(axisTicks(at('10:02:00'), now, 10 * 60_000, now)).toEqual([
      at('10:11:30'),
      at('10:21:30'),
      at('10:31:30'),
      now,
    ]);
  });
});
