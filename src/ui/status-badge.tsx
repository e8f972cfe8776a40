import { BADGE_CLASSES, statusFamily } from '../api/job-status.ts';
import { forAttribute } from '../lib/format.ts';
import { cn } from './cn.ts';

type StatusBadgeProps = { status: string };

/** A status word in its family's colours; a word we don't know is shown as it is, in a neutral badge. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex max-w-40 items-center truncate rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        BADGE_CLASSES[statusFamily(status)],
      )}
      title={forAttribute(status)}
    >
      {status || 'unknown'}
    </span>
  );
}
