import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.PW_PORT ?? 4329);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
}

// Debian's Chromium, never a downloaded browser; flags that let it run as root without a network.
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? 'list' : [['list']],
  use: { baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN' },
  // Every test at phone and desktop width, in light and dark.
  projects: (['light', 'dark'] as const).flatMap((colorScheme) => [
    { name: `desktop-${colorScheme}`, use: { ...chromium, colorScheme, viewport: { width: 1280, height: 800 } } },
    { name: `phone-${colorScheme}`, use: { ...chromium, colorScheme, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true } },
  ]),
  webServer: {
    // The built site, served as a static host would; run `npm run build` first.
    command: `node_modules/.bin/astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
