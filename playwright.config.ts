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
      // The production build (npm run test:e2e builds it first) on the production server (server/), run
      // from source, in demo mode with the simulator's test controls on and its clock quiet.
      command: 'npx tsx server/main.ts',
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SIM_CONTROLS: '1',
        SIM_LIVE: '0',
        NUEXTRACT_API_URL: '',
      },
      timeout: 60_000,
    },
    // The real-API set-up (e2e/proxy.spec.ts): a standalone simulator as the upstream, and the same
    // build on the production server with NUEXTRACT_API_URL pointing at it.
    {
      command: `npx tsx simulator/cli.ts --port ${PORT + 1}`,
      url: `http://127.0.0.1:${PORT + 1}/__sim/demo`,
      reuseExistingServer: false,
      env: { SIM_CONTROLS: '1', SIM_LIVE: '0', SIM_PING_MS: '300' },
      timeout: 60_000,
    },
    {
      command: 'npx tsx server/main.ts',
      url: `http://127.0.0.1:${PORT + 2}/healthz`,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT + 2),
        HOST: '127.0.0.1',
        NUEXTRACT_API_URL: `http://127.0.0.1:${PORT + 1}`,
      },
      timeout: 60_000,
    },
  ],
});
