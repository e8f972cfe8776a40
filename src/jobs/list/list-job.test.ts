import { InvalidResponseError } from '../../api/validate.ts';
import { completedJob } from '../../test-kit/jobs.ts';
import { rowsPageFromText, toListJob } from './list-job.ts';

const job = completedJob({
  id: 'j-1',
  status: 'failed',
  inputData: `{"text":"${'é'.repeat(1000)}"}`,
  outputData: '{"result":{}}',
  errorCode: 'DocumentUnreadable',
  errorMessage: 'x'.repeat(5000),
});

describe('list rows', () => {
  it('keep the status fields, the start of the error and the payload sizes, never the payloads', () => {
    const row = toListJob(job);
    expect(row).not.toHaveProperty('inputData');
    expect(row).not.toHaveProperty('outputData');
    expect(row).toMatchObject({ id: 'j-1', status: 'failed', errorCode: 'DocumentUnreadable' });
    expect(row.inputBytes).toBe(new TextEncoder().encode(job.inputData).length);
    expect(row.outputBytes).toBe(13);
    expect(row.errorMessage).toBe(`${'x'.repeat(300)}…`);
  });

  it('come from a page of whole jobs, checked as any server body', () => {
    const page = rowsPageFromText(
      JSON.stringify({ totalCount: 1, skip: 0, perPage: 30, items: [job], extra: 1 }),
    );
    expect(page).toEqual({ totalCount: 1, skip: 0, perPage: 30, items: [toListJob(job)] });
    expect(() => rowsPageFromText('<html>')).toThrow(SyntaxError);
    expect(() => rowsPageFromText('{"totalCount":"x"}')).toThrow(InvalidResponseError);
  });
});
