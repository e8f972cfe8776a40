import { forAttribute } from '../lib/format.ts';
import { formatAbsolute, formatAbsoluteCompact, formatRelative, parseTime } from './time.ts';
import { useNow } from './use-now.ts';
import { useAbsoluteTimes } from './absolute-times.tsx';

type RelativeTimeProps = { iso: string | undefined };

/** Relative time that stays current, with the absolute time and zone on hover (or the other way round). */
export function RelativeTime({ iso }: RelativeTimeProps) {
  const now = useNow(30_000);
  const [absolute] = useAbsoluteTimes();
  if (!iso) return <span className="text-muted">—</span>;
  const valid = parseTime(iso) !== undefined;
  return (
    <time
      dateTime={valid ? iso : undefined}
      title={forAttribute(
        absolute ? `${formatAbsolute(iso)}, ${formatRelative(iso, now)}` : formatAbsolute(iso),
      )}
    >
      {!valid ? iso : absolute ? formatAbsoluteCompact(iso) : formatRelative(iso, now)}
    </time>
  );
}
