// Makes sure a Chromium is there for the browser tests: Debian's package, installed with apt-get when
// missing. Nothing here downloads a browser build of its own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser-path.ts';

function playwrightOwnBrowser() {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (chromiumPath()) {
  console.log(`Browser: ${chromiumPath()}`);
} else if (playwrightOwnBrowser()) {
  console.log("Browser: Playwright's own Chromium");
} else {
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!hasApt) {
    console.error(
      'No Chromium found. Install one (Debian/Ubuntu: apt-get install chromium) and/or set CHROMIUM_PATH ' +
        'to its executable, then run the tests again.',
    );
    process.exit(1);
  }
  const sudo = isRoot ? '' : 'sudo ';
  console.log("No Chromium found: installing Debian's chromium package with apt-get…");
  try {
    execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
    execSync(`${sudo}apt-get install -y -qq chromium`, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(
      `Installing chromium failed. Run "${sudo}apt-get install chromium" yourself, or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  if (!chromiumPath()) {
    console.error('chromium was installed but /usr/bin/chromium is missing; set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log(`Browser: ${chromiumPath()}`);
}
