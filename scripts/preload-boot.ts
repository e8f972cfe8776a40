// Build only: index.html preloads the app's code (src/boot.tsx, React's DOM renderer and the chunks
// they import). The entry (src/main.ts) only sends the list's early request and then imports them;
// without these links the browser would start fetching the app's code only once the entry has run.
import type { Plugin } from 'vite';

/** The modules main.ts imports once the early request has left, in that order. */
const STARTED = [/\/src\/dom-renderer\.ts$/, /\/src\/boot\.tsx$/];

type Chunk = { fileName: string; imports: string[]; moduleIds: string[] };

export function preloadBoot(): Plugin {
  return {
    name: 'preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        const chunks = new Map<string, Chunk>();
        for (const c of Object.values(bundle ?? {}))
          if (c.type === 'chunk') chunks.set(c.fileName, c);
        const files = new Set<string>();
        const add = (chunk: Chunk) => {
          if (files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          for (const file of chunk.imports) {
            const imported = chunks.get(file);
            if (imported) add(imported);
          }
        };
        for (const module of STARTED) {
          const chunk = [...chunks.values()].find((c) => c.moduleIds.some((id) => module.test(id)));
          if (!chunk) throw new Error(`preload-boot: no chunk holds ${module.source}`);
          add(chunk);
        }
        // The entry and what it imports statically are linked by Vite already.
        for (const file of [entry?.fileName, ...(entry?.imports ?? [])])
          if (file) files.delete(file);
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
