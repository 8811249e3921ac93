/**
 * Search benchmark in Chromium on localhost: median time and compressed bytes of the first query
 * on a freshly opened search page (cold cache) and of the queries after it; then how well the
 * built index answers (every document holding a query found; the first page of results the best).
 * Used by scripts/bench-search.ts (`npm run bench:search`), scripts/bench.ts and scripts/bench-scale.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { queryTokens, queryWords } from '../../src/lib/search/normalize';
import { assessDocument } from '../../src/lib/search/rank';
import type { SearchConfig } from '../../src/lib/search/search-page';
import type { SearchRecord } from '../../src/lib/search/sections';
import { serveStatic } from './static-server';
import { CHROMIUM_ARGS, requireChromium } from './chromium';

export const SEARCH_QUERIES = ['竖罐炼镁', '镁合金', '发改委', '工信部联原2023130号', '镁', '盐湖 锂', '还原炼'];
/** The quality check asks the timed queries and policy terms common enough to match hundreds of documents at scale. */
const QUALITY_QUERIES = [...SEARCH_QUERIES, '有色金属', '高质量发展', '循环利用', '节能', '产能', '碳达峰', '再生资源', '工业和信息化部', '原材料', '绿色低碳', '指导意见', '科技', '镁 合金'];
/** The results a reader sees first. */
const FIRST_PAGE = 10;

export interface SearchBenchmarkOptions {
  /** The built site to serve. */
  dist: string;
  /** Fresh page loads; each runs every query once, starting at a different one. */
  runs?: number;
  port?: number;
  base?: string;
  queries?: string[];
}

export interface SearchBenchmarkResult {
  dist: string;
  runs: number;
  queries: string[];
  /** The /search/ page itself (HTML, CSS, JS), compressed, as the page opens. */
  pageKB: number;
  /** Pagefind's JS, WebAssembly and index entry, loaded when the reader puts the cursor in the search box. */
  engineKB: number;
  firstQuery: { medianMs: number; medianKB: number; medianRequests: number };
  nextQuery: {
    medianMs: number;
    medianKB: number;
    /** Later queries answered from what the engine had loaded already, and those that made requests (index chunks, records). */
    withoutRequests: { count: number; medianMs: number };
    withRequests: { count: number; medianMs: number };
  };
  perQuery: { query: string; medianMs: number; medianKB: number }[];
  quality: SearchQuality;
}

/** How well the index answers, judged against every document's search record. */
export interface SearchQuality {
  queries: number;
  /** Documents holding every word of a query, summed over the queries, and how many of them Pagefind returned. */
  holding: number;
  found: number;
  /**
   * Of the first page a reader sees (up to 10 results), the share that are among the best 10 of all
   * the documents holding the query, by the search page's own ranking (rank.ts), ties included;
   * the mean over the queries that find anything.
   */
  firstPagePrecision: number;
}

/** The middle value (the mean of the middle two for an even count). */
export const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

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
          if (/^(找到|没有找到|只在报告综述中找到)/.test(status.textContent ?? '')) {
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

/**
 * Asks every quality query through the search page and checks the answer against all the search
 * records of the build: which documents hold the query, which of them Pagefind returned, and how
 * many of the first page's results are among the best.
 */
async function measureQuality(browser: Browser, dist: string, origin: string, base: string): Promise<SearchQuality> {
  const config = JSON.parse(/<script type="application\/json" id="search-config">([^<]*)<\/script>/.exec(readFileSync(join(dist, 'search', 'index.html'), 'utf8'))![1]) as SearchConfig;
  const recordDir = join(dist, 'search', 'records');
  const records = new Map(
    readdirSync(recordDir).map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(recordDir, file), 'utf8')) as SearchRecord]),
  );
  const byUrl = new Map([...records.values()].map((record) => [record.url, record]));
  const context = await browser.newContext();
  const page = await context.newPage();
  let holding = 0;
  let found = 0;
  const precisions: number[] = [];
  for (const query of QUALITY_QUERIES) {
    const words = queryWords(query, config.variants);
    const score = (record: SearchRecord) => assessDocument(record.sections, words);
    const holders = [...records].filter(([, record]) => score(record).complete);
    await page.goto(`${origin}${base}search/?q=${encodeURIComponent(query)}`);
    await page.locator('[data-search-status]').filter({ hasText: /^(找到|没有找到|只在报告综述中找到)/ }).waitFor();
    const shown = await page.locator('ol[data-exact] > li h3 > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('?')[0]));
    // The page's own Pagefind (the same module URL, so its instance and options): every candidate.
    const candidates = new Set(
      await page.evaluate(
        async ([url, tokens]) => {
          const pagefind = (await import(url)) as { search: (term: string) => Promise<{ results: { id: string }[] }> };
          return (await pagefind.search(tokens)).results.map((result) => result.id);
        },
        [`${base}pagefind/pagefind.js`, queryTokens(words)] as const,
      ),
    );
    holding += holders.length;
    found += holders.filter(([id]) => candidates.has(id)).length;
    if (holders.length === 0) continue;
    const scores = holders.map(([, record]) => score(record).score).sort((a, b) => b - a);
    const tenth = scores[Math.min(FIRST_PAGE, scores.length) - 1];
    const firstPage = shown.slice(0, FIRST_PAGE).map((url) => score(byUrl.get(url)!).score);
    precisions.push(firstPage.filter((value) => value >= tenth).length / Math.max(1, firstPage.length));
  }
  await context.close();
  return {
    queries: QUALITY_QUERIES.length,
    holding,
    found,
    firstPagePrecision: precisions.reduce((sum, value) => sum + value, 0) / precisions.length,
  };
}

export async function runSearchBenchmark(options: SearchBenchmarkOptions): Promise<SearchBenchmarkResult> {
  const runs = options.runs ?? 7;
  const port = options.port ?? 4377;
  const base = options.base ?? '/';
  const queries = options.queries ?? SEARCH_QUERIES;
  const server = await serveStatic(resolve(options.dist), port, base);
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: CHROMIUM_ARGS,
  });
  const open = { pageBytes: [] as number[], engineBytes: [] as number[] };
  const first = { ms: [] as number[], bytes: [] as number[], requests: [] as number[] };
  const next = { ms: [] as number[], bytes: [] as number[], requests: [] as number[] };
  const perQuery = new Map<string, { ms: number[]; bytes: number[] }>();
  let quality: SearchQuality;
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let bytes = 0;
      let requests = 0;
      let engineBytes = 0;
      let inFlight = 0;
      let lastActivity = Date.now();
      context.on('request', () => {
        inFlight += 1;
        lastActivity = Date.now();
      });
      context.on('requestfailed', () => {
        inFlight -= 1;
        lastActivity = Date.now();
      });
      /** Until no request has been in flight for 500 ms (the page's load state says "network idle" only once). */
      const quiet = async () => {
        while (inFlight > 0 || Date.now() - lastActivity < 500) await page.waitForTimeout(50);
      };
      // Counts the page's and its search worker's requests: compressed body plus headers, as transferred.
      context.on('requestfinished', async (request) => {
        inFlight -= 1;
        lastActivity = Date.now();
        const sizes = await request.sizes().catch(() => undefined);
        if (!sizes) return; // the page closed first
        const transferred = sizes.responseBodySize + sizes.responseHeadersSize;
        bytes += transferred;
        requests += 1;
        if (request.url().includes('/pagefind/')) engineBytes += transferred;
      });
      await page.goto(`http://127.0.0.1:${port}${base}search/`, { waitUntil: 'networkidle' });
      // As a reader does: put the cursor in the box (which starts loading the engine), then type.
      await page.focus('#search-query');
      await quiet();
      open.pageBytes.push(bytes - engineBytes);
      open.engineBytes.push(engineBytes);
      const order = [...queries.slice(run % queries.length), ...queries.slice(0, run % queries.length)];
      for (const [index, query] of order.entries()) {
        bytes = 0;
        requests = 0;
        const ms = await timeQuery(page, query);
        // Everything the query set off counts towards it: the facet counts and prefetches after the results too.
        await quiet();
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
          next.requests.push(requests);
        }
      }
      await context.close();
    }
    quality = await measureQuality(browser, resolve(options.dist), `http://127.0.0.1:${port}`, base);
  } finally {
    await browser.close();
    server.close();
  }
  const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
  const split = (ms: number[]) => ({ count: ms.length, medianMs: ms.length > 0 ? Math.round(median(ms)) : Number.NaN });
  return {
    dist: options.dist,
    runs,
    queries,
    pageKB: kb(median(open.pageBytes)),
    engineKB: kb(median(open.engineBytes)),
    firstQuery: { medianMs: Math.round(median(first.ms)), medianKB: kb(median(first.bytes)), medianRequests: median(first.requests) },
    nextQuery: {
      medianMs: Math.round(median(next.ms)),
      medianKB: kb(median(next.bytes)),
      withoutRequests: split(next.ms.filter((_, index) => next.requests[index] === 0)),
      withRequests: split(next.ms.filter((_, index) => next.requests[index] > 0)),
    },
    perQuery: [...perQuery].map(([query, entry]) => ({ query, medianMs: Math.round(median(entry.ms)), medianKB: kb(median(entry.bytes)) })),
    quality,
  };
}

/** The result as a Markdown table and a line per query, as `npm run bench:search` prints it. */
export function formatSearchBenchmark(result: SearchBenchmarkResult): string {
  const ms = (value: number | null) => (value === null || Number.isNaN(value) ? '–' : `${value} ms`);
  return [
    `search benchmark (${result.dist}, ${result.runs} runs, queries: ${result.queries.join(' / ')})`,
    `| | median time | median transferred (compressed) |\n|---|---|---|`,
    `| the /search/ page itself (HTML, CSS, JS) | | ${result.pageKB} KB |`,
    `| search engine, loaded when the cursor enters the search box (Pagefind JS, WebAssembly, index entry) | | ${result.engineKB} KB |`,
    `| first query (index chunks, the shown documents' records, and what follows them) | ${result.firstQuery.medianMs} ms | ${result.firstQuery.medianKB} KB in ${result.firstQuery.medianRequests} requests |`,
    `| first query with the engine | | ${+(result.engineKB + result.firstQuery.medianKB).toFixed(1)} KB |`,
    `| next queries | ${result.nextQuery.medianMs} ms | ${result.nextQuery.medianKB} KB |`,
    `| next queries that needed no request (${result.nextQuery.withoutRequests.count} of them) | ${ms(result.nextQuery.withoutRequests.medianMs)} | 0 KB |`,
    `| next queries that made requests: index chunks, records (${result.nextQuery.withRequests.count} of them) | ${ms(result.nextQuery.withRequests.medianMs)} | |`,
    `\nper query (median over all runs): ${result.perQuery.map((entry) => `${entry.query} ${entry.medianMs} ms ${entry.medianKB.toFixed(1)} KB`).join(' · ')}`,
    `\n${formatSearchQuality(result.quality)}`,
  ].join('\n');
}

/** The quality check in a sentence. */
export function formatSearchQuality(quality: SearchQuality): string {
  return `quality (${quality.queries} queries): ${quality.found} of the ${quality.holding} documents holding a query found; first page of results among the best 10: ${(quality.firstPagePrecision * 100).toFixed(0)} %`;
}
