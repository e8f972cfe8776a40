import { parseJsonText, WORKER_THRESHOLD } from './json-doc.ts';

describe('parseJsonText', () => {
  it('parses JSON (small text in the page) and measures it in UTF-8 bytes', async () => {
    const outcome = await parseJsonText('{"a":"é"}');
    expect(outcome.kind).toBe('json');
    expect(outcome.bytes).toBe(10);
    if (outcome.kind === 'json') expect(outcome.doc.root).toEqual({ type: 'object', count: 1 });
  });

  it('shows text that is not JSON as text, including JSON-looking text that does not parse', async () => {
    expect(await parseJsonText('# Markdown')).toMatchObject({ kind: 'text', bytes: 10 });
    expect(await parseJsonText('{"fileName": "scan.pdf", "pages": 1')).toMatchObject({
      kind: 'text',
    });
    expect(await parseJsonText('')).toMatchObject({ kind: 'text', bytes: 0 });
  });

  it('without a Worker (as here), large text is still parsed', async () => {
    const text = JSON.stringify({ big: 'z'.repeat(WORKER_THRESHOLD) });
    const outcome = await parseJsonText(text);
    expect(outcome.kind).toBe('json');
  });
});
