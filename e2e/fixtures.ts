import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export { expect };

/** The simulator's default demo token (simulator/app.ts). */
export const DEMO_TOKEN = 'nx-demo-4f6b2c1e9a7d';

type Counters = {
  openStreams: number;
  requests: { list: number; job: number; status: number; stream: number; cancel: number };
  byPath: Record<string, number>;
};

/** Which service the simulator imitates (simulator/profile.ts). */
export type SimProfile = 'contract' | '2026';

type SimJob = { id: string; status: string; [key: string]: unknown };

/** The simulator's test controls (/__sim/*), reset before every test. */
export class Sim {
  constructor(
    private readonly request: APIRequestContext,
    /** Where the simulator's controls are: the dashboard's own origin unless it proxies to a simulator. */
    private readonly origin = '',
  ) {}

  private async post<T>(path: string, data: unknown = {}): Promise<T> {
    const response = await this.request.post(`${this.origin}/__sim/${path}`, { data });
    expect(response.ok(), `POST /__sim/${path} answered ${response.status()}`).toBe(true);
    return (await response.json().catch(() => ({}))) as T;
  }

  reset() {
    return this.post('reset');
  }
  createJob(job: Record<string, unknown> = {}) {
    return this.post<SimJob>('jobs', job);
  }
  finishJob(id: string, result: Record<string, unknown> = {}) {
    return this.post<SimJob>(`jobs/${encodeURIComponent(id)}/finish`, result);
  }
  fault(fault: Record<string, unknown>) {
    return this.post('faults', fault);
  }
  dropStreams() {
    return this.post('drop-streams');
  }
  config(config: {
    pingMs?: number;
    jobTimeoutMs?: number;
    live?: boolean;
    profile?: SimProfile;
    cancelDelayMs?: number;
  }) {
    return this.post('config', config);
  }
  revoke(token: string) {
    return this.post('revoke', { token });
  }
  async counters(): Promise<Counters> {
    const response = await this.request.get(`${this.origin}/__sim/counters`);
    return (await response.json()) as Counters;
  }
}

/** Signs in through storage, as a returning person would be, and opens `path`. */
export async function openSignedIn(page: Page, path = '/jobs') {
  await page.goto('/sign-in');
  await page.evaluate((token) => sessionStorage.setItem('nuextract.token', token), DEMO_TOKEN);
  await page.goto(path);
}

// Chromium reports every failed HTTP response and refused connection on the console; fault tests
// cause those on purpose. Anything else the app logs as an error fails the test.
const EXPECTED_CONSOLE =
  /^Failed to load resource: (the server responded with a status of|net::ERR_)/;

export const test = base.extend<{ sim: Sim; simOrigin: string; simProfile: SimProfile }>({
  simOrigin: ['', { option: true }],
  // The service the simulator imitates, per Playwright project (playwright.config.ts).
  simProfile: ['contract', { option: true }],
  // Automatic: every test starts from the seeded state, even after a test that failed half-way.
  sim: [
    async ({ request, simOrigin, simProfile }, use) => {
      const sim = new Sim(request, simOrigin);
      await sim.reset();
      if (simProfile !== 'contract') await sim.config({ profile: simProfile });
      await use(sim);
    },
    { auto: true },
  ],
  // Every page fails its test on a console error, an uncaught exception, a dialog or a CSP violation.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED_CONSOLE.test(message.text())) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await use(page);
    expect(problems, 'console errors, exceptions, dialogs or CSP violations').toEqual([]);
  },
});
