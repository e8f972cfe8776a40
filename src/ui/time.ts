const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', {
  dateStyle: 'medium',
  timeStyle: 'long',
});

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// The service documents no format. Read: ISO 8601 date and time with or without a fraction (up to
// microseconds), with `Z`, an offset or no zone (UTC), and the same with a space for the `T`.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/i;

/**
 * The one reader of the service's times: milliseconds since the epoch, or undefined for anything it
 * does not read (shown as given; Date.parse reads a time with no zone as local, and much else).
 */
export function parseTime(text: string | undefined): number | undefined {
  const m = text === undefined ? null : TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const offset = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11])) : 0;
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(time);
  // Date.UTC rolls 31 February over into March: such a date is not read.
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) {
    return undefined;
  }
  return time - offset * 60_000;
}

/** "3 minutes ago"; empty for an unreadable time. */
export function formatRelative(iso: string, now = Date.now()): string {
  const time = parseTime(iso);
  if (time === undefined) return '';
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 10) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** The absolute local time with its zone, for hovers and detail views. */
export function formatAbsolute(iso: string): string {
  const time = parseTime(iso);
  return time === undefined ? iso : absolute.format(time);
}

/** "1 h 4 min", "12.3 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

const compact = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** "Dec 7, 04:46 UTC": the absolute time in a table cell (the hover has the rest). */
export function formatAbsoluteCompact(iso: string): string {
  const time = parseTime(iso);
  return time === undefined ? iso : compact.format(time);
}
