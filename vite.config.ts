import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

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

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
  build: { target: 'es2022', sourcemap: true },
  test: {
    globals: true,
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'simulator/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
  },
});
