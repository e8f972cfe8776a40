import { useHref, useLinkClickHandler } from 'react-router';
import { BAR_CLASSES } from '../../api/job-status.ts';
import { paths } from '../../paths.ts';
import type { TimelineBar } from './timeline-geometry.ts';
import { barLines } from './timeline-text.ts';

type TimelineBarMarkProps = {
  bar: TimelineBar;
  /** A lane's height, as a fraction of the picture's. */
  lane: number;
  absolute: boolean;
  now: number;
  /** Hovered or focused: its lane is highlighted (the focus ring is the page's own outline). */
  active: boolean;
  onFocus: (focused: boolean) => void;
  onHover: (over: boolean) => void;
};

const pct = (fraction: number) => `${fraction * 100}%`;

/**
 * One job's bar: a link to the job (Tab reaches it, Enter or a click opens it, as the row's link),
 * named by its times. Its whole lane answers the pointer, however thin the bar.
 */
export function TimelineBarMark({
  bar,
  lane,
  absolute,
  now,
  active,
  onFocus,
  onHover,
}: TimelineBarMarkProps) {
  const to = paths.job(bar.job.id);
  const href = useHref(to);
  // Typed as an HTML anchor (React types <a> so even inside an SVG); only the click's keys are read.
  const open = useLinkClickHandler(to);
  const top = bar.lane * lane;
  // The bar fills the middle of its lane, leaving a gap between neighbours.
  const y = pct(top + lane * 0.15);
  const height = pct(lane * 0.7);
  const colour = BAR_CLASSES[bar.family];
  return (
    <a
      href={href}
      onClick={open}
      aria-label={barLines(bar, absolute, now).join('. ')}
      data-job-id={bar.job.id}
      data-family={bar.family}
      onFocus={() => onFocus(true)}
      onBlur={() => onFocus(false)}
      onMouseEnter={() => onHover(true)}
      onMouseLeave={() => onHover(false)}
      className="cursor-pointer"
    >
      <rect
        x="0"
        width="100%"
        y={pct(top)}
        height={pct(lane)}
        className={active ? 'fill-accent-soft' : 'fill-transparent'}
      />
      <rect
        x={pct(bar.wait.x)}
        width={pct(bar.wait.width)}
        y={y}
        height={height}
        fillOpacity={0.3}
        className={colour}
      />
      {bar.run && (
        <rect
          x={pct(bar.run.x)}
          width={pct(bar.run.width)}
          y={y}
          height={height}
          className={colour}
        />
      )}
    </a>
  );
}
