// Build only: how the code a first visit runs is cut. main.ts imports React's DOM renderer first, then
// the app (src/boot.tsx), so that each is evaluated in a task of its own instead of one long task. Two
// chunks hold that code: React (react, react-dom, scheduler) and the app (boot.tsx and every module it
// imports that the entry does not hold already). Left to itself the bundler cuts the modules the two
// imports, the entry and the lazy pages share into many small chunks: more requests, worse compression.
import { fileURLToPath } from 'node:url';
import type { Rolldown } from 'vite';

const ENTRY = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const BOOT = fileURLToPath(new URL('../src/boot.tsx', import.meta.url));

/** Every module `from` imports statically, itself included. */
function staticGraph(from: string, ctx: Rolldown.ChunkingContext): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) visit(imported);
  };
  visit(from);
  return seen;
}

export function bootChunkGroups(): Rolldown.CodeSplittingGroup[] {
  let app: Set<string> | undefined;
  return [
    {
      name: 'react-dom',
      test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|src[\\/]dom-renderer\.ts$/,
      priority: 2,
    },
    {
      name(id, ctx) {
        if (!app) {
          const entry = staticGraph(ENTRY, ctx);
          app = new Set([...staticGraph(BOOT, ctx)].filter((module) => !entry.has(module)));
        }
        return app.has(id) ? 'boot' : null;
      },
      // Its label in the bundler's report (the name is a function).
      debugName: 'boot',
      priority: 1,
      // The entry's modules stay in the entry (this chunk imports them): were they pulled in here, the
      // entry would import the whole app statically.
      includeDependenciesRecursively: false,
    },
  ];
}
