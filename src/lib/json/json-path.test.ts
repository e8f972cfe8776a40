import { parseJsonPath, relativeJsonPath, toJsonPath } from './json-path.ts';

describe('JSONPath for one value', () => {
  it('writes plain names after dots and indexes in brackets', () => {
    expect(toJsonPath([])).toBe('$');
    expect(toJsonPath(['result', 'parties', 1, 'name'])).toBe('$.result.parties[1].name');
    expect(toJsonPath(['_id', '$ref', 'a1'])).toBe('$._id.$ref.a1');
  });

  it('quotes keys with dots, brackets, quotes, spaces, digits first, or nothing in them', () => {
    expect(toJsonPath(['a.b'])).toBe("$['a.b']");
    expect(toJsonPath(['x[0]'])).toBe("$['x[0]']");
    expect(toJsonPath(["it's"])).toBe("$['it\\'s']");
    expect(toJsonPath(['back\\slash'])).toBe("$['back\\\\slash']");
    expect(toJsonPath(['say "hi"'])).toBe(`$['say "hi"']`);
    expect(toJsonPath(['two words', '1', ''])).toBe("$['two words']['1']['']");
    expect(toJsonPath(['line\nbreak'])).toBe("$['line\\u000abreak']");
  });

  it('keeps letters of any script as plain names, and quotes emoji', () => {
    expect(toJsonPath(['名前', 'Zoë', 'مرحبا'])).toBe('$.名前.Zoë.مرحبا');
    expect(toJsonPath(['👋🏽'])).toBe("$['👋🏽']");
  });

  it('reads back every path it writes', () => {
    const paths = [
      [],
      ['result', 'parties', 1, 'name'],
      ['a.b', "it's", 'back\\slash', 'x[0]', '1', '', 'line\nbreak', '\u0001'],
      ['名前', '👋🏽', 0, 'say "hi"', '$'],
    ];
    for (const path of paths) expect(parseJsonPath(toJsonPath(path))).toEqual(path);
  });

  it('reads double quotes and escapes too', () => {
    expect(parseJsonPath('$["a.b"][2]')).toEqual(['a.b', 2]);
    expect(parseJsonPath("$['\\u00e9t\\u00e9']")).toEqual(['été']);
    expect(parseJsonPath(`$["say \\"hi\\""]`)).toEqual(['say "hi"']);
  });

  it('refuses what is not one value’s path', () => {
    for (const bad of [
      '',
      'result.a',
      '$.',
      '$..a',
      '$.*',
      '$[*]',
      '$[-1]',
      '$[01]',
      '$[1:2]',
      "$['open",
      "$['a']x",
      '$[?(@.a)]',
      "$['\\x']",
      '$.a b',
    ]) {
      expect(parseJsonPath(bad), bad).toBeNull();
    }
  });

  it('names a value inside the result as a reader would', () => {
    expect(relativeJsonPath(['result', 'parties', 1, 'name'], ['result'])).toBe('parties[1].name');
    expect(relativeJsonPath(['result', 0], ['result'])).toBe('[0]');
    expect(relativeJsonPath(['result', 'a.b'], ['result'])).toBe("['a.b']");
    expect(relativeJsonPath(['result'], ['result'])).toBe('(the whole value)');
  });
});
