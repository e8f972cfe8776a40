import { parseListSearch, paths, safeReturnPath } from './paths.ts';

const parse = (query: string) => parseListSearch(new URLSearchParams(query));

describe('parseListSearch', () => {
  it('uses the API defaults when the URL says nothing', () => {
    expect(parse('')).toEqual({
      params: { organization: null, skip: 0, perPage: 30 },
      corrections: [],
    });
  });

  it('reads organization, skip and perPage', () => {
    expect(parse('organization=acme&skip=60&perPage=50').params).toEqual({
      organization: 'acme',
      skip: 60,
      perPage: 50,
    });
  });

  it.each([
    ['skip=-5', { skip: 0, perPage: 30 }],
    ['skip=abc', { skip: 0, perPage: 30 }],
    ['skip=1.5', { skip: 0, perPage: 30 }],
    ['perPage=0', { skip: 0, perPage: 30 }],
    ['perPage=-3', { skip: 0, perPage: 30 }],
    ['perPage=500', { skip: 0, perPage: 100 }],
    ['perPage=ten', { skip: 0, perPage: 30 }],
    ['perPage=', { skip: 0, perPage: 30 }],
  ])('corrects %s and says so', (query, expected) => {
    const { params, corrections } = parse(query);
    expect(params).toMatchObject(expected);
    expect(corrections).toHaveLength(1);
  });
});

describe('paths', () => {
  it('percent-encodes job ids so they stay one path segment', () => {
    expect(paths.job('a/b ?#../c')).toBe('/jobs/a%2Fb%20%3F%23..%2Fc');
  });

  it('encodes ids no URL can hold (lone surrogates) instead of throwing', () => {
    expect(paths.job('a\uD800b')).toBe('/jobs/a%EF%BF%BDb');
    expect(paths.job('\uDC00')).toBe('/jobs/%EF%BF%BD');
    expect(paths.job('\u202Eexe.\u200Bpdf \uD83D\uDE00')).toBe(
      '/jobs/%E2%80%AEexe.%E2%80%8Bpdf%20%F0%9F%98%80',
    );
  });

  it('leaves defaults out of list links', () => {
    expect(paths.jobs({ skip: 0, perPage: 30 })).toBe('/jobs');
    expect(paths.jobs({ organization: 'acme', skip: 30, perPage: 10 })).toBe(
      '/jobs?organization=acme&skip=30&perPage=10',
    );
  });
});

describe('safeReturnPath', () => {
  const origin = 'https://dash.example';

  it('keeps same-origin paths with their query and hash', () => {
    expect(safeReturnPath('/jobs/abc%2Fdef?x=1#out', origin)).toBe('/jobs/abc%2Fdef?x=1#out');
    expect(safeReturnPath('/jobs?skip=30&perPage=10', origin)).toBe('/jobs?skip=30&perPage=10');
  });

  it.each([
    '//evil.example',
    '//evil.example/jobs',
    'https://evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    'jobs',
    '',
    null,
    '/sign-in?returnTo=/jobs',
    '/.//evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '/.%2e//evil.example',
    '/./\\evil.example',
    '/.\\/evil.example',
    '/..\\\\evil.example',
    '/jobs/..//evil.example',
    '/jobs/%2e%2e//evil.example/x?y#z',
    '/\t/evil.example',
    '/./\t/evil.example',
  ])('refuses %j and falls back to the list', (value) => {
    expect(safeReturnPath(value, origin)).toBe('/jobs');
  });
});
