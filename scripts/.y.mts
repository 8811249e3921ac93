import { chromium } from '@playwright/test';
import { serveStatic } from './lib/static-server';
import { queryTokens, queryWords } from '../src/lib/search/normalize';
const dist = process.argv[2];
const server = await serveStatic(dist, 4389, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4389/search/', { waitUntil: 'networkidle' });
const queries = ['竖罐炼镁', '镁合金', '发改委', '工信部联原2023130号', '镁', '盐湖 锂', '还原炼'].map((q) => queryTokens(queryWords(q)));
const out = await page.evaluate(async (queries) => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const lines: string[] = [];
  for (const withFilters of [false, true]) {
    if (withFilters) { const t = performance.now(); await pf.filters(); lines.push(`filters loaded ${Math.round(performance.now() - t)} ms`); }
    for (const q of queries) {
      let t = performance.now(); const r = await pf.search(q); const cold = performance.now() - t;
      t = performance.now(); await pf.search(q); const warm = performance.now() - t;
      lines.push(`${withFilters ? 'F' : '-'} ${q.slice(0, 30)} results ${r.results.length} first ${Math.round(cold)} ms again ${Math.round(warm)} ms`);
    }
  }
  return lines;
}, queries);
console.log(out.join('\n'));
await browser.close(); server.close();
