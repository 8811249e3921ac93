import { chromium } from '@playwright/test';
import { serveStatic } from './lib/static-server';
const dist = process.argv[2];
const server = await serveStatic(dist, 4388, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const context = await browser.newContext();
const page = await context.newPage();
let t0 = 0; const log: string[] = [];
context.on('request', (r) => { if (!r.url().includes('records')) log.push(`req ${Math.round(Date.now() - t0)} ${r.url().split('/').slice(-2).join('/')}`); });
context.on('requestfinished', (r) => { if (!r.url().includes('records')) log.push(`fin ${Math.round(Date.now() - t0)} ${r.url().split('/').slice(-1)}`); });
await page.goto('http://127.0.0.1:4388/search/', { waitUntil: 'networkidle' });
await page.focus('#search-query');
await page.waitForLoadState('networkidle');
await page.waitForTimeout(500);
for (const q of (process.argv[3] ?? '镁合金,竖罐炼镁,盐湖 锂').split(',')) {
  t0 = Date.now(); log.length = 0;
  const r = await page.evaluate(async (text) => {
    performance.clearResourceTimings();
    const status = document.querySelector('[data-search-status]')!;
    const input = document.querySelector<HTMLInputElement>('#search-query')!;
    const start = performance.now();
    const done = new Promise<number>((resolve) => { const o = new MutationObserver(() => { if (/^(找到|没有找到)/.test(status.textContent ?? '')) { o.disconnect(); resolve(performance.now() - start); } }); o.observe(status, { childList: true, characterData: true, subtree: true }); });
    input.value = text; input.form!.requestSubmit();
    const total = await done;
    const res = performance.getEntriesByType('resource').map((e) => `${(e as PerformanceResourceTiming).name.split('/').slice(-2).join('/')} ${Math.round(e.startTime - start)}→${Math.round((e as PerformanceResourceTiming).responseEnd - start)} ${(e as PerformanceResourceTiming).transferSize}`);
    return { total: Math.round(total), res };
  }, q);
  console.log(q, r.total, 'ms'); console.log('  ' + log.join('\n  ')); console.log('  ' + r.res.join('\n  '));
  await page.waitForTimeout(800);
}
await browser.close(); server.close();
