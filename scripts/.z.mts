import { chromium } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { serveStatic } from './lib/static-server';
const dist = process.argv[2];
const server = await serveStatic(dist, 4390, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4390/search/', { waitUntil: 'networkidle' });
const names = readdirSync(`${dist}/search/records`);
for (const size of [1, 1, 3, 5, 6, 10, 10, 20]) { const round = size * 7;
  const batch = names.slice(round, round + size).map((n) => `/search/records/${n}`);
  const ms = await page.evaluate(async (urls) => { const t = performance.now(); await Promise.all(urls.map((u) => fetch(u).then((r) => r.json()))); return performance.now() - t; }, batch);
  console.log(size, "records", Math.round(ms), 'ms');
}
await browser.close(); server.close();
