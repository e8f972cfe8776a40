import { detectDrift, driftText, type PagedFrom } from './list-drift.ts';

const params = { organization: null, skip: 2, perPage: 2 };
const from: PagedFrom = {
  organization: null,
  skip: 0,
  perPage: 2,
  totalCount: 10,
  ids: ['a', 'b'],
};
const row = (id: string, createdAt: string) => ({ id, createdAt });

describe('detectDrift', () => {
  it('reads the order from parsed times: microseconds, +00:00 and other offsets alike', () => {
    // Newest first, though as strings the second (01:00+01:00) sorts after the first.
    const page = {
      totalCount: 11,
      items: [
        row('b', '2026-01-01T00:10:00.000001+00:00'),
        row('c', '2026-01-01T01:00:00.999999+01:00'),
      ],
    };
    const { rows, drift } = detectDrift({ ...params, skip: 0 }, page, { ...from, skip: 2 });
    expect(rows.map((job) => job.id)).toEqual(['c']);
    expect(drift).toEqual({ repeated: 1, arrived: 1, direction: 'back', newestFirst: true });
    if (drift)
      expect(driftText(drift)).toContain('The last job of this page moved to the next page.');
  });

  it('says nothing of the order when it is not newest first or a time cannot be read', () => {
    const oldestFirst = [
      row('c', '2026-01-01T00:00:00.000001+00:00'),
      row('d', '2026-01-01 00:00:01.000002'),
    ];
    const unreadable = [row('c', '2026-01-01T00:10:00Z'), row('d', 'yesterday')];
    for (const items of [oldestFirst, unreadable]) {
      const { drift } = detectDrift(
        { ...params, skip: 0 },
        { totalCount: 11, items },
        {
          ...from,
          skip: 2,
        },
      );
      expect(drift?.newestFirst).toBe(false);
      if (drift) expect(driftText(drift)).not.toContain('moved to the next page');
    }
  });
});
