import { BIG_LINE, EventTooLarge, eventStreamLines } from './event-stream-lines.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function run(chunks: string[], onBytes?: () => void) {
  const lines = eventStreamLines(onBytes);
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  const out: string[] = [];
  const reader = source.pipeThrough(lines.stream).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read())
    out.push(decoder.decode(r.value));
  return { out, expand: lines.expand };
}

function text(data: string | Uint8Array) {
  return typeof data === 'string' ? data : decoder.decode(data);
}

describe('eventStreamLines', () => {
  it('passes on only whole lines, every byte kept', async () => {
    const { out } = await run([
      'event: res',
      'ult\ndata: {"a"',
      ':',
      '1}\n',
      '\nevent: ping\r',
      '\ndata:\r\n\r\n',
    ]);
    expect(out.join('')).toBe('event: result\ndata: {"a":1}\n\nevent: ping\r\ndata:\r\n\r\n');
    for (const chunk of out) expect(chunk).toMatch(/[\r\n]$/);
  });

  it('passes the rest on at the end', async () => {
    expect((await run(['a\nb', 'c'])).out).toEqual(['a\n', 'bc']);
  });

  it('keeps a big data line aside and gives its bytes back for the event', async () => {
    const big = JSON.stringify({ id: 'job-1', text: 'é'.repeat(BIG_LINE) });
    const stream = `: hi\r\nevent: result\r\ndata: ${big}\r\n\r\nevent: ping\ndata:\n\n`;
    const chunks = stream.match(/[\s\S]{1,1000}/g) ?? [];
    const { out, expand } = await run(chunks);
    const seen = out.join('');
    expect(seen.length).toBeLessThan(200);
    const placeholder = /data:(\0[^\r\n]+)\r\n/.exec(seen)?.[1] ?? '';
    expect(seen.replace(placeholder, 'X')).toBe(
      ': hi\r\nevent: result\r\ndata:X\r\n\r\nevent: ping\ndata:\n\n',
    );
    expect(text(expand(placeholder))).toBe(big);
    expect(expand('small data')).toBe('small data');
  });

  it('rejoins multi-line data around a big line with newlines', async () => {
    const big = 'x'.repeat(BIG_LINE + 1);
    const { out, expand } = await run([`data:first\ndata:${big}\ndata: last\n\n`]);
    const seen = out.join('');
    const placeholder = /data:(\0[^\n]+)\n/.exec(seen)?.[1] ?? '';
    // What the library would hand over: the data lines joined by "\n".
    expect(text(expand(`first\n${placeholder}\nlast`))).toBe(`first\n${big}\nlast`);
  });

  it('leaves big lines of other fields alone', async () => {
    const big = 'y'.repeat(BIG_LINE + 10);
    const { out } = await run([`: ${big}\nid: ${big}\n\n`]);
    expect(out.join('')).toBe(`: ${big}\nid: ${big}\n\n`);
  });

  it('reports every chunk as a sign of life', async () => {
    let seen = 0;
    await run(['x', 'y', '\n'], () => (seen += 1));
    expect(seen).toBe(3);
  });
});

describe('eventStreamLines caps', () => {
  it('fails on a line that never ends once it passes the cap, and reads no more', async () => {
    const lines = eventStreamLines(undefined, 100);
    let pulled = 0;
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(encoder.encode('x'.repeat(30)));
      },
    });
    const reader = source.pipeThrough(lines.stream).getReader();
    await expect(reader.read()).rejects.toThrow(EventTooLarge);
    expect(pulled).toBeLessThan(10);
  });

  it('counts each event from zero once the previous one is dispatched', async () => {
    const lines = eventStreamLines(undefined, 100);
    const writer = lines.stream.writable.getWriter();
    const reader = lines.stream.readable.getReader();
    for (let i = 0; i < 5; i++) {
      void writer.write(encoder.encode(`data: ${'y'.repeat(50)}\n\n`));
      await reader.read();
      lines.eventDone();
    }
    void writer.write(encoder.encode(`data: ${'y'.repeat(50)}\n\n`));
    void writer.write(encoder.encode(`data: ${'y'.repeat(50)}\n\n`));
    await reader.read();
    await expect(reader.read()).rejects.toThrow(EventTooLarge);
  });
});
