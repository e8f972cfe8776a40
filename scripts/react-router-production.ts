// Two things make react-router 7 heavier than it has to be in our production bundle (measured on the
// first page, gzip: 0.6 KB for 1., 1.8 KB for 2., and 2. lets src/ui/link.tsx drop another 2.2 KB; the
// budget is checked by scripts/check-bundle.ts):
// 1. Its package.json exports only `dist/development/*`, whose only difference from `dist/production/*`
//    is `ENABLE_DEV_WARNINGS = true` (a `var`, so the minifier keeps every warning).
// 2. `var NavLink = React.forwardRef(...)` (no pure annotation) followed by `NavLink.displayName = "…"`
//    keeps NavLink, Form, ScrollRestoration and their helpers alive even though nothing uses them.
// Build only: dev and tests keep the development build and its warnings.
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';

const PRODUCTION_CHUNK = /[\\/]react-router[\\/]dist[\\/]production[\\/]chunk-[^\\/]+\.mjs$/;

export function reactRouterProduction(): Plugin {
  return {
    name: 'react-router-production',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== 'react-router') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved) return null;
      const production = resolved.id.replace(
        /([\\/]dist[\\/])development([\\/])/,
        '$1production$2',
      );
      // If a release moves its files, fall back to what the package exports (the budget check notices).
      return production !== resolved.id && existsSync(production)
        ? { ...resolved, id: production }
        : resolved;
    },
    transform(code, id) {
      if (!PRODUCTION_CHUNK.test(id)) return null;
      // Both edits keep every line where it was, so the source map stays right.
      return {
        code: code
          // Creating a context, a forwardRef or a memo component has no side effect.
          .replace(/= (React\d*)\.(createContext|forwardRef|memo)\(/g, '= /* @__PURE__ */ $1.$2(')
          // Top-level `X.displayName = "…"` only names components for React DevTools.
          .replace(/^[\w$]+\.displayName = "[^"\n]*";$/gm, ''),
        map: null,
      };
    },
  };
}
