import { wholeLines } from './whole-lines.ts';

async function run(chunks: string[]): Promise<string[]> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  const out: string[] = [];
  const reader = source.pipeThrough(wholeLines()).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read())
    out.push(decoder.decode(r.value));
  return out;
}

describe('wholeLines', () => {
  it('only lets through chunks that end at a line end, keeping every byte', async () => {
    const out = await run([
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

  it('passes the rest through at the end', async () => {
    expect(await run(['a\nb', 'c'])).toEqual(['a\n', 'bc']);
  });

  it('joins a long line from many small chunks once', async () => {
    const line = 'x'.repeat(100_000);
    const chunks = line.match(/.{1,100}/g) ?? [];
    const out = await run([...chunks, '\n']);
    expect(out).toEqual([`${line}\n`]);
  });

  it('reports every chunk as a sign of life', async () => {
    const seen: number[] = [];
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([120]));
        controller.enqueue(new Uint8Array([10]));
        controller.close();
      },
    });
    const reader = source.pipeThrough(wholeLines(() => seen.push(1))).getReader();
    while (!(await reader.read()).done);
    expect(seen).toHaveLength(2);
  });
});
