/**
 * Search benchmark in Chromium on localhost: median time and compressed bytes of the first query
 * on a freshly opened search page (cold cache) and of the queries after it.
 * Usage: npm run build && npm run bench:search [-- --dist dist --runs 7 --json out.json]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { serveStatic } from './lib/static-server';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '7' },
    port: { type: 'string', default: '4377' },
    json: { type: 'string' },
  },
});
const QUERIES = ['竖罐炼镁', '镁合金', '发改委', '工信部联原2023130号', '镁', '盐湖 锂', '还原炼'];
const runs = Number(values.runs);

/** Runs one query through the page's own form and resolves with the milliseconds until results are shown. */
function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((done) => {
        const status = document.querySelector('[data-search-status]')!;
        const input = document.querySelector<HTMLInputElement>('#search-query')!;
        const form = input.form!;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (/^(找到|没有找到)/.test(status.textContent ?? '')) {
            observer.disconnect();
            done(performance.now() - start);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        input.value = text;
        form.requestSubmit();
      }),
    query,
  );
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const server = await serveStatic(resolve(values.dist), Number(values.port));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
const open = { pageBytes: [] as number[], engineBytes: [] as number[] };
const first = { ms: [] as number[], bytes: [] as number[], requests: [] as number[] };
const next = { ms: [] as number[], bytes: [] as number[] };
const perQuery = new Map<string, { ms: number[]; bytes: number[] }>();
try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    let engineBytes = 0;
    // Counts the page's and its search worker's requests: compressed body plus headers, as transferred.
    context.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => undefined);
      if (!sizes) return; // the page closed first
      const transferred = sizes.responseBodySize + sizes.responseHeadersSize;
      bytes += transferred;
      requests += 1;
      if (request.url().includes('/pagefind/')) engineBytes += transferred;
    });
    await page.goto(`http://127.0.0.1:${values.port}/search/`, { waitUntil: 'networkidle' });
    open.pageBytes.push(bytes - engineBytes);
    open.engineBytes.push(engineBytes);
    const order = [...QUERIES.slice(run % QUERIES.length), ...QUERIES.slice(0, run % QUERIES.length)];
    for (const [index, query] of order.entries()) {
      bytes = 0;
      requests = 0;
      const ms = await timeQuery(page, query);
      await page.waitForLoadState('networkidle');
      const entry = perQuery.get(query) ?? { ms: [], bytes: [] };
      entry.ms.push(ms);
      entry.bytes.push(bytes);
      perQuery.set(query, entry);
      if (index === 0) {
        first.ms.push(ms);
        first.bytes.push(bytes);
        first.requests.push(requests);
      } else {
        next.ms.push(ms);
        next.bytes.push(bytes);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

const result = {
  runs,
  pageKB: +(median(open.pageBytes) / 1024).toFixed(1),
  engineKB: +(median(open.engineBytes) / 1024).toFixed(1),
  firstQuery: { medianMs: Math.round(median(first.ms)), medianKB: +(median(first.bytes) / 1024).toFixed(1), medianRequests: median(first.requests) },
  nextQuery: { medianMs: Math.round(median(next.ms)), medianKB: +(median(next.bytes) / 1024).toFixed(1) },
};
console.log(`search benchmark (${values.dist}, ${runs} runs, queries: ${QUERIES.join(' / ')})`);
console.log(`| | median time | median transferred (compressed) |\n|---|---|---|`);
console.log(`| the /search/ page itself (HTML, CSS, JS) | | ${result.pageKB} KB |`);
console.log(`| search engine, loaded as the page opens (Pagefind JS, WebAssembly, index entry) | | ${result.engineKB} KB |`);
console.log(`| first query (index chunks and the shown documents) | ${result.firstQuery.medianMs} ms | ${result.firstQuery.medianKB} KB in ${result.firstQuery.medianRequests} requests |`);
console.log(`| first query with the engine | | ${+(result.engineKB + result.firstQuery.medianKB).toFixed(1)} KB |`);
console.log(`| next queries | ${result.nextQuery.medianMs} ms | ${result.nextQuery.medianKB} KB |`);
console.log(`\nper query (median over all runs): ${[...perQuery].map(([query, entry]) => `${query} ${Math.round(median(entry.ms))} ms ${(median(entry.bytes) / 1024).toFixed(1)} KB`).join(' · ')}`);
if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n');
