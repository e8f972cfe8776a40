// Which service the simulator imitates. 'contract': the Jobs API as documented in December 2025 (the default).
// '2026': the service as it is now (../shared/api/vendor-2026.md): no detail endpoint, a cancel endpoint,
// a failed job's stream `result` as `{code, message}`, microsecond `+00:00` timestamps, ids matched
// without regard to letter case.
import type { SimJob } from './job-store.ts';

export type SimProfile = 'contract' | '2026';

const PROFILES: readonly SimProfile[] = ['contract', '2026'];

export const isProfile = (value: unknown): value is SimProfile =>
  value === 'contract' || value === '2026';

/** SIM_PROFILE, checked: a typo must not silently run the other service. */
export function envProfile(): SimProfile | undefined {
  const value = process.env.SIM_PROFILE;
  if (value === undefined || value === '') return undefined;
  if (!isProfile(value))
    throw new Error(
      `SIM_PROFILE must be one of ${PROFILES.join(', ')}, got ${JSON.stringify(value)}`,
    );
  return value;
}

/**
 * A timestamp as the profile's service writes it. The store keeps `Date#toISOString()` text; the 2026
 * service writes microseconds and `+00:00` (the extra three digits are made up, stable per job).
 */
export function wireTime(iso: string, profile: SimProfile, job: Pick<SimJob, 'seq'>): string {
  if (profile === 'contract') return iso;
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?Z$/.exec(iso);
  if (!match) return iso;
  const millis = (match[2] ?? '').padEnd(3, '0');
  const micros = String((job.seq * 389 + 117) % 1000).padStart(3, '0');
  return `${match[1]}.${millis}${micros}+00:00`;
}

/** Error codes the 2026 service reports as an HTTP-like number in a failed job's stream result. */
const NUMERIC_CODES: Readonly<Record<string, number>> = {
  ContextLengthExceeded: 413,
  DocumentTooLarge: 413,
  UnsupportedFileType: 415,
  QuotaExceeded: 429,
};

/** What the 2026 service sends as a failed job's stream `result`: not a job, a `{code, message}`. */
export function failedResult(job: SimJob): { code: number; message: string } {
  const code = NUMERIC_CODES[job.errorCode ?? ''] ?? 500;
  const message =
    code === 413 ? 'Request Entity Too Large' : (job.errorMessage ?? 'Internal Server Error');
  return { code, message };
}
