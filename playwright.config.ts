import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/browser-path.ts';
import type { SimProfile } from './e2e/fixtures.ts';

// E2E_PORT lets two runs (two checkouts) share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig<{ simProfile: SimProfile }>({
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
  projects: [
    // The contract as the vendor documented it (Dec 2025): every spec but the 2026 one.
    { name: 'contract', testIgnore: /service-2026\.spec\.ts$/ },
    // The service as it is in 2026 (vendor-2026.md; the simulator's 2026 profile, set by the `sim`
    // fixture): its own spec, and the job-page and list flows that differ there run again (not all of
    // both specs: the suite's time counts). Left out: checks of what only the contract's detail
    // endpoint gives (a failed job's own error code, where 2026 sends 413; one stream).
    // The list's page-size and arrival flows run too: the profile's microsecond `+00:00` times are
    // what the new-jobs notice and the drift check compare.
    {
      name: 'service-2026',
      use: { simProfile: '2026' },
      testMatch: /(service-2026|job-page|jobs-list)\.spec\.ts$/,
      grep: [
        /service-2026\.spec/,
        /following a job live/,
        /refusals/,
        /walks to the last partial page/,
        /live rows/,
        /Per page changes the page size/,
        /jobs arriving/,
      ],
      grepInvert: [/polls \/status until the job is done/, /a running row turns completed/],
    },
  ],
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
