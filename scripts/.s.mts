import { chromium } from '@playwright/test';
import { serveStatic } from './lib/static-server';
const [dist, ...paths] = process.argv.slice(2);
const server = await serveStatic(dist, 4391, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const [i, spec] of paths.entries()) {
  const [path, width, scheme, clip] = spec.split('|');
  const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 }, colorScheme: (scheme as 'dark') ?? 'light' });
  await page.goto(`http://127.0.0.1:4391${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1200);
  if (clip === 'bottom') await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: `/tmp/shot-${i}.png`, fullPage: false });
  console.log(`/tmp/shot-${i}.png`, path, await page.locator('[data-search-status]').textContent().catch(() => ''));
  await page.close();
}
await browser.close(); server.close();
