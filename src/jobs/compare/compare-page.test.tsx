import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Job } from '../../api/types.ts';
import { paths } from '../../paths.ts';
import { fakeApi } from '../../test-kit/fake-api.ts';
import { jobPageTests } from '../../test-kit/job-page-tests.tsx';
import { completedJob, runningJob, statusOf } from '../../test-kit/jobs.ts';
import { jobQueries } from '../job-queries.ts';
import { ComparePage } from './compare-page.tsx';

const A = '7c0e2a5e-1111-4222-8333-000000000001';
const B = '7c0e2a5e-1111-4222-8333-000000000002';

const first = completedJob({
  id: A,
  inputData: JSON.stringify({ template: { total: 'number' }, text: 'Invoice 17' }),
  outputData: JSON.stringify({
    result: { total: { amount: 10, currency: 'EUR' }, 'due.date': '2025-01-01', note: null },
  }),
});
const second = completedJob({
  id: B,
  jobType: 'content-extraction',
  inputData: first.inputData,
  outputData: JSON.stringify({
    result: { total: 10, note: 'x'.repeat(400), parties: ['Zoë'] },
  }),
});

const { renderAt: renderPage, queryClient } = jobPageTests('/compare', <ComparePage />);

function renderAt(path: string, jobs: Job[] = [first, second], refused: [string, number][] = []) {
  const api = fakeApi({ jobs });
  for (const [id, status] of refused) api.refuse(id, status);
  return { ...renderPage(path), api };
}

const differences = (payload: string) =>
  within(screen.getByRole('list', { name: `Differences in the ${payload}` }));

describe('the compare page', () => {
  it('shows both jobs side by side and how their outputs differ, path by path', async () => {
    renderAt(paths.compare(A, B));
    expect(
      await screen.findByRole('heading', { name: 'Compare job 7c0e2a5e… with job 7c0e2a5e…' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Compare job 7c0e2a5e… with job 7c0e2a5e… · NuExtract Jobs');

    const table = await screen.findByRole('table', { name: 'The two jobs' });
    expect(within(table).getByRole('rowheader', { name: 'Type, differs' })).toBeInTheDocument();
    expect(within(table).getByRole('rowheader', { name: 'Owner' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Type/ })).toHaveTextContent(
      'inferencecontent-extraction',
    );

    const output = await screen.findByRole('region', { name: 'Output' });
    expect(
      within(output).getByText('4 differences: 1 added, 1 removed, 2 changed.'),
    ).toBeInTheDocument();
    const rows = differences('output').getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('code')?.textContent)).toEqual([
      '$.result.total',
      "$.result['due.date']",
      '$.result.note',
      '$.result.parties',
    ]);
    expect(rows[0]).toHaveTextContent('Changed');
    expect(rows[0]).toHaveTextContent('A (7c0e2a5e): {"amount":10,"currency":"EUR"}');
    expect(rows[0]).toHaveTextContent('B (7c0e2a5e): 10');
    expect(rows[1]).toHaveTextContent('Removed');
    expect(rows[1]).toHaveTextContent('B (7c0e2a5e): not present');
    expect(rows[3]).toHaveTextContent('Added');
    expect(rows[3]).toHaveTextContent('["Zoë"]');

    // The same input on both sides.
    const input = screen.getByRole('region', { name: 'Input' });
    expect(within(input).getByText('The inputs are identical.')).toBeInTheDocument();
  });

  it('filters the differences by kind, with the count of each', async () => {
    const user = userEvent.setup();
    renderAt(paths.compare(A, B));
    await user.click(await screen.findByRole('radio', { name: 'Changed (2)' }));
    expect(differences('output').getAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('radio', { name: 'Added (1)' }));
    expect(differences('output').getByRole('listitem')).toHaveTextContent('$.result.parties');
    await user.click(screen.getByRole('radio', { name: 'Removed (1)' }));
    expect(differences('output').getByRole('listitem')).toHaveTextContent("$.result['due.date']");
    await user.click(screen.getByRole('radio', { name: 'All (4)' }));
    expect(differences('output').getAllByRole('listitem')).toHaveLength(4);
  });

  it('cuts long values, and shows the whole value on request', async () => {
    const user = userEvent.setup();
    renderAt(paths.compare(A, B));
    await screen.findByRole('list', { name: 'Differences in the output' });
    const note = differences('output').getAllByRole('listitem')[2];
    expect(note).toBeDefined();
    if (!note) return;
    expect(note).toHaveTextContent(`"${'x'.repeat(159)}…`);
    const more = within(note).getByText('Show all of it');
    await user.click(more);
    expect(within(note).getByText(`"${'x'.repeat(400)}"`)).toBeVisible();
  });

  it('compares a payload that is not JSON as text', async () => {
    renderAt(paths.compare(A, B), [first, { ...second, inputData: 'Invoice 17, as text' }]);
    const input = await screen.findByRole('region', { name: 'Input' });
    expect(
      await within(input).findByText(
        'The input of job 7c0e2a5e is not JSON: it is compared as text.',
      ),
    ).toBeInTheDocument();
    expect(differences('input').getByRole('listitem')).toHaveTextContent('$');
  });

  it('says why an output is not there to compare', async () => {
    const failed = completedJob({
      id: B,
      status: 'failed',
      outputData: undefined,
      errorCode: 'QuotaExceeded',
      errorMessage: 'No tokens left.',
    });
    renderAt(paths.compare(A, B), [first, failed]);
    expect(
      await screen.findByText('The job 7c0e2a5e failed: it has no output.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Error/ })).toHaveTextContent('QuotaExceeded');
  });

  it('says so when a server gives no input and output (the service of 2026)', async () => {
    const { inputData, outputData, ...rest } = second;
    void [inputData, outputData];
    queryClient().setQueryData(jobQueries.detail(B).queryKey, rest);
    const unfinished = runningJob({ id: A, inputData: undefined });
    queryClient().setQueryData(jobQueries.detail(A).queryKey, statusOf(unfinished));
    renderAt(paths.compare(A, B));
    const output = await screen.findByRole('region', { name: 'Output' });
    expect(output).toHaveTextContent(
      'Output of job 7c0e2a5e: this server sends it when the job finishes.',
    );
    expect(output).toHaveTextContent(
      'Input and output are not available for job 7c0e2a5e from this server.',
    );
  });
});

describe('an address that names no pair to compare', () => {
  it.each([
    ['/compare', 'This address names no jobs to compare.'],
    [`/compare?a=${A}`, 'This address names only one job: a compare needs two.'],
    [`/compare?a=${A}&b=..`, '".." cannot be a job id.'],
    [
      `/compare?a=${A}&b=${A.toUpperCase()}`,
      'Both ids name the same job: mark two different jobs.',
    ],
  ])(
    '%s: says what is wrong, requests nothing, and leads back to the list',
    async (url, problem) => {
      const user = userEvent.setup();
      const { api, history } = renderAt(url);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('These jobs cannot be compared');
      expect(alert).toHaveTextContent(problem);
      expect(document.title).toBe('Nothing to compare · NuExtract Jobs');
      expect(api.calls).toEqual([]);
      await user.click(within(alert).getByRole('link', { name: 'Back to the jobs list' }));
      expect(history.pathname()).toBe('/jobs');
    },
  );

  it('names a job that does not exist', async () => {
    renderAt(paths.compare(A, 'nope'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('There is no job nope');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Back to the jobs list' })).toBeInTheDocument();
  });

  it('says when a job belongs to someone else', async () => {
    renderAt(paths.compare(A, B), undefined, [[B, 403]]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The job 7c0e2a5e… belongs to someone else');
    expect(within(alert).getByRole('link', { name: 'Back to the jobs list' })).toBeInTheDocument();
  });

  it('offers Retry when a job could not be loaded', async () => {
    const user = userEvent.setup();
    const { api } = renderAt(paths.compare(A, B), undefined, [[A, 500]]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load job 7c0e2a5e…');
    api.refuse(A, 0);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Output' })).toBeInTheDocument();
  });
});
