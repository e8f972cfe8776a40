import {
  childrenOf,
  keepNumberText,
  mightBeJson,
  PAGE_SIZE,
  MAX_TREE_DEPTH,
  parseJson,
  planExpandAll,
  RawNumber,
  resolve,
  STRING_PREVIEW,
  summarize,
  textOf,
} from './json-model.ts';
import { localDoc } from '../../ui/json-viewer/json-doc.ts';

describe('the JSON model', () => {
  it('summarizes values without carrying big strings whole', () => {
    expect(summarize({ a: 1, b: 2 })).toEqual({ type: 'object', count: 2 });
    expect(summarize([1, 2, 3])).toEqual({ type: 'array', count: 3 });
    expect(summarize(null)).toEqual({ type: 'null' });
    expect(summarize(false)).toEqual({ type: 'boolean', value: false });
    const long = summarize('x'.repeat(STRING_PREVIEW + 10));
    expect(long).toMatchObject({ type: 'string', length: STRING_PREVIEW + 10 });
    expect(long.type === 'string' && long.value.length).toBe(STRING_PREVIEW);
  });

  it('pages children and puts `result` first at the root', () => {
    const value = { rawModelOutput: 'x', result: { a: 1 }, inputTokens: 3 };
    expect(childrenOf(value, [], 0, 10).entries.map((e) => e.key)).toEqual([
      'result',
      'rawModelOutput',
      'inputTokens',
    ]);
    const nested = { inner: { z: 1, result: 2 } };
    expect(childrenOf(nested.inner, ['inner'], 0, 10).entries.map((e) => e.key)).toEqual([
      'z',
      'result',
    ]);
    const big = Array.from({ length: 250 }, (_, i) => i);
    const second = childrenOf(big, [], PAGE_SIZE, PAGE_SIZE);
    expect(second.total).toBe(250);
    expect(second.entries[0]).toEqual({ key: 100, summary: { type: 'number', value: 100 } });
  });

  it('resolves own keys only, including odd ones', () => {
    const value = JSON.parse(
      '{"__proto__": {"x": 1}, "constructor": 2, "a.b": [0, {"c": "d"}]}',
    ) as unknown;
    expect(resolve(value, ['__proto__', 'x'])).toBe(1);
    expect(resolve(value, ['a.b', 1, 'c'])).toBe('d');
    expect(resolve({}, ['toString'])).toBeUndefined();
    expect(resolve([1], ['length'])).toBeUndefined();
  });

  it('copies strings as they are and the rest as indented JSON', () => {
    expect(textOf('a "b"')).toBe('a "b"');
    expect(textOf({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(textOf(null)).toBe('null');
  });

  it('expands all breadth first within a budget', () => {
    const value = { a: { b: { c: { d: 1 } } }, list: Array.from({ length: 5 }, () => ({ x: 1 })) };
    const full = planExpandAll(value, 1000);
    expect(full.truncated).toBe(false);
    expect(full.pages.map((p) => JSON.stringify(p.path))).toContain('["a","b","c"]');
    const wide = Array.from({ length: 5000 }, () => ({ x: { y: 1 } }));
    const plan = planExpandAll(wide, 300);
    expect(plan.truncated).toBe(true);
    const rows = plan.pages.reduce((n, p) => n + p.page.entries.length, 0);
    expect(rows).toBeLessThan(300 + PAGE_SIZE + 1);
  });

  it('handles deep nesting without recursion, and opens no more than MAX_TREE_DEPTH levels', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 2000; i++) deep = { d: deep };
    const plan = planExpandAll(deep, 10_000);
    expect(plan.pages).toHaveLength(MAX_TREE_DEPTH);
    expect(Math.max(...plan.pages.map((p) => p.path.length))).toBe(MAX_TREE_DEPTH - 1);
    expect(plan.truncated).toBe(true);
    let shallow: unknown = 'bottom';
    for (let i = 0; i < MAX_TREE_DEPTH; i++) shallow = { d: shallow };
    expect(planExpandAll(shallow, 10_000)).toMatchObject({ truncated: false });
  });

  it('tells JSON-looking text from plain text cheaply', () => {
    expect(mightBeJson('  \n {"a":1}')).toBe(true);
    expect(mightBeJson('[1]')).toBe(true);
    expect(mightBeJson('-1')).toBe(true);
    expect(mightBeJson('"s"')).toBe(true);
    expect(mightBeJson('# Title')).toBe(false);
    expect(mightBeJson('\u00a0{"a":1}')).toBe(false);
    expect(mightBeJson('   ')).toBe(false);
  });
});

describe('a local document', () => {
  it('loads pages on demand, caches them, and copies values in full', async () => {
    const doc = localDoc({
      items: Array.from({ length: 150 }, (_, i) => `item ${i}`),
      long: 'y'.repeat(5000),
    });
    expect(doc.cached(['items'])).toBeUndefined();
    expect((await doc.loadMore(['items'])).entries).toHaveLength(100);
    expect(doc.cached(['items'])?.chunks[0]?.entries).toHaveLength(100);
    expect((await doc.loadMore(['items'])).entries).toHaveLength(150);
    expect(await doc.text(['long'])).toHaveLength(5000);
    const { expanded, truncated } = await doc.expandAll();
    expect(truncated).toBe(false);
    expect(expanded.has('[]')).toBe(true);
    expect(expanded.has('["items"]')).toBe(true);
  });
});

describe('numbers a double cannot hold', () => {
  it('keep their text where the parser gives it (source text access)', () => {
    const kept = keepNumberText('id', 9007199254740992, { source: '9007199254740993' });
    expect(kept).toEqual(new RawNumber('9007199254740993', 9007199254740992));
    expect(keepNumberText('n', 12, { source: '12' })).toBe(12);
    expect(keepNumberText('n', 12, undefined)).toBe(12);
    expect(summarize(kept)).toEqual({
      type: 'number',
      value: 9007199254740992,
      source: '9007199254740993',
    });
    expect(textOf(kept)).toBe('9007199254740993');
    const copied = textOf({ id: kept });
    // With JSON.rawJSON (browsers) the digits survive a copy; without it, the parsed value is written.
    expect(copied).toMatch(/^\{\n {2}"id": 900719925474099[23]\n\}$/);
  });

  it('parseJson works where the parser has no source text access too', () => {
    expect(parseJson('{"id": 12345678901234567890}')).toEqual({
      id: expect.anything() as unknown,
    });
    expect(parseJson('[1.5]')).toEqual([1.5]);
  });
});
