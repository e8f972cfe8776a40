// Build only: index.html preloads the app's code (src/boot.tsx and the chunks it imports). The entry
// (src/main.ts) only sends the list's early request and then imports boot.tsx; without these links the
// browser would start fetching the app's code only once the entry has run.
import type { Plugin } from 'vite';

const BOOT = /\/src\/boot\.tsx$/;

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
        const files = [boot.fileName, ...boot.imports].filter((file) => file !== entry?.fileName);
        return [...new Set(files)].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
