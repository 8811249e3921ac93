/**
 * The one place that knows where the browser is. Tests, benchmarks and screenshots use a Chromium
 * already on the machine and never download one: CHROMIUM_PATH, Debian's package, Google Chrome,
 * or a browser Playwright installed before.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Flags that let Chromium run headless as root, with no network of its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** The command that installs the browser the tests use, for messages. */
export const INSTALL_CHROMIUM = 'apt-get install -y chromium';

/** Browsers Playwright downloaded on an earlier occasion, newest first. */
function playwrightBrowsers(): string[] {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((name) => /^chromium-\d+$/.test(name))
    .sort((a, b) => Number(b.split('-')[1]) - Number(a.split('-')[1]))
    .flatMap((name) => ['chrome-linux64/chrome', 'chrome-linux/chrome'].map((binary) => join(cache, name, binary)));
}

/** The Chromium to use: the first that exists of CHROMIUM_PATH, the system's packages and Playwright's cache. */
export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', ...playwrightBrowsers()].find((path) => existsSync(path));
}

/** The Chromium to use, or an error that says how to get one. */
export function requireChromium(): string {
  const path = findChromium();
  if (path) return path;
  throw new Error(
    process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist`
      : `no Chromium found: install Debian's (${INSTALL_CHROMIUM}) or set CHROMIUM_PATH to a Chrome or Chromium binary`,
  );
}
