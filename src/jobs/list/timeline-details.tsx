import type { TimelineBar } from './timeline-geometry.ts';
import { barLines } from './timeline-text.ts';

type TimelineDetailsProps = { bar: TimelineBar; lane: number; absolute: boolean; now: number };

const WIDTH = '16rem';

/**
 * The hovered or focused job's times, beside its bar: below it in the upper half of the picture,
 * above it in the lower half, never past the picture's edges. Seen, not read out: the bar's name
 * says the same.
 */
export function TimelineDetails({ bar, lane, absolute, now }: TimelineDetailsProps) {
  const [heading, ...lines] = barLines(bar, absolute, now);
  const upper = (bar.lane + 0.5) * lane < 0.5;
  const vertical = upper
    ? { top: `${(bar.lane + 1) * lane * 100}%` }
    : { bottom: `${(1 - bar.lane * lane) * 100}%` };
  return (
    <div
      data-testid="timeline-details"
      aria-hidden="true"
      style={{
        ...vertical,
        left: `clamp(0px, ${bar.wait.x * 100}%, calc(100% - ${WIDTH}))`,
        width: WIDTH,
      }}
      className="pointer-events-none absolute z-10 max-w-full rounded-md border border-line-strong bg-raised px-2 py-1 text-xs shadow-md"
    >
      <p className="font-medium">{heading}</p>
      {lines.map((line) => (
        <p key={line} className="text-muted">
          {line}
        </p>
      ))}
    </div>
  );
}
