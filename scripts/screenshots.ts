/**
 * Full-page screenshots of pages of a running site, at phone and desktop width, light and dark.
 * Usage: npm run preview (in another shell), then
 *   npx tsx scripts/screenshots.ts [--base http://127.0.0.1:4321] [--out screenshots] /path/ …
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string', default: 'http://127.0.0.1:4321' }, out: { type: 'string', default: 'screenshots' } },
});
mkdirSync(values.out, { recursive: true });

const browser = await chromium.launch({
  executablePath: requireChromium(),
  args: CHROMIUM_ARGS,
});
for (const width of [375, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
    for (const path of positionals.length > 0 ? positionals : ['/']) {
      await page.goto(new URL(path.replace(/^\//, ''), values.base.replace(/\/?$/, '/')).href);
      const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: join(values.out, name), fullPage: true });
      console.log(join(values.out, name));
    }
    await page.close();
  }
}
await browser.close();
