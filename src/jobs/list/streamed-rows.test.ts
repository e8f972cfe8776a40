import { completedJob } from '../../test-kit/jobs.ts';
import { rowsPageFromText } from './list-job.ts';
import { ItemSplitter } from './item-splitter.ts';
import { StreamedRows } from './streamed-rows.ts';

const encoder = new TextEncoder();

/**
 * The body read in pieces of `size` bytes, the way a network might cut it: each piece a buffer of its
 * own, or (`views`) a view into one buffer, starting anywhere in it (the splitter reads four bytes at
 * a time where they line up in the buffer).
 */
function readInPieces(body: string, size: number, views = false) {
  const bytes = encoder.encode(body);
  const rows = new StreamedRows();
  for (let at = 0; at < bytes.length; at += size) {
    rows.push(views ? bytes.subarray(at, at + size) : bytes.slice(at, at + size));
  }
  return rows.finish();
}

/** What the whole-body parser makes of its bytes (decoded as fetch would): the page, or the error. */
function whole(body: string) {
  try {
    return rowsPageFromText(new TextDecoder().decode(encoder.encode(body)));
  } catch (error) {
    return error;
  }
}

function streamed(body: string, size: number, views = false) {
  try {
    return readInPieces(body, size, views);
  } catch (error) {
    return error;
  }
}

const job = (id: string, extra: object = {}) =>
  completedJob({ id, inputData: '{"text":"héllo \\"quoted\\" ✓ 𝄞"}', ...extra });

const page = (items: string[]) =>
  `{"totalCount":${items.length},"skip":0,"perPage":30,"items":[${items.join(',')}]}`;
const item = (id: string, fields: string) =>
  JSON.stringify(completedJob({ id })).replace(/\}$/, `,${fields}}`);

/** Jobs whose payloads are long enough to be measured from their bytes, and the ways that can go wrong. */
function longPayloadBodies(): Record<string, string> {
  const plain = JSON.stringify('a "quoted" line\\n\t/'.repeat(40));
  const long = (text: string) => JSON.stringify(text.repeat(300));
  return {
    'long plain payloads': page([
      item('a', `"inputData":${plain},"outputData":${plain}`),
      item('b', `"inputData":${plain}`),
    ]),
    'long payloads with \\u escapes, other letters, a DEL': page([
      item('a', `"inputData":"${'\\u00e9'.repeat(300)}","outputData":${long('é ✓ 𝄞')}`),
      item('b', `"inputData":${long('\x7f')}`),
    ]),
    'a long payload with a raw control character (not JSON)': page([
      item('a', `"inputData":"${'x'.repeat(300)}\u0001"`),
    ]),
    'a raw control character, a DEL, other letters amid long payloads': page([
      item('a', `"inputData":"${'x'.repeat(150)}\u0001${'x'.repeat(150)}"`),
      item('b', `"inputData":"${'x'.repeat(150)}\u007f${'x'.repeat(150)}"`),
      item('c', `"outputData":"${'x'.repeat(150)}é${'x'.repeat(150)}"`),
    ]),
    'a long payload with an unknown escape (not JSON)': page([
      item('a', `"inputData":"${'x'.repeat(300)}\\q"`),
    ]),
    'a long error message, a long unknown field, a long key, an escaped payload key': page([
      item('a', `"errorMessage":${plain},"extra":${plain},${plain}:1,"inputData":${plain}`),
      item('b', `"input\\u0044ata":${plain},"outputDat":${plain},"outputDataX":${plain}`),
    ]),
    'a long payload given twice: the last counts': page([
      item('a', `"inputData":${plain},"inputData":"short"`),
      item('b', `"outputData":${plain},"outputData":null`),
      item('c', `"inputData":"short","inputData":${plain}`),
    ]),
    'long strings deeper in a job, and a job that is a list': page([
      item('a', `"nested":{"inputData":${plain}},"list":[${plain}]`),
      `[${plain}]`,
    ]),
  };
}

const bodies: Record<string, string> = {
  'a usual page': JSON.stringify({
    totalCount: 3,
    skip: 0,
    perPage: 30,
    items: [job('a'), job('b', { outputData: '{"result":{"items":[1,{"x":"]}"}]}}' }), job('c')],
  }),
  'items first, spaced out, with a broken item': `{ "items" : [ ${JSON.stringify(job('a'))} ,
    null , {"id":"b"} ] , "totalCount" : 3, "skip":0, "perPage":30 }`,
  'no items at all': '{"totalCount":0,"skip":0,"perPage":30}',
  'an empty page': '{"totalCount":0,"skip":0,"perPage":30,"items":[ ]}',
  'items nested deeper are not the page': JSON.stringify({
    totalCount: 1,
    skip: 0,
    perPage: 30,
    meta: { items: [1, 2] },
    items: [job('a')],
  }),
  'a key that starts like items': JSON.stringify({
    totalCount: 1,
    skip: 0,
    perPage: 30,
    itemsCount: [job('x')],
    item: [1],
    items: [job('a')],
  }),
  'items twice: the last counts': `{"totalCount":1,"skip":0,"perPage":30,"items":[${JSON.stringify(job('a'))}],"items":[${JSON.stringify(job('b'))}]}`,
  'items twice, the last null': `{"totalCount":1,"skip":0,"perPage":30,"items":[${JSON.stringify(job('a'))}],"items":null}`,
  'a U+FEFF before an item (data, not a BOM)': `{"totalCount":2,"skip":0,"perPage":30,"items":[1,\uFEFF2]}`,
  'an escaped items key': `{"totalCount":1,"skip":0,"perPage":30,"items":[${JSON.stringify(job('a'))}],"it\\u0065ms":[]}`,
  'items that are not a list': '{"totalCount":0,"skip":0,"perPage":30,"items":{"a":1}}',
  'a trailing comma': `{"totalCount":1,"skip":0,"perPage":30,"items":[${JSON.stringify(job('a'))},]}`,
  'an empty element': '{"totalCount":1,"skip":0,"perPage":30,"items":[1,,2]}',
  'a wrong closer': '{"totalCount":1,"skip":0,"perPage":30,"items":[{"id":"a"}}',
  'garbage after the page': `{"totalCount":0,"skip":0,"perPage":30,"items":[]} x`,
  'a list, not a page': `[${JSON.stringify(job('a'))}]`,
  'a byte order mark (dropped, as fetch does)': `\uFEFF{"totalCount":0,"skip":0,"perPage":30,"items":[]}`,
  ...longPayloadBodies(),
  'not JSON': '<html><body>Bad gateway</body></html>',
  empty: '',
};

describe('a list page read as it arrives', () => {
  it.each(Object.entries(bodies))(
    '%s: the same rows or error, however the bytes are cut',
    (_, body) => {
      const expected = whole(body);
      const length = encoder.encode(body).length;
      for (const size of [1, 2, 3, 7, 64, Math.max(1, length)]) {
        const got = streamed(body, size);
        expect(got).toEqual(expected);
        expect(got?.constructor).toBe(expected?.constructor);
      }
      for (const size of [5, 7, 66]) {
        const got = streamed(body, size, true);
        expect(got).toEqual(expected);
        expect(got?.constructor).toBe(expected?.constructor);
      }
    },
  );

  it('gives a payload with bytes that are not UTF-8 the size it has once decoded', () => {
    const [before, after] = page([item('a', `"inputData":"${'x'.repeat(300)}_${'x'.repeat(300)}"`)])
      .split('_')
      .map((part) => encoder.encode(part));
    const bytes = new Uint8Array([...(before ?? []), 0xff, 0xfe, ...(after ?? [])]);
    const rows = new StreamedRows();
    rows.push(bytes);
    expect(rows.finish()).toEqual(rowsPageFromText(new TextDecoder().decode(bytes)));
  });

  it('makes rows of a page with many big jobs', () => {
    const items = Array.from({ length: 50 }, (_, i) =>
      job(`j-${i}`, { outputData: JSON.stringify({ result: { text: 'é\\"'.repeat(5000 + i) } }) }),
    );
    const body = JSON.stringify({ totalCount: 50, skip: 0, perPage: 50, items });
    const page = readInPieces(body, 65_536);
    expect(page.items.map((row) => row.id)).toEqual(items.map((item) => item.id));
    expect(page).toEqual(rowsPageFromText(body));
  });

  it('gives out the rows read so far while the page arrives, each once and in order', () => {
    const items = Array.from({ length: 20 }, (_, i) =>
      job(`j-${i}`, { outputData: JSON.stringify({ text: 'a line '.repeat(2000) }) }),
    );
    const bytes = encoder.encode(JSON.stringify({ totalCount: 20, skip: 0, perPage: 20, items }));
    const rows = new StreamedRows();
    const given: string[][] = [];
    for (let at = 0; at < bytes.length; at += 65_536) {
      rows.push(bytes.slice(at, at + 65_536));
      given.push(rows.arrived().map((row) => row.id));
    }
    // Half the bytes in, about half the rows are out.
    expect(given.slice(0, given.length / 2).flat().length).toBeGreaterThanOrEqual(8);
    expect(given.flat()).toEqual(rows.finish().items.map((row) => row.id));
    expect(rows.arrived()).toEqual([]);
  });

  it('gives out no rows past a second "items" key, whose rows are the page\'s instead', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => JSON.stringify(job(id)));
    const body = `{"totalCount":1,"skip":0,"perPage":30,"items":[${a}],"items":[${b},${c}]}`;
    const bytes = encoder.encode(body);
    const rows = new StreamedRows();
    for (let at = 0; at < bytes.length; at += 7) rows.push(bytes.slice(at, at + 7));
    expect(rows.arrived().map((row) => row.id)).toEqual(['a']);
    expect(rows.finish().items.map((row) => row.id)).toEqual(['b', 'c']);
  });
});

describe('the item splitter', () => {
  it('hands over each job as soon as its last byte is in, not at the end of the page', () => {
    const first = JSON.stringify(job('a'));
    const head = `{"totalCount":2,"skip":0,"perPage":30,"items":[${first},`;
    const splitter = new ItemSplitter();
    expect(splitter.push(encoder.encode(head.slice(0, -2)))).toEqual([]);
    const start = head.indexOf('[') + 1;
    const end = start + encoder.encode(first).length;
    expect(splitter.push(encoder.encode(head.slice(-2)))).toEqual([
      { range: [start, end], long: [] },
    ]);
    expect(splitter.failed).toBe(false);
  });

  it('measures long plain payloads from their bytes, and leaves the rest to JSON.parse', () => {
    const text = 'say "hi"\n'.repeat(30);
    const long = JSON.stringify(text);
    const fields = [
      `"errorMessage":${long}`, // a long string, not a payload
      `"input\\u0044ata":${long}`, // a payload key spelt with an escape: parsed
      `"inputData":${long}`,
      `"outputData":"${'é'.repeat(300)}"`, // not ASCII: parsed
    ];
    const body = page([item('a', fields.join(','))]);
    const [split] = new ItemSplitter().push(encoder.encode(body));
    const open = body.lastIndexOf('"inputData":') + '"inputData":'.length;
    expect(split?.long).toEqual([{ open, close: open + long.length - 1, bytes: text.length }]);
  });

  it('measures the same wherever the bytes start in their buffer', () => {
    const text = 'a line of text '.repeat(30);
    const body = page([item('a', `"inputData":${JSON.stringify(text)}`)]);
    const open = body.lastIndexOf('"inputData":') + '"inputData":'.length;
    const expected = [{ open, close: open + text.length + 1, bytes: text.length }];
    const bytes = encoder.encode(body);
    for (let shift = 0; shift < 4; shift++) {
      const buffer = new Uint8Array(shift + bytes.length);
      buffer.set(bytes, shift);
      const [split] = new ItemSplitter().push(buffer.subarray(shift));
      expect(split?.long).toEqual(expected);
    }
  });

  it('reads a payload on through a byte or two at the end of their buffer', () => {
    const text = 'x'.repeat(300);
    const splitter = new ItemSplitter();
    splitter.push(encoder.encode(`{"items":[{"inputData":"${text}`));
    const buffer = new Uint8Array(6);
    buffer.set(encoder.encode('xx'), 4);
    expect(splitter.push(buffer.subarray(5))).toEqual([]);
    expect(splitter.push(buffer.subarray(4, 5))).toEqual([]);
    const [split] = splitter.push(encoder.encode('"}]}'));
    expect(split?.long).toEqual([
      { open: 23, close: 23 + text.length + 3, bytes: text.length + 2 },
    ]);
    expect(splitter.failed).toBe(false);
  });
});
