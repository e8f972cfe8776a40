import { vi } from 'vitest';
import { formatAbsolute, formatAbsoluteCompact, formatRelative, parseTime } from './time.ts';

const T = Date.UTC(2026, 10, 1, 10, 0, 0);

describe('parseTime', () => {
  it.each([
    ['2026-11-01T10:00:00Z', T],
    ['2026-11-01T10:00:00.000Z', T],
    ['2026-11-01T10:00:00.123456Z', T + 123],
    ['2026-11-01T10:00:00.5+00:00', T + 500],
    ['2026-11-01T10:00:00.123456+00:00', T + 123],
    ['2026-11-01T12:30:00+02:30', T],
    ['2026-11-01T05:00:00-0500', T],
    ['2026-11-01T10:00:00', T],
    ['2026-11-01T10:00:00.250', T + 250],
    ['2026-11-01 10:00:00', T],
    ['2026-11-01 10:00:00.1', T + 100],
    ['2026-11-01t10:00:00z', T],
  ])('reads %s', (text, expected) => {
    expect(parseTime(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2026-11-01',
    '2026-02-30T10:00:00Z',
    '2026-11-01T25:00:00Z',
    '2026-11-01T10:00:00 UTC',
    '1 Nov 2026 10:00:00',
    '1762000000',
    '2026-11-01T10:00:00.1234567890Z',
  ])('leaves %j unread', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });

  it('reads no time at all as nothing', () => {
    expect(parseTime(undefined)).toBeUndefined();
  });
});

describe('time formats', () => {
  it('read a time with no zone as UTC and show an unreadable one as given, never "Invalid Date"', () => {
    expect(formatRelative('2026-11-01 10:00:00', T + 3 * 60_000)).toBe('3 minutes ago');
    expect(formatRelative('2026-11-01T10:00:00.000001+00:00', T)).toBe('just now');
    expect(formatRelative('soon', T)).toBe('');
    expect(formatAbsolute('soon')).toBe('soon');
    expect(formatAbsolute('2026-11-01T10:00:00')).not.toMatch(/Invalid|NaN/);
  });

  it('the compact absolute time (the table\'s "Absolute times") reads times as parseTime does', () => {
    // Away from UTC, a time with no zone must still be read as UTC, not as local time.
    vi.stubEnv('TZ', 'Asia/Kolkata');
    try {
      const utc = formatAbsoluteCompact('2026-11-01T10:00:00Z');
      expect(utc).toMatch(/10:00/);
      for (const given of [
        '2026-11-01 10:00:00',
        '2026-11-01T10:00:00',
        '2026-11-01T10:00:00,5Z',
        '2026-11-01T10:00:00.000001+00:00',
      ]) {
        expect(formatAbsoluteCompact(given)).toBe(utc);
      }
      expect(formatAbsoluteCompact('2026-02-31T10:00:00Z')).toBe('2026-02-31T10:00:00Z');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
