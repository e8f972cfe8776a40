import { BADGE_CLASSES, isFinished, isWaiting, statusFamily } from './job-status.ts';

describe('job status vocabulary', () => {
  it('puts every known word in its family, whatever its case', () => {
    expect(['completed', 'Succeeded', 'done'].map(statusFamily)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    expect(['queued', 'PENDING'].map(statusFamily)).toEqual(['waiting', 'waiting']);
    expect(statusFamily('running')).toBe('running');
    expect(['failed', 'error', 'timeout', 'timed_out'].map(statusFamily)).toEqual([
      'failed',
      'failed',
      'failed',
      'failed',
    ]);
    expect(['cancelled', 'canceled'].map(statusFamily)).toEqual(['cancelled', 'cancelled']);
    expect(statusFamily('paused-by-operator')).toBe('unknown');
  });

  it('calls a job finished once it has completedAt or a final word', () => {
    expect(isFinished({ status: 'canceled' })).toBe(true);
    expect(isFinished({ status: 'timed_out' })).toBe(true);
    expect(isFinished({ status: 'running' })).toBe(false);
    expect(isFinished({ status: 'paused-by-operator' })).toBe(false);
    expect(isFinished({ status: 'paused-by-operator', completedAt: '2026-01-01T00:00:00Z' })).toBe(
      true,
    );
  });

  it('says a job waits only while it is queued and unfinished', () => {
    expect(isWaiting({ status: 'queued' })).toBe(true);
    expect(isWaiting({ status: 'queued', completedAt: '2026-01-01T00:00:00Z' })).toBe(false);
    expect(isWaiting({ status: 'running' })).toBe(false);
  });

  it('gives each family a badge colour of its own', () => {
    const colours = Object.values(BADGE_CLASSES);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
