import { forAttribute } from '../lib/format.ts';
import { formatAbsolute, formatRelative, parseTime } from './time.ts';
import { useNow } from './use-now.ts';

type RelativeTimeProps = { iso: string | undefined };

/** Relative time that stays current, with the absolute time and zone on hover. */
export function RelativeTime({ iso }: RelativeTimeProps) {
  const now = useNow(30_000);
  if (!iso) return <span className="text-muted">—</span>;
  const valid = parseTime(iso) !== undefined;
  return (
    <time dateTime={valid ? iso : undefined} title={forAttribute(formatAbsolute(iso))}>
      {valid ? formatRelative(iso, now) : iso}
    </time>
  );
}
