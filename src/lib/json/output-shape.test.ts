import { describeOutput, MARKDOWN_PREVIEW } from './output-shape.ts';
import { TABLE_ROWS } from './result-outline.ts';

const extraction = {
  result: {
    invoice_number: 'INV-1',
    parties: [
      { name: 'Acme', role: 'seller' },
      { name: 'Zoë', role: 'buyer' },
    ],
    notes: '',
    address: { city: 'Zürich', lines: ['a', 'b'] },
  },
  rawModelOutput: '{}',
  thinkingTrace: 'I read the header first.',
  error: { errorCode: 'TemplateMismatch', message: 'total is not a number' },
  documentInfo: { fileName: 'inv.pdf', partCount: 3, type: 'pdf', dpi: 'high' },
  inputTokens: 10,
  outputTokens: 5,
  totalTokens: 15,
  logprobs: -1.5,
  outputTokenProbability: 0.91,
  selectedExamples: [
    { exampleId: 'e1', exampleName: 'Invoice A', tokensCount: 300, similarity: 0.8 },
    'junk',
  ],
};

describe('telling the kind of output from its shape', () => {
  it('a structured extraction: result object beside model output and token counts', () => {
    const shape = describeOutput(extraction);
    if (shape.kind !== 'extraction') throw new Error(shape.kind);
    expect(shape.facts).toMatchObject({
      inputTokens: 10,
      totalTokens: 15,
      probability: 0.91,
      error: { code: 'TemplateMismatch', message: 'total is not a number' },
      reasoning: { text: 'I read the header first.' },
      examples: [{ id: 'e1', name: 'Invoice A', tokens: 300, similarity: 0.8 }],
      documentInfo: { fileName: 'inv.pdf', partCount: 3, type: 'pdf', dpi: undefined },
    });
    expect(shape.outline.items.map((item) => [item.kind, item.path.join('/')])).toEqual([
      ['leaf', 'result/invoice_number'],
      ['table', 'result/parties'],
      ['leaf', 'result/notes'],
      ['leaf', 'result/address/city'],
      ['leaf', 'result/address/lines/0'],
      ['leaf', 'result/address/lines/1'],
    ]);
    const table = shape.outline.items[1];
    expect(table?.kind === 'table' && table.columns).toEqual(['name', 'role']);
  });

  it('caps big tables and long outlines', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => ({ line: i, qty: 1 }));
    const shape = describeOutput({ result: { lines }, inputTokens: 1 });
    const table = shape.kind === 'extraction' ? shape.outline.items[0] : undefined;
    expect(table?.kind === 'table' && [table.rows.length, table.total]).toEqual([TABLE_ROWS, 5000]);
    const wide = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]));
    const long = describeOutput({ result: wide, rawModelOutput: '' });
    expect(long.kind === 'extraction' && long.outline.truncated).toBe(true);
  });

  it('a content extraction: result is markdown text, previewed up to a limit', () => {
    expect(describeOutput({ result: '# Title' })).toMatchObject({
      kind: 'content',
      markdown: { text: '# Title', length: 7 },
    });
    const huge = describeOutput({ result: 'line\n'.repeat(MARKDOWN_PREVIEW) });
    expect(huge.kind === 'content' && huge.markdown.text.length).toBeLessThanOrEqual(
      MARKDOWN_PREVIEW,
    );
  });

  it('a template: every leaf a type, an enum or a list', () => {
    const shape = describeOutput({
      result: {
        number: 'verbatim-string',
        date: 'date-time',
        vendor: { name: 'string' },
        items: [{ qty: 'integer' }],
        tags: ['string'],
        currency: ['EUR', 'USD'],
        flags: [['a', 'b']],
      },
      rawModelOutput: '{}',
    });
    expect(shape).toMatchObject({
      kind: 'template',
      fields: [
        { name: 'number', type: 'verbatim-string' },
        { name: 'date', type: 'date-time' },
        { name: 'vendor', type: 'object', children: [{ name: 'name', type: 'string' }] },
        { name: 'items', type: 'list of objects', children: [{ name: 'qty', type: 'integer' }] },
        { name: 'tags', type: 'list of string' },
        { name: 'currency', type: 'one of: EUR, USD' },
        { name: 'flags', type: 'any of: a, b' },
      ],
    });
  });

  it('anything else is not recognised: the JSON tree shows it', () => {
    for (const other of [
      null,
      [1, 2],
      'text',
      {},
      { result: { a: 1 } }, // a result alone: nothing says a model made it
      { result: 42, inputTokens: 1 },
      { data: { a: 1 }, rawModelOutput: '' },
    ]) {
      expect(describeOutput(other).kind, JSON.stringify(other)).toBe('other');
    }
  });

  it('keeps only well-typed facts', () => {
    const shape = describeOutput({
      result: { a: 1 },
      inputTokens: '10',
      outputTokenProbability: 7,
      error: 'bad',
      selectedExamples: 'none',
      documentInfo: [1],
    });
    expect(shape.kind === 'extraction' && shape.facts).toEqual({
      inputTokens: undefined,
      outputTokens: undefined,
      totalTokens: undefined,
      logprobs: undefined,
      probability: undefined,
      error: { message: 'bad' },
      reasoning: undefined,
      examples: [],
      documentInfo: undefined,
    });
  });
});
