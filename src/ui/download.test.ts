import { formatBytes } from '../lib/format.ts';
import { utf8Length } from '../lib/bytes.ts';
import { safeFileName } from './download.ts';
import { splitChunks } from './large-text.tsx';

describe('file names and sizes', () => {
  it('makes any id a safe file name', () => {
    expect(safeFileName('../../etc/passwd', 'json')).toBe('etc_passwd.json');
    expect(safeFileName('a b\u202ecod.exe', 'txt')).toBe('a_b_cod.exe.txt');
    expect(safeFileName('', 'txt')).toBe('job.txt');
    expect(safeFileName('x'.repeat(500), 'json')).toHaveLength(85);
  });

  it('measures UTF-8 like an encoder, lone surrogates as U+FFFD', () => {
    for (const text of ['abc', 'é', '€', '👋🏽', 'مرحبا', '\ud800x', 'x\udc00']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(3.2 * 1024 * 1024)).toBe('3.2 MB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
  });

  it('rounds sizes into the next unit rather than show 1024 of one, and shows no 10.0', () => {
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1_048_063)).toBe('1023 KB'); // 1023.499 KB
    expect(formatBytes(1_048_064)).toBe('1.0 MB'); // 1023.5 KB
    expect(formatBytes(10_137)).toBe('9.9 KB'); // 9.899 KB
    expect(formatBytes(10_189)).toBe('10 KB'); // 9.950 KB
  });

  it('splits long text into pieces at line ends, never inside a surrogate pair', () => {
    const lines = splitChunks('aaaa\nbbbb\ncccc', 5);
    expect(lines.join('')).toBe('aaaa\nbbbb\ncccc');
    expect(lines[0]).toBe('aaaa\n');
    const emoji = '👋'.repeat(10);
    const pieces = splitChunks(emoji, 5);
    expect(pieces.join('')).toBe(emoji);
    for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});
