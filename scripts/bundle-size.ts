import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
  /** Files a chunk refers to by URL: a worker's script among them. */
  assets?: string[];
};
type Manifest = Record<string, ManifestChunk>;

export type PageLoad = {
  page: PageName;
  files: { file: string; gzipBytes: number }[];
  totalGzipBytes: number;
};

/**
 * The pages a first visit can land on, by the route modules they render. A route module that is a lazy
 * chunk is followed through the manifest with everything it imports; one that is not is part of the
 * entry already. The job page also draws its JSON tree (its own chunk) for any JSON payload.
 */
export const PAGES = [
  { page: 'sign-in', modules: ['src/auth/sign-in-page.tsx'] },
  { page: 'jobs list', modules: ['src/jobs/list/jobs-page.tsx'] },
  { page: 'job', modules: ['src/jobs/job-page.tsx', 'src/ui/json-viewer/json-tree.tsx'] },
] as const;

export type PageName = (typeof PAGES)[number]['page'];

function readManifest(distDir: string): Manifest {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build with build.manifest: true (vite.config.ts)`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Scripts and stylesheets index.html itself loads (theme-init.js, the entry, its preloads, the CSS). */
function htmlAssets(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files: string[] = [];
  for (const match of html.matchAll(
    /<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.(?:js|css))"/g,
  )) {
    if (match[1]) files.push(match[1]);
  }
  return files;
}

/**
 * The JS and CSS each first page loads (gzipped): index.html's own assets, the entry's static imports
 * and, for a lazy route, its chunk and that chunk's static imports and CSS, and the worker scripts those
 * chunks can start. Throws when a page's module no longer exists, so a rename cannot quietly shrink
 * what is measured.
 */
export function firstLoadSizes(distDir = process.env.DIST_DIR ?? 'dist'): PageLoad[] {
  const manifest = readManifest(distDir);
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk');
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(distDir, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };

  return PAGES.map(({ page, modules }) => {
    const files = new Set(htmlAssets(distDir));
    const visited = new Set<ManifestChunk>();
    const visit = (chunk: ManifestChunk) => {
      if (visited.has(chunk)) return;
      visited.add(chunk);
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      // A worker the chunk can start (the list's parser is in the entry): counted where it may load.
      for (const script of (chunk.assets ?? []).filter((file) => file.endsWith('.js'))) {
        files.add(script);
      }
      for (const key of chunk.imports ?? []) {
        const imported = manifest[key];
        if (imported) visit(imported);
      }
    };
    visit(entry);
    // What index.html preloads (the app's code, scripts/preload-boot.ts) loads on every page.
    for (const file of [...files]) {
      const preloaded = Object.values(manifest).find((chunk) => chunk.file === file);
      if (preloaded) visit(preloaded);
    }
    for (const module of modules) {
      if (!existsSync(module)) throw new Error(`${page}: ${module} does not exist (update PAGES)`);
      const lazy = manifest[module];
      if (lazy) visit(lazy);
    }
    const measured = [...files].map((file) => ({ file, gzipBytes: sizeOf(file) }));
    return {
      page,
      files: measured,
      totalGzipBytes: measured.reduce((sum, f) => sum + f.gzipBytes, 0),
    };
  });
}

// KiB (1024 bytes), as the budget counts; gzip at zlib's default level, as servers commonly send it.
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
