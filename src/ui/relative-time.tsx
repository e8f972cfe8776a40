import { formatAbsolute, formatAbsoluteCompact, formatRelative } from './time.ts';
import { useNow } from './use-now.ts';
import { useAbsoluteTimes } from './absolute-times.tsx';

type RelativeTimeProps = { iso: string | undefined };

/** Relative time that stays current, with the absolute time and zone on hover (or the other way round). */
export function RelativeTime({ iso }: RelativeTimeProps) {
  const now = useNow(30_000);
  const [absolute] = useAbsoluteTimes();
  if (!iso) return <span className="text-muted">—</span>;
  const valid = !Number.isNaN(Date.parse(iso));
  return (
    <time
      dateTime={valid ? iso : undefined}
      title={absolute ? `${formatAbsolute(iso)}, ${formatRelative(iso, now)}` : formatAbsolute(iso)}
    >
      {!valid ? iso : absolute ? formatAbsoluteCompact(iso) : formatRelative(iso, now)}
    </time>
  );
}
