import { useState } from 'react';
import { isFinished } from '../../api/job-status.ts';
import { plural } from '../../lib/format.ts';
import { useAbsoluteTimes } from '../../ui/absolute-times.tsx';
import { useNow } from '../../ui/use-now.ts';
import type { ListJob } from './list-job.ts';
import { TimelineAxis } from './timeline-axis.tsx';
import { TimelineBarMark } from './timeline-bar.tsx';
import { TimelineDetails } from './timeline-details.tsx';
import { axisTicks, layoutTimeline, tickStep } from './timeline-geometry.ts';
import { rangeText, zoneName } from './timeline-text.ts';

/** At most this many intervals between ticks: their labels fit a phone's width. */
const MOST_TICKS = 4;
/** Lanes are never taller than this share of the picture: a few jobs make thin bars at the top. */
const MIN_LANES = 8;

type PageTimelineProps = { rows: readonly ListJob[]; onSelect: (id: string) => void };

/**
 * The page's jobs on one time axis, a lane each in the rows' order: waiting (light) then running
 * (solid), in their status colour. A picture of the table, which stays the accessible source; each
 * bar is still a link with its times in its name.
 */
export function PageTimeline({ rows, onSelect }: PageTimelineProps) {
  const [absolute] = useAbsoluteTimes();
  const live = rows.some((job) => !isFinished(job));
  // Unfinished bars grow every second; "5 min ago" labels age more slowly.
  const now = useNow(live ? 1000 : 30_000, live || !absolute);
  const [focused, setFocused] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);

  const { start, end, bars, unplaced } = layoutTimeline(rows, now);
  const step = tickStep(end - start, MOST_TICKS);
  const anchor = absolute ? new Date(start).getTimezoneOffset() * 60_000 : now;
  const ticks = axisTicks(start, end, step, anchor).map((t) => ({
    t,
    x: (t - start) / (end - start),
  }));
  const lane = 1 / Math.max(bars.length, MIN_LANES);
  const activeId = hovered ?? focused;
  const active = bars.find((bar) => bar.job.id === activeId);

  const name =
    rows.length === 0
      ? 'Timeline: no job to show'
      : bars.length === 0
        ? 'Timeline: no job on this page can be placed'
        : `Timeline of ${bars.length} ${plural(bars.length, 'job')} on this page, ${rangeText(start, end, absolute, now)}`;

  return (
    <figure className="flex h-full flex-col gap-1 px-3 pt-2 pb-1">
      <figcaption className="text-xs text-muted">
        Light: waiting to start. Solid: running.{absolute && ` Times in ${zoneName(end)}.`}
        {unplaced > 0 && (
          <span className="text-warn-ink">
            {' '}
            {unplaced} {plural(unplaced, 'job')} could not be placed:{' '}
            {unplaced === 1 ? 'its' : 'their'} times are unreadable.
          </span>
        )}
      </figcaption>
      <div className="relative min-h-0 flex-1">
        <svg role="group" aria-label={name} className="absolute inset-0 size-full overflow-visible">
          {ticks.map(({ t, x }) => (
            <line
              key={t}
              x1={`${x * 100}%`}
              x2={`${x * 100}%`}
              y1="0"
              y2="100%"
              className="stroke-line"
            />
          ))}
          {bars.map((bar) => (
            <TimelineBarMark
              key={bar.job.id}
              bar={bar}
              lane={lane}
              absolute={absolute}
              now={now}
              active={bar.job.id === activeId}
              onFocus={(focus) => {
                setFocused(focus ? bar.job.id : null);
                if (focus) onSelect(bar.job.id);
              }}
              onHover={(over) => setHovered(over ? bar.job.id : null)}
            />
          ))}
        </svg>
        {active && <TimelineDetails bar={active} lane={lane} absolute={absolute} now={now} />}
      </div>
      <TimelineAxis ticks={ticks} step={step} absolute={absolute} now={now} />
    </figure>
  );
}
