import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/browser-path.ts';

// E2E_PORT lets two runs (two checkouts) share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // One simulator serves every test, and tests reset it: run them one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous waits: the machine is 2 cores shared by the browser, three servers and the test runner.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Each port its own folder, so two runs on one machine do not delete each other's traces.
  outputDir: process.env.E2E_PORT ? `test-results-${PORT}` : 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // The production build (npm run test:e2e builds it first) on vite preview, with the simulator's
      // test controls on and its clock quiet.
      command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/sign-in`,
      reuseExistingServer: false,
      env: { SIM_CONTROLS: '1', SIM_LIVE: '0', NUEXTRACT_API_URL: '' },
      timeout: 60_000,
    },
    // The real-API set-up (e2e/proxy.spec.ts): a standalone simulator as the upstream, and the same
    // build on vite preview with NUEXTRACT_API_URL pointing at it.
    {
      command: `npx tsx simulator/cli.ts --port ${PORT + 1}`,
      url: `http://127.0.0.1:${PORT + 1}/__sim/demo`,
      reuseExistingServer: false,
      env: { SIM_CONTROLS: '1', SIM_LIVE: '0', SIM_PING_MS: '300' },
      timeout: 60_000,
    },
    {
      command: `npx vite preview --port ${PORT + 2} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT + 2}/sign-in`,
      reuseExistingServer: false,
      env: { NUEXTRACT_API_URL: `http://127.0.0.1:${PORT + 1}` },
      timeout: 60_000,
    },
  ],
});
