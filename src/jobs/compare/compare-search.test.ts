import { paths } from '../../paths.ts';
import { parseCompareSearch } from './compare-search.ts';

const parse = (query: string) => parseCompareSearch(new URLSearchParams(query));

describe('parseCompareSearch', () => {
  it('reads the two ids the Compare button writes, whatever they hold', () => {
    const a = 'a b/c?d&e=f';
    const b = '7c0e2a5e-1111-4222-8333-444455556666';
    const url = new URL(paths.compare(a, b), 'http://x');
    expect(url.pathname).toBe('/compare');
    expect(parseCompareSearch(url.searchParams)).toEqual({ a, b });
  });

  it('says what is wrong with an address that names no pair', () => {
    expect(parse('')).toEqual({ problem: 'This address names no jobs to compare.' });
    expect(parse('a=x')).toEqual({
      problem: 'This address names only one job: a compare needs two.',
    });
    expect(parse('a=&b=y')).toMatchObject({ problem: expect.stringContaining('only one') });
    expect(parse('a=x&b=..')).toEqual({ problem: '".." cannot be a job id.' });
    expect(
      parse('a=7C0E2A5E-1111-4222-8333-444455556666&b=7c0e2a5e-1111-4222-8333-444455556666'),
    ).toMatchObject({ problem: expect.stringContaining('same job') });
  });
});
