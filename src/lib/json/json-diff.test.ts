import { diffJson, diffPayloads, previewValue } from './json-diff.ts';
import { toJsonPath } from './json-path.ts';
import { RawNumber } from './json-model.ts';

/** Each difference as one line: kind, path, values. */
function lines(before: unknown, after: unknown, limit?: number): string[] {
  return diffJson(before, after, limit).entries.map(
    ({ kind, path, before: a, after: b }) =>
      `${kind} ${toJsonPath(path)}${a ? ` ${a.text}` : ''}${b ? ` -> ${b.text}` : ''}`,
  );
}

describe('diffJson', () => {
  it('finds nothing between equal documents', () => {
    const doc = { a: [1, { b: null }], c: 'x', d: true };
    expect(diffJson(doc, structuredClone(doc))).toEqual({
      entries: [],
      counts: { added: 0, removed: 0, changed: 0 },
    });
  });

  it('matches object keys whatever their order, in the first document’s order', () => {
    expect(
      lines({ name: 'Ada', city: 'Oslo', zip: '0150' }, { zip: '0151', city: 'Oslo', age: 36 }),
    ).toEqual(['removed $.name "Ada"', 'changed $.zip "0150" -> "0151"', 'added $.age -> 36']);
  });

  it('reports nested paths in document order', () => {
    const before = { result: { parties: ['Acme', 'Globex'], total: { amount: 10 } }, z: 1 };
    const after = { result: { parties: ['Acme', 'Initech'], total: { amount: 12 } } };
    expect(lines(before, after)).toEqual([
      'changed $.result.parties[1] "Globex" -> "Initech"',
      'changed $.result.total.amount 10 -> 12',
      'removed $.z 1',
    ]);
  });

  it('matches arrays by index: longer or shorter arrays add or remove at the end', () => {
    expect(lines([1, 2, 3], [1, 5])).toEqual(['changed $[1] 2 -> 5', 'removed $[2] 3']);
    expect(lines({ a: [] }, { a: [{ x: 1 }] })).toEqual(['added $.a[0] -> {"x":1}']);
  });

  it('reports a change of type as one change of the whole value', () => {
    expect(lines({ total: { amount: 5 } }, { total: 5 })).toEqual([
      'changed $.total {"amount":5} -> 5',
    ]);
    expect(lines([1], { 0: 1 })).toEqual(['changed $ [1] -> {"0":1}']);
    expect(lines({ n: '1' }, { n: 1 })).toEqual(['changed $.n "1" -> 1']);
  });

  it('tells null from a missing key and from other values', () => {
    expect(lines({ a: null, b: null }, { a: null, b: 0, c: null })).toEqual([
      'changed $.b null -> 0',
      'added $.c -> null',
    ]);
    expect(lines({ a: null }, {})).toEqual(['removed $.a null']);
    expect(lines(null, null)).toEqual([]);
  });

  it('quotes keys with dots, quotes and unicode in the path', () => {
    expect(lines({ 'a.b': 1, "it's": 'x', 名前: 'Zoë', '👋🏽': 1 }, { 'a.b': 2 })).toEqual([
      "changed $['a.b'] 1 -> 2",
      "removed $['it\\'s'] \"x\"",
      'removed $.名前 "Zoë"',
      "removed $['👋🏽'] 1",
    ]);
  });

  it('keeps the spelling of long numbers, and treats 1.50 and 1.5 as one value', () => {
    // As parseJson reads them where the engine gives the number's source text (Chromium 114+).
    const before = {
      id: new RawNumber('9007199254740993', 2 ** 53),
      price: new RawNumber('1.50', 1.5),
    };
    const after = { id: new RawNumber('9007199254740992', 2 ** 53), price: 1.5 };
    expect(lines(before, after)).toEqual(['changed $.id 9007199254740993 -> 9007199254740992']);
  });

  it('reports the first `limit` differences and counts them all', () => {
    const before = Array.from({ length: 12_000 }, (_, i) => ({ n: i }));
    const after = before.map(({ n }) => ({ n: n % 2 === 0 ? n : -n }));
    after.push({ n: 1 });
    const diff = diffJson(before, after, 5_000);
    expect(diff.entries).toHaveLength(5_000);
    expect(diff.counts).toEqual({ added: 1, removed: 0, changed: 6_000 });
    expect(toJsonPath(diff.entries[4_999]?.path ?? [])).toBe('$[9999].n');
  });

  it('walks documents nested deeper than the call stack goes', () => {
    let a: unknown = 1;
    let b: unknown = 2;
    for (let i = 0; i < 20_000; i++) {
      a = [a];
      b = [b];
    }
    const diff = diffJson(a, b);
    expect(diff.counts.changed).toBe(1);
    expect(diff.entries[0]?.path).toHaveLength(20_000);
  });
});

describe('previewValue', () => {
  it('writes compact JSON and cuts it at the budget', () => {
    expect(previewValue({ a: [1, 'two', null] })).toEqual({
      text: '{"a":[1,"two",null]}',
      cut: false,
    });
    expect(previewValue('x'.repeat(50), 10)).toEqual({ text: `"${'x'.repeat(9)}`, cut: true });
    expect(
      previewValue(
        Array.from({ length: 1e6 }, () => 7),
        9,
      ),
    ).toEqual({
      text: '[7,7,7,7,',
      cut: true,
    });
    expect(previewValue('abcdefgh', 10)).toEqual({ text: '"abcdefgh"', cut: false });
  });
});

describe('diffPayloads', () => {
  it('parses JSON payloads, and compares a payload that is not JSON as text', () => {
    const json = diffPayloads('{"a":1}', '{"a":2}');
    expect(json.asText).toEqual({ before: false, after: false });
    expect(json.counts.changed).toBe(1);

    const text = diffPayloads('Invoice 1', '{"a":2}');
    expect(text.asText).toEqual({ before: true, after: false });
    expect(text.entries[0]).toMatchObject({
      kind: 'changed',
      path: [],
      before: { text: '"Invoice 1"' },
    });

    expect(diffPayloads('same text', 'same text').counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
    });
  });
});
