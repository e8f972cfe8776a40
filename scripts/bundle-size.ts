import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type FirstLoad = { files: { file: string; gzipBytes: number }[]; totalGzipBytes: number };

/** The JS and CSS the first page loads (index.html's scripts, module preloads and stylesheets), gzipped. */
export function firstLoadSizes(distDir = 'dist'): FirstLoad {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"/g)) {
    if (match[1]) urls.add(match[1]);
  }
  const files = [...urls].map((url) => ({
    file: url,
    gzipBytes: gzipSync(readFileSync(join(distDir, url))).length,
  }));
  return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
