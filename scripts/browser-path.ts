import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests and benchmarks use: $CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else undefined (Playwright's own browser, when a developer's laptop has one installed).
 */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => path && existsSync(path));
}

// Flags for headless Chromium on a locked-down machine: no sandbox as root, no background traffic.
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
