import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './scripts/lib/chromium';
import { servedUrl, testSites } from './scripts/lib/test-sites';

// Tests that read the built files (axe's page list, the URL lock) read the test site's build.
process.env.DIST_DIR ??= testSites.site.outDir;

// A machine's Chromium, never a downloaded browser.
const chromium = { ...devices['Desktop Chrome'], launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS } };

/** Tests whose outcome depends on the width or the colour scheme carry this tag and run in every view. */
const EVERY_VIEW = '@every-view';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // A browser test keeps a core busy (rendering, axe): one worker per core; more only made each test slower.
  workers: Number(process.env.PW_WORKERS ?? 2),
  // A search's first answer loads the engine (WebAssembly) and the index: on a busy two-core machine that can outlast 5 s.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: { baseURL: servedUrl(testSites.site).replace(/\/$/, ''), locale: 'zh-CN' },
  // Every test on a wide screen in light mode; those tagged @every-view also at phone width and in dark mode.
  projects: [
    { name: 'desktop-light', use: { ...chromium, colorScheme: 'light', viewport: { width: 1280, height: 800 } } },
    { name: 'desktop-dark', grep: new RegExp(EVERY_VIEW), use: { ...chromium, colorScheme: 'dark', viewport: { width: 1280, height: 800 } } },
    ...(['light', 'dark'] as const).map((colorScheme) => ({
      name: `phone-${colorScheme}`,
      grep: new RegExp(EVERY_VIEW),
      use: { ...chromium, colorScheme, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true },
    })),
  ],
  // The test sites, built by `npm test` (or `npm run test:build`), served as a static host would.
  // A port already in use fails the run: the tests never talk to a server they did not start.
  webServer: Object.values(testSites).map((site) => ({
    command: `node_modules/.bin/astro preview --ignore-lock --outDir ${site.outDir} --host 127.0.0.1 --port ${site.port}`,
    env: { SITE: site.site, BASE: site.base },
    url: servedUrl(site),
    reuseExistingServer: false,
    timeout: 60_000,
  })),
});
