// Build only: index.html preloads the list worker's script and the app's code (src/boot.tsx and the
// chunks it imports). The entry (src/main.ts) only starts the worker, which sends the list's early
// request, and then imports boot.tsx; without these links the browser would start fetching both only
// once the entry has run. The worker's script comes first: the list's request waits for it.
import type { Plugin } from 'vite';

const BOOT = /\/src\/boot\.tsx$/;
const ROWS_WORKER = /^assets\/rows-worker-[\w-]+\.js$/;

export function preloadBoot(): Plugin {
  return {
    name: 'preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        const chunks = Object.values(bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const boot = chunks.find((c) => BOOT.test(c.facadeModuleId ?? ''));
        if (!boot) throw new Error('preload-boot: no chunk for src/boot.tsx');
        // Emitted as an asset; fetched again by the Worker, from the HTTP cache (immutable assets).
        const worker = Object.keys(bundle ?? {}).find((file) => ROWS_WORKER.test(file));
        if (!worker) throw new Error('preload-boot: no script for src/jobs/list/rows-worker.ts');
        const files = [worker, boot.fileName, ...boot.imports].filter(
          (file) => file !== entry?.fileName,
        );
        return [...new Set(files)].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
