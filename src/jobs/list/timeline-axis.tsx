import { tickLabel } from './timeline-text.ts';

type TimelineAxisProps = {
  /** Each tick's time and place (a fraction of the width). */
  ticks: readonly { t: number; x: number }[];
  step: number;
  absolute: boolean;
  now: number;
};

/**
 * The tick labels under the picture. Each label is shifted left by as much of its own width as its
 * place is of the axis's, so the first and last stay inside and the middle ones centre on their line.
 */
export function TimelineAxis({ ticks, step, absolute, now }: TimelineAxisProps) {
  return (
    <div aria-hidden="true" className="relative h-4 text-xs text-muted tabular-nums">
      {ticks.map(({ t, x }) => (
        <span
          key={t}
          className="absolute top-0 whitespace-nowrap"
          style={{ left: `${x * 100}%`, transform: `translateX(${-x * 100}%)` }}
        >
          {tickLabel(t, step, absolute, now)}
        </span>
      ))}
    </div>
  );
}
