import { findOccurrences, searchableText } from './find-occurrence.ts';

const at = (source: string, value: string) =>
  findOccurrences(source, value).map(({ start, end, exact }) => [source.slice(start, end), exact]);

describe('the occurrence finder', () => {
  it('finds exact occurrences first, every one of them', () => {
    expect(at('Acme and acme and Acme', 'Acme')).toEqual([
      ['Acme', true],
      ['Acme', true],
    ]);
  });

  it('falls back to ignoring case and runs of whitespace, mapping back to the original text', () => {
    const source = 'Bill to:\n  ACME   Legal\tLLP, Berlin';
    expect(at(source, 'Acme Legal LLP')).toEqual([['ACME   Legal\tLLP', false]]);
    expect(at(source, ' acme\nlegal ')).toEqual([['ACME   Legal', false]]);
  });

  it('finds nothing for a value the document does not hold, or an empty one', () => {
    expect(findOccurrences('Total due: 120.00 EUR', '999.00')).toEqual([]);
    expect(findOccurrences('anything', '   ')).toEqual([]);
  });

  it('keeps offsets right around characters whose lower case is longer, and astral ones', () => {
    const source = 'İstanbul office: 👋🏽 ZOË Müller';
    expect(at(source, 'zoë müller')).toEqual([['ZOË Müller', false]]);
    expect(at(source, 'office: 👋🏽')).toEqual([['office: 👋🏽', true]]);
    expect(at(source, 'i̇stanbul')).toEqual([['İstanbul', false]]);
  });

  it('stops after a limit', () => {
    expect(findOccurrences('a '.repeat(100), 'a', 5)).toHaveLength(5);
  });

  it('looks for strings and numbers as written, not for booleans or null', () => {
    expect(searchableText('INV-1')).toBe('INV-1');
    expect(searchableText(' ')).toBeNull();
    expect(searchableText(12.5)).toBe('12.5');
    expect(searchableText(12.5, '12.50')).toBe('12.50');
    expect(searchableText(true)).toBeNull();
    expect(searchableText(null)).toBeNull();
  });
});
