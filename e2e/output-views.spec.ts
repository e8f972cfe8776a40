import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { seedJobs } from '../simulator/seed-data.ts';
import { DEMO_TOKEN, expect, openSignedIn, test } from './fixtures.ts';

// The job page's views of a NuExtract output, on the simulator's seeded jobs: Result (extraction),
// Preview (content extraction), Template (template generation), JSON and Raw; links to one value;
// search in the tree; hostile markdown.

const jobPath = (id: string) => `/jobs/${encodeURIComponent(id)}`;
const output = (page: Page) => page.getByRole('region', { name: 'Output' });
const view = (page: Page, name: string) =>
  output(page).getByRole('group', { name: 'Output views' }).getByRole('button', { name });

type Seeded = { id: string; output: Record<string, unknown> };

/** The first completed seeded job (of the demo user) whose output passes `test`. */
function seeded(test: (output: Record<string, unknown>) => boolean): Seeded {
  for (const job of seedJobs(Date.now())) {
    if (job.ownerUser !== 'demo' || job.ownerOrganization !== undefined) continue;
    if (job.status !== 'completed' || typeof job.outputData !== 'string') continue;
    try {
      const output = JSON.parse(job.outputData) as Record<string, unknown>;
      if (test(output)) return { id: job.id, output };
    } catch {
      // not JSON: not one of these
    }
  }
  throw new Error('no such seeded job');
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const invoiceJob = () =>
  seeded((o) => isObject(o.result) && 'invoice_number' in o.result && 'selectedExamples' in o);

test('a structured extraction opens on its Result: values, tables, confidence, document, examples', async ({
  page,
}) => {
  const { id, output: data } = invoiceJob();
  const result = data.result as { invoice_number: string; line_items: unknown[] };
  await openSignedIn(page, jobPath(id));
  await expect(view(page, 'Result')).toHaveAttribute('aria-pressed', 'true');
  const figures = output(page).getByLabel('Confidence and token usage');
  await expect(figures).toContainText(/Confidence\d+\.\d%/);
  await expect(figures).toContainText('Total tokens');
  // The document it read is in the job's metadata, not repeated beside the figures.
  const document = page.locator('dl').getByRole('definition').filter({ hasText: '.pdf' });
  await expect(document).toHaveCount(1);
  await expect(document).toContainText(/\d+ parts?/);
  await expect(output(page).getByText('.pdf')).toHaveCount(0);
  await expect(output(page).getByText('Selected examples')).toBeVisible();
  await expect(output(page).getByText('Supplier invoice, EU')).toBeVisible();

  const values = output(page).getByRole('list', { name: 'Extracted values' });
  const number = values.getByRole('listitem').filter({ hasText: 'invoice_number' });
  await expect(number).toContainText(result.invoice_number);
  const table = values.getByRole('table');
  await expect(table.getByRole('caption')).toContainText(`line_items (${result.line_items.length}`);

  // The invoice number is in the document: shown there, scrolled to and marked.
  await number.getByRole('button', { name: 'Find in input' }).click();
  const excerpt = number.getByRole('region', { name: 'Input document' });
  await expect(excerpt.locator('mark')).toHaveText(result.invoice_number);
  await expect(excerpt.locator('mark')).toBeInViewport();
});

test('values not in the input are marked; case and spacing are forgiven', async ({ page, sim }) => {
  const id = 'views-found';
  await sim.createJob({
    id,
    status: 'completed',
    inputData: 'Invoice INV-9\nSeller:   ACME\n  Legal LLP\nTotal 99.00',
    outputData: JSON.stringify({
      result: { number: 'INV-9', seller: 'Acme Legal LLP', total: 120.5, note: '' },
      rawModelOutput: '{}',
      outputTokenProbability: 0.42,
    }),
  });
  await openSignedIn(page, jobPath(id));
  const row = (name: string) =>
    output(page)
      .getByRole('list', { name: 'Extracted values' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${name}`) });
  await expect(row('number').getByRole('button', { name: 'Find in input' })).toBeVisible();
  await row('seller').getByRole('button', { name: 'Find in input' }).click();
  await expect(row('seller').locator('mark')).toHaveText('ACME\n  Legal LLP');
  await expect(row('seller')).toContainText('ignoring case and spacing');
  await expect(row('total')).toContainText('Not found in the input');
  await expect(row('note')).toContainText('empty');
  await expect(output(page).getByLabel('Confidence and token usage')).toContainText('42.0%');
});

test('a validation error and the reasoning are shown with the result', async ({ page }) => {
  const { id } = seeded((o) => isObject(o.error) && typeof o.thinkingTrace === 'string');
  await openSignedIn(page, jobPath(id));
  const note = output(page).getByRole('note', { name: 'Validation error' });
  await expect(note).toContainText('The result does not fit the template: TemplateMismatch');
  const reasoning = output(page).getByText('Reasoning', { exact: true });
  await expect(reasoning).toBeVisible();
  await expect(output(page).getByText('I matched each template field')).toBeHidden();
  await reasoning.click();
  await expect(output(page).getByText('I matched each template field')).toBeVisible();
});

test('a content extraction opens on its Preview: markdown drawn, tables included', async ({
  page,
}) => {
  const { id, output: data } = seeded(
    (o) => typeof o.result === 'string' && o.result.includes('| --- |') && 'thinkingTrace' in o,
  );
  const title = /^# (.*)$/m.exec(data.result as string)?.[1] ?? '';
  await openSignedIn(page, jobPath(id));
  await expect(view(page, 'Preview')).toHaveAttribute('aria-pressed', 'true');
  await expect(output(page).getByRole('heading', { name: title })).toBeVisible();
  await expect(output(page).getByRole('table')).toBeVisible();
  await expect(output(page).getByText('Reasoning', { exact: true })).toBeVisible();
  await view(page, 'Raw').click();
  await expect(output(page).getByText(`# ${title}`)).toBeVisible();
});

test('a generated template opens as its fields and their types', async ({ page }) => {
  const { id } = seeded((o) => isObject(o.result) && o.result.invoice_number === 'verbatim-string');
  await openSignedIn(page, jobPath(id));
  await expect(view(page, 'Template')).toHaveAttribute('aria-pressed', 'true');
  const fields = output(page).getByRole('list', { name: 'Template fields' });
  await expect(fields).toContainText('invoice_number: verbatim-string');
  await expect(fields).toContainText('line_items: list of objects');
  await expect(fields).toContainText('quantity: integer');
  await expect(fields).toContainText('currency: one of: EUR, USD, GBP, CHF');
});

test('JSON, Raw, Copy and Download are one click away for every kind', async ({ page }) => {
  const { id } = invoiceJob();
  await openSignedIn(page, jobPath(id));
  await view(page, 'JSON').click();
  await expect(output(page).getByRole('list', { name: 'Output as a tree' })).toBeVisible();
  await view(page, 'Raw').click();
  await expect(output(page).getByText('"rawModelOutput"')).toBeVisible();
  await expect(output(page).getByRole('button', { name: 'Copy output' })).toBeVisible();
  await expect(output(page).getByRole('button', { name: 'Download', exact: true })).toBeVisible();
});

test('Copy link opens the value in a fresh browser: expanded, scrolled to and marked', async ({
  page,
  sim,
  browser,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const id = 'views-link/1';
  const filler = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`field_${i}`, i]));
  await sim.createJob({
    id,
    status: 'completed',
    outputData: JSON.stringify({
      result: {
        ...filler,
        parties: [
          { name: 'Acme LLP', role: 'seller' },
          { name: 'Zoë Müller', role: 'buyer' },
        ],
      },
      rawModelOutput: '{}',
    }),
  });
  await openSignedIn(page, jobPath(id));
  const table = output(page).getByRole('table');
  await table.getByRole('button', { name: 'Zoë Müller' }).click();
  await output(page).getByRole('button', { name: 'Copy path' }).last().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    '$.result.parties[1].name',
  );
  await output(page).getByRole('button', { name: 'Copy link' }).last().click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${baseURL}${jobPath(id)}?path=$.result.parties[1].name`);

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await other.getByLabel('API token').fill(DEMO_TOKEN);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other).toHaveURL(link);
  await expect(view(other, 'JSON')).toHaveAttribute('aria-pressed', 'true');
  const marked = output(other).locator('[aria-current="true"]');
  await expect(marked).toContainText('Zoë Müller');
  await expect(marked).toBeInViewport();
  await fresh.close();
});

test('a link to a value that is not there, or no path at all: a notice, the page still works', async ({
  page,
}) => {
  const { id } = invoiceJob();
  await openSignedIn(page, `${jobPath(id)}?path=$.result.nothing[3]`);
  await expect(
    output(page).getByRole('status').filter({ hasText: 'not in this output' }),
  ).toBeVisible();
  await expect(view(page, 'Result')).toHaveAttribute('aria-pressed', 'true');
  await page.goto(`${jobPath(id)}?path=${encodeURIComponent('result..*')}`);
  const notice = output(page).getByRole('status').filter({ hasText: 'not a path to one value' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await view(page, 'JSON').click();
  await expect(output(page).getByRole('list', { name: 'Output as a tree' })).toBeVisible();
});

/** The seeded job of about 10 MB (simulator/seed-data.ts): its output is built only when asked for. */
function tenMegabyteJob(): { id: string; outputData: string } {
  for (const job of seedJobs(Date.now())) {
    if (job.ownerUser !== 'demo' || typeof job.outputData !== 'function') continue;
    const outputData = job.outputData();
    if (outputData.length > 9.5 * 1024 * 1024) return { id: job.id, outputData };
  }
  throw new Error('no seeded 10 MB job');
}

test('search on the 10 MB job: count, Enter and Shift+Enter, the tree opened to each', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { id, outputData } = tenMegabyteJob();
  await openSignedIn(page, jobPath(id));
  await expect(view(page, 'Result')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await view(page, 'JSON').click();
  const field = output(page).getByLabel('Search output');
  const status = output(page).getByRole('status').filter({ hasText: /match/ });
  const started = Date.now();
  await field.fill('Standing desk');
  await expect(status).toContainText(/^1 of [\d,]+ matches/);
  const firstResults = Date.now() - started;
  console.log(
    `search, ${(outputData.length / 1024 / 1024).toFixed(1)} MB output: first results in ${firstResults} ms (typing to count, including the 120 ms typing pause)`,
  );
  const marked = output(page).locator('[aria-current="true"]');
  await expect(marked).toContainText('Standing desk frame');
  await expect(marked).toBeInViewport();
  await field.press('Enter');
  await expect(status).toContainText(/^2 of /);
  await field.press('Enter');
  await expect(status).toContainText(/^3 of /);
  await field.press('Shift+Enter');
  await expect(status).toContainText(/^2 of /);
  await expect(marked).toContainText('Standing desk frame');
  // The key, and the raw model output that spells it.
  await field.fill('LINE_ITEMS');
  await expect(status).toHaveText('1 of 2 matches');
  await field.fill('no such text anywhere');
  await expect(status).toHaveText('No matches');
});

test('hostile markdown is drawn harmless: no script, no image, no javascript: link', async ({
  page,
  sim,
}) => {
  const id = 'views-hostile-md';
  const markdown = [
    '# Report',
    '<script>window.__pwned = 1</script>',
    '',
    '<img src=x onerror="window.__pwned = 2">',
    '',
    '[click me](javascript:window.__pwned=3) and [docs](https://example.com/docs)',
    '',
    '![scan of page 1](https://images.example/p1.png)',
    '',
    '<a href="javascript:alert(1)">raw link</a>',
    '',
    '| a | b |',
    '| --- | --- |',
    '| <b>1</b> | 2 |',
  ].join('\n');
  await sim.createJob({
    id,
    status: 'completed',
    outputData: JSON.stringify({ result: markdown, rawModelOutput: markdown }),
  });
  const images: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('images.example')) images.push(request.url());
  });
  await openSignedIn(page, jobPath(id));
  const body = output(page);
  await expect(body.getByRole('heading', { name: 'Report' })).toBeVisible();
  await expect(body.getByText('<script>window.__pwned = 1</script>')).toBeVisible();
  await expect(body.getByText('<img src=x onerror="window.__pwned = 2">')).toBeVisible();
  await expect(
    body.getByText('[image: scan of page 1, https://images.example/p1.png]'),
  ).toBeVisible();
  expect(await body.locator('script, img, b, iframe').count()).toBe(0);
  const links = body.getByRole('link');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://example.com/docs');
  await expect(links).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(links).toHaveAttribute('target', '_blank');
  await expect(body.getByText('click me')).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(images).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the Result, Preview, Template and JSON views, ${scheme}`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    const scan = async (what: string) => {
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
      ).toEqual([]);
    };
    const invoice = invoiceJob();
    await openSignedIn(page, jobPath(invoice.id));
    const values = output(page).getByRole('list', { name: 'Extracted values' });
    await values.getByRole('button', { name: 'Find in input' }).first().click();
    await values.getByRole('table').getByRole('button').first().click();
    await scan('result');
    await view(page, 'JSON').click();
    await output(page).getByLabel('Search output').fill('invoice');
    await expect(output(page).locator('[aria-current="true"]')).toBeVisible();
    await scan('json, searched');
    const content = seeded((o) => typeof o.result === 'string' && o.result.includes('| --- |'));
    await page.goto(jobPath(content.id));
    await expect(output(page).getByRole('table')).toBeVisible();
    await scan('preview');
    const template = seeded(
      (o) => isObject(o.result) && o.result.invoice_number === 'verbatim-string',
    );
    await page.goto(jobPath(template.id));
    await expect(output(page).getByRole('list', { name: 'Template fields' })).toBeVisible();
    await scan('template');
  });
}
