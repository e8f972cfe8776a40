import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { simulatorPlugin } from './simulator/vite-plugin.ts';
import { reactRouterProduction } from './scripts/react-router-production.ts';
import { precompress } from './scripts/precompress.ts';
import { preloadBoot } from './scripts/preload-boot.ts';
import { bootChunkGroups } from './scripts/boot-chunks.ts';

// `npm run dev` only (production is server/): with NUEXTRACT_API_URL set, /api goes to that upstream;
// otherwise the built-in simulator answers it. The dev server goes without the production headers
// (server/security-headers.ts): React's fast refresh injects inline code.
const upstream = process.env.NUEXTRACT_API_URL;
const apiProxy = upstream
  ? { '/api': { target: upstream, changeOrigin: true, secure: true } }
  : undefined;

export default defineConfig({
  plugins: [
    reactRouterProduction(),
    react(),
    tailwindcss(),
    simulatorPlugin(),
    preloadBoot(),
    precompress(),
  ],
  server: { proxy: apiProxy },
  build: {
    // DIST_DIR lets two test runs on one machine keep their builds apart (server/ serves the same dir).
    outDir: process.env.DIST_DIR ?? 'dist',
    // The browsers Tailwind v4 supports (its CSS needs them anyway): the CSS keeps oklch colours and
    // color-mix() as they are instead of adding fallbacks (about 0.8 KB gzip of the first page).
    target: ['chrome111', 'edge111', 'firefox128', 'safari16.4'],
    // Maps for error reports stay on disk, unreferenced; server/ never serves them.
    sourcemap: 'hidden',
    // The polyfill only matters for <link rel="modulepreload"> in Safari 16, which then loads the app's
    // code (boot.tsx) once the entry runs instead of beside it (about 0.2 KB gzip of every page).
    modulePreload: { polyfill: false },
    // scripts/bundle-size.ts follows each page's chunks (lazy routes included) through the manifest.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: bootChunkGroups(),
        },
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'simulator/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    // A 2-core machine running the browser tests beside these can make a jsdom render take seconds:
    // a wait is not a failure, so allow for it.
    testTimeout: 20_000,
  },
});
