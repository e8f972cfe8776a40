import { describe, expect, it } from 'vitest';
import { exportFileName, toCsv, toNdjson } from './export-page.ts';

const job = {
  id: 'j1',
  jobType: 'inference',
  status: 'failed',
  ownerUser: 'demo',
  ownerOrganization: 'acme',
  inputData: '{"big":"input"}',
  startedAt: '2026-12-07T04:00:01Z',
  createdAt: '2026-12-07T04:00:00Z',
  updatedAt: '2026-12-07T04:00:09Z',
  completedAt: '2026-12-07T04:00:09Z',
  errorCode: 'Oops',
  errorMessage: 'said "no", then,\nstopped',
  extra: { kept: true },
};

describe('export', () => {
  it('writes NDJSON: each job whole, as sent, one a line', () => {
    const text = toNdjson([job, { odd: 1 }]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] ?? '')).toEqual(job);
    expect(JSON.parse(lines[1] ?? '')).toEqual({ odd: 1 });
  });

  it('writes CSV: metadata and error, quoted, no payloads, unreadable items counted', () => {
    const { text, skipped } = toCsv([job, { odd: 1 }]);
    expect(skipped).toBe(1);
    const [header, row] = text.split('\r\n');
    expect(header).toBe(
      'id,status,jobType,ownerUser,ownerOrganization,createdAt,startedAt,completedAt,updatedAt,errorCode,errorMessage',
    );
    expect(row).toBe(
      'j1,failed,inference,demo,acme,2026-12-07T04:00:00Z,2026-12-07T04:00:01Z,2026-12-07T04:00:09Z,2026-12-07T04:00:09Z,Oops,"said ""no"", then,\nstopped"',
    );
    expect(text).not.toContain('big');
  });

  it('keeps a spreadsheet from reading a value as a formula', () => {
    const { text } = toCsv([{ ...job, errorCode: '=HYPERLINK("x")', errorMessage: '+1' }]);
    expect(text).toContain(`"'=HYPERLINK(""x"")",'+1`);
  });

  it('names the file with the organization, the range and the day', () => {
    const day = new Date(2026, 11, 7);
    const params = { organization: 'acme', skip: 30, perPage: 30 };
    expect(exportFileName(params, 30, 'csv', day)).toBe('jobs-acme-31-60-2026-12-07.csv');
    expect(exportFileName({ ...params, organization: null, skip: 0 }, 3, 'ndjson', day)).toBe(
      'jobs-personal-1-3-2026-12-07.ndjson',
    );
  });
});
