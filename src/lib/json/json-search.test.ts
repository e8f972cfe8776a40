import { MAX_TREE_DEPTH, parseJson } from './json-model.ts';
import { locate, searchJson } from './json-search.ts';

const doc = {
  rawModelOutput: '{"Name": "Zoë"}',
  result: {
    parties: [{ name: 'Acme LLP' }, { name: 'Zoë Müller', role: 'signatory' }],
    'a.b': { NAME: 3 },
    total: 12.5,
    paid: false,
  },
};

describe('searching a document', () => {
  it('matches keys and values in any case, in the order the tree shows them', () => {
    const { total, matches } = searchJson(doc, 'name', 100);
    expect(matches.map((m) => m.path)).toEqual([
      ['result', 'parties', 0, 'name'],
      ['result', 'parties', 1, 'name'],
      ['result', 'a.b', 'NAME'],
      ['rawModelOutput'],
    ]);
    // Key and value matching at one place count once; "Name" inside a string is one match too.
    expect(total).toBe(4);
  });

  it('gives each step’s position among its siblings, result first at the root', () => {
    const { matches } = searchJson(doc, 'signatory', 10);
    expect(matches).toEqual([{ path: ['result', 'parties', 1, 'role'], at: [0, 0, 1, 1] }]);
    expect(searchJson(doc, 'ZOË', 10).matches.map((m) => m.at)).toEqual([[0, 0, 1, 0], [1]]);
  });

  it('finds numbers, booleans and long numbers by their text', () => {
    expect(searchJson(doc, '12.5', 10).total).toBe(1);
    expect(searchJson(doc, 'false', 10).total).toBe(1);
    // Digits past 2^53 are searched as written where the parser keeps them (browsers), else as parsed.
    const long = parseJson('{"id": 9007199254740993}');
    expect(searchJson(long, '900719925474099', 10).matches).toEqual([{ path: ['id'], at: [0] }]);
  });

  it('counts every match but keeps only the first few', () => {
    const many = Array.from({ length: 50 }, (_, i) => `item ${i}`);
    const found = searchJson(many, 'item', 10);
    expect(found.total).toBe(50);
    expect(found.matches).toHaveLength(10);
    expect(searchJson(many, '', 10)).toEqual({ total: 0, matches: [] });
  });

  it('searches deep documents without recursion, as deep as the tree opens', () => {
    let deep: unknown = 'needle';
    for (let i = 0; i < 5000; i++) deep = { d: deep };
    expect(searchJson(deep, 'needle', 10).total).toBe(0);
    let shallow: unknown = 'needle';
    for (let i = 0; i < MAX_TREE_DEPTH - 1; i++) shallow = { d: shallow };
    expect(searchJson(shallow, 'needle', 10).total).toBe(1);
  });
});

describe('locating a path', () => {
  it('gives positions for a path that exists, null for one that does not', () => {
    expect(locate(doc, ['result', 'a.b', 'NAME'])).toEqual({
      path: ['result', 'a.b', 'NAME'],
      at: [0, 1, 0],
    });
    expect(locate(doc, [])).toEqual({ path: [], at: [] });
    expect(locate(doc, ['result', 'parties', 2])).toBeNull();
    expect(locate(doc, ['result', 'parties', '0'])).toBeNull();
    expect(locate(doc, ['result', 'total', 'x'])).toBeNull();
    expect(locate(doc, ['toString'])).toBeNull();
  });
});
