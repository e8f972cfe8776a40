import { detectDrift, driftText, pagedFrom, readListState } from './list-drift.ts';
import {
  lastPageSkip,
  pageTargets,
  pastEndCorrection,
  rangeText,
  withPerPage,
} from './list-paging.ts';
import { parseListSearch, paths } from '../../paths.ts';
import { jobSeries } from '../../test-kit/jobs.ts';

const params = (skip: number, perPage = 30, organization: string | null = null) => ({
  organization,
  skip,
  perPage,
});

/** Jobs `from` to `to - 1` of the kit's series, newest first. */
const jobs = (from: number, to: number) => jobSeries(to - from, from);

describe('rangeText', () => {
  it.each([
    [30, 30, 237, '31-60 of 237'],
    [0, 30, 237, '1-30 of 237'],
    [210, 27, 237, '211-237 of 237'],
    [0, 1, 1, '1-1 of 1'],
    [0, 0, 0, '0 of 0'],
  ])('skip %i with %i rows of %i reads %s', (skip, shown, total, text) => {
    expect(rangeText(skip, shown, total)).toBe(text);
  });
});

describe('lastPageSkip and pageTargets', () => {
  it('finds the start of the last, partial page', () => {
    expect(lastPageSkip(237, 30)).toBe(210);
    expect(lastPageSkip(240, 30)).toBe(210);
    expect(lastPageSkip(241, 30)).toBe(240);
    expect(lastPageSkip(0, 30)).toBe(0);
    expect(lastPageSkip(5, 10)).toBe(0);
  });

  it('leads nowhere from the first page backwards or the last page forwards', () => {
    expect(pageTargets(params(0), 237)).toEqual({
      first: null,
      previous: null,
      next: params(30),
      last: params(210),
    });
    expect(pageTargets(params(210), 237)).toEqual({
      first: params(0),
      previous: params(180),
      next: null,
      last: null,
    });
  });

  it('has neither next nor last when everything fits on one page', () => {
    expect(pageTargets(params(0), 12)).toEqual({
      first: null,
      previous: null,
      next: null,
      last: null,
    });
  });

  it('steps back to 0, not below, from an unaligned skip', () => {
    expect(pageTargets(params(5), 237).previous).toEqual(params(0));
    expect(pageTargets(params(5), 237).next).toEqual(params(35));
  });

  it('keeps the organization in every target', () => {
    expect(pageTargets(params(30, 30, 'acme'), 64).next).toEqual(params(60, 30, 'acme'));
  });
});

describe('withPerPage', () => {
  it('keeps the first visible job on screen', () => {
    expect(withPerPage(params(60), 50)).toEqual(params(50, 50));
    expect(withPerPage(params(60), 100)).toEqual(params(0, 100));
    expect(withPerPage(params(90, 100), 10)).toEqual(params(90, 10));
  });
});

describe('pastEndCorrection', () => {
  it('sends a skip past the end to the last page and says so', () => {
    const correction = pastEndCorrection(params(900), 237);
    expect(correction?.params).toEqual(params(210));
    expect(correction?.message).toMatch(/past the end \(237 jobs\); showing the last page/);
  });

  it('treats a skip equal to the count as past the end', () => {
    expect(pastEndCorrection(params(240), 240)?.params).toEqual(params(210));
  });

  it('sends an empty list to the first page', () => {
    expect(pastEndCorrection(params(30), 0)?.params).toEqual(params(0));
  });

  it('leaves valid positions alone', () => {
    expect(pastEndCorrection(params(0), 0)).toBeNull();
    expect(pastEndCorrection(params(236), 237)).toBeNull();
  });
});

describe('readListState', () => {
  it('keeps well-formed state', () => {
    const from = pagedFrom(params(0), 100, jobs(0, 2));
    expect(readListState({ corrections: ['x'], from })).toEqual({ corrections: ['x'], from });
  });

  it.each([null, undefined, 'text', 3, { corrections: 'x' }, { from: { ids: [1] } }])(
    'ignores malformed state %j',
    (state) => {
      expect(readListState(state)).toEqual({});
    },
  );
});

describe('detectDrift', () => {
  it('hides jobs already shown on the previous page when new jobs pushed them down', () => {
    // Page 1 showed j0..j29; 3 jobs arrived, so page 2 now starts with j27.
    const from = pagedFrom(params(0), 100, jobs(0, 30));
    const page = { totalCount: 103, items: jobs(27, 57) };
    const { rows, drift } = detectDrift(params(30), page, from);
    expect(rows.map((r) => r.id)).toEqual(jobs(30, 57).map((r) => r.id));
    expect(drift).toEqual({ repeated: 3, arrived: 3, direction: 'forward', newestFirst: true });
    expect(drift && driftText(drift)).toBe(
      '3 new jobs arrived since the previous page loaded. 3 jobs you saw on the previous page moved here and are not repeated.',
    );
  });

  it('says which jobs moved out of sight when paging back after arrivals', () => {
    const from = pagedFrom(params(60), 100, jobs(60, 90));
    const page = { totalCount: 102, items: jobs(28, 58) };
    const { rows, drift } = detectDrift(params(30), page, from);
    expect(rows).toHaveLength(30);
    expect(drift && driftText(drift)).toMatch(
      /The last 2 jobs of this page moved to the next page/,
    );
  });

  it('says nothing of jobs pushed out of sight when the list is not sorted newest first', () => {
    const from = pagedFrom(params(60), 100, jobs(60, 90));
    const items = jobs(28, 58).map((j, i) => ({ ...j, createdAt: `2026-01-01T00:${10 + i}:00Z` }));
    const { drift } = detectDrift(params(30), { totalCount: 102, items }, from);
    expect(drift && driftText(drift)).toBe('2 new jobs arrived since the previous page loaded.');
    const unreadable = items.map((j) => ({ ...j, createdAt: 'today' }));
    const again = detectDrift(params(30), { totalCount: 102, items: unreadable }, from).drift;
    expect(again && driftText(again)).toBe('2 new jobs arrived since the previous page loaded.');
  });

  it('does nothing when the list did not move', () => {
    const from = pagedFrom(params(0), 100, jobs(0, 30));
    const page = { totalCount: 100, items: jobs(30, 60) };
    expect(detectDrift(params(30), page, from)).toEqual({ rows: page.items, drift: null });
  });

  it('compares only neighbouring pages of the same list', () => {
    const from = pagedFrom(params(0), 100, jobs(0, 30));
    const page = { totalCount: 103, items: jobs(27, 57) };
    expect(detectDrift(params(60), page, from).drift).toBeNull();
    expect(detectDrift(params(30, 30, 'acme'), page, from).drift).toBeNull();
    expect(detectDrift(params(30), page, undefined).drift).toBeNull();
  });
});

describe('the URL round trip', () => {
  it.each([
    params(0),
    params(30),
    params(210, 10, 'acme-legal'),
    params(0, 100, 'a&b=c/d'),
    params(7, 7),
  ])('paths.jobs(%j) reads back the same view', (view) => {
    const url = new URL(paths.jobs(view), 'https://dash.example');
    expect(parseListSearch(url.searchParams)).toEqual({ params: view, corrections: [] });
  });

  it('corrects every bad value at once, and the corrected link is clean', () => {
    const { params: fixed, corrections } = parseListSearch(
      new URLSearchParams('skip=-30&perPage=500&organization=%20acme%20'),
    );
    expect(fixed).toEqual(params(0, 100, 'acme'));
    expect(corrections).toHaveLength(2);
    const again = new URL(paths.jobs(fixed), 'https://dash.example').searchParams;
    expect(parseListSearch(again).corrections).toEqual([]);
  });
});
