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
    expect(page).toEqual({
      totalCount: 1,
      skip: 0,
      perPage: 30,
      items: [toListJob(job)],
      unreadable: [],
    });
    expect(() => rowsPageFromText('<html>')).toThrow(SyntaxError);
    expect(() => rowsPageFromText('{"totalCount":"x"}')).toThrow(InvalidResponseError);
  });

  it('read each item on its own: a broken one is set aside with its place, its id and why', () => {
    const items = [
      job,
      { ...job, id: 'j-2', status: 7 },
      null,
      { ...job, id: 'j-4', createdAt: undefined },
      { ...job, id: 'j-5', startedAt: null, status: 'queued', brandNew: { x: 1 } },
      { ...job, id: 'j-6', status: 'on_hold' },
    ];
    const page = rowsPageFromText(JSON.stringify({ totalCount: 6, skip: 0, perPage: 30, items }));
    expect(page.items.map((row) => row.id)).toEqual(['j-1', 'j-5', 'j-6']);
    expect(page.items[1]).not.toHaveProperty('startedAt');
    expect(page.items[1]).not.toHaveProperty('brandNew');
    expect(page.unreadable).toEqual([
      { index: 1, id: 'j-2', problem: '"status" is missing or not text' },
      { index: 2, problem: 'it is not an object' },
      { index: 3, id: 'j-4', problem: '"createdAt" is missing or not text' },
    ]);
  });
});
