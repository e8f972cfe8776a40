import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { simulatorPlugin } from './simulator/vite-plugin.ts';
import { reactRouterProduction } from './scripts/react-router-production.ts';

// With NUEXTRACT_API_URL set, /api goes to that upstream; otherwise the built-in simulator answers it.
const upstream = process.env.NUEXTRACT_API_URL;
const apiProxy = upstream
  ? {
      '/api': {
        target: upstream,
        changeOrigin: true,
        secure: true,
      },
    }
  : undefined;

// The production headers (security guide): served by `vite preview` (so `npm start`) and mirrored in the
// README's deployment example. The dev server goes without the CSP: React's fast refresh injects inline code.
const apiOrigin = process.env.VITE_API_BASE_URL
  ? new URL(process.env.VITE_API_BASE_URL).origin
  : '';
const securityHeaders = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join('; '),
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export default defineConfig({
  plugins: [reactRouterProduction(), react(), tailwindcss(), simulatorPlugin()],
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy, headers: securityHeaders },
  build: {
    // DIST_DIR lets two test runs on one machine keep their builds apart (preview serves the same dir).
    outDir: process.env.DIST_DIR ?? 'dist',
    // The browsers Tailwind v4 supports (its CSS needs them anyway): the CSS keeps oklch colours and
    // color-mix() as they are instead of adding fallbacks (about 0.8 KB gzip of the first page).
    target: ['chrome111', 'edge111', 'firefox128', 'safari16.4'],
    sourcemap: true,
    // The polyfill only matters for <link rel="modulepreload"> in Safari 16: index.html has none (one
    // entry chunk) and a lazy chunk's imports load with it anyway (about 0.2 KB gzip of every page).
    modulePreload: { polyfill: false },
    // scripts/bundle-size.ts follows each page's chunks (lazy routes included) through the manifest.
    manifest: true,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'simulator/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
