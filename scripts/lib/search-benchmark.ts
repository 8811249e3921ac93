/**
 * Search benchmark in Chromium on localhost: median time and compressed bytes of the first query
 * on a freshly opened search page (cold cache) and of the queries after it; then how well the
 * built index answers (every document holding a query found; the first page of results the best).
 * Used by scripts/bench-search.ts (`npm run bench:search`), scripts/bench.ts and scripts/bench-scale.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import { queryTokens, queryWords } from '../../src/lib/search/normalize';
import { assessDocument } from '../../src/lib/search/rank';
import type { SearchConfig } from '../../src/lib/search/search-page';
import type { SearchRecord } from '../../src/lib/search/sections';
import { serveStatic } from './static-server';
import { isSearchRecordUrl, publishedSearchRecords } from './dist';
import { CHROMIUM_ARGS, requireChromium } from './chromium';

export const SEARCH_QUERIES = ['竖罐炼镁', '镁合金', '发改委', '工信部联原2023130号', '镁', '盐湖 锂', '还原炼'];
/** The quality check asks the timed queries and policy terms common enough to match hundreds of documents at scale. */
export const QUALITY_QUERIES = [...SEARCH_QUERIES, '有色金属', '高质量发展', '循环利用', '节能', '产能', '碳达峰', '再生资源', '工业和信息化部', '原材料', '绿色低碳', '指导意见', '科技', '镁 合金'];
/**
 * Queries no document holds, of the two kinds that make the page check candidates in vain: a word
 * one of whose character pairs is in no document (合金镁: Pagefind leaves that pair out and returns
 * the documents holding 合金), and a word whose pairs are all in the collection but never together
 * (镁产能: the page must read records to know). Each is asked first on a fresh page, so every record
 * it needs is fetched.
 */
export const NO_ANSWER_QUERIES = ['合金镁', '镁产能'];
/** The page says it is done: results, nothing found, or none among the candidates checked so far (paging.ts's statusText). */
const DONE_STATUS = /^(找到|没有找到|只在报告综述中找到|前 \d+ 份候选文件中没有)/;
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
  /** medianMs: until the first results are shown; medianPageMs: until the first page is complete (QueryTime). */
  firstQuery: { medianMs: number; medianPageMs: number; medianKB: number; medianRequests: number };
  nextQuery: {
    medianMs: number;
    medianPageMs: number;
    medianKB: number;
    /** Later queries answered from what the engine had loaded already, and those that made requests (index chunks, records). */
    withoutRequests: { count: number; medianMs: number };
    withRequests: { count: number; medianMs: number };
  };
  perQuery: { query: string; medianMs: number; medianKB: number }[];
  /** Queries that find nothing: how much the page fetched before saying so. */
  noAnswer: NoAnswerMeasure[];
  quality: SearchQuality;
}

/** A query no document holds, asked first on a fresh page (medians over the page loads). */
export interface NoAnswerMeasure {
  query: string;
  /** Documents Pagefind returns for the query's tokens (all of them fail the page's check). */
  candidates: number;
  /** Documents holding the query: 0, or the query is no longer a no-answer query for this collection. */
  holding: number;
  /** Rounds of search-record requests (a batch is fetched together; the next one waits for it), median and most. */
  medianBatches: number;
  maxBatches: number;
  medianRecords: number;
  medianKB: number;
  medianMs: number;
  /** What the status line said. */
  status: string;
}

/** How well the index answers, judged against every document's search record. */
export interface SearchQuality {
  queries: number;
  /** Documents holding every word of a query, summed over the queries, and how many of them Pagefind returned. */
  holding: number;
  found: number;
  /** Each query: the documents holding it (their pages' paths) and how many of them Pagefind returned. */
  perQuery: { query: string; holders: string[]; found: number }[];
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

/** How long a query took on the page, from the moment it is submitted. */
export interface QueryTime {
  /** Until the status line says what was found: the first results are shown (in a large collection, the first batch of them, paging.ts). */
  ms: number;
  /** Until the page has checked what it checks for the query (the result list is no longer marked busy): the first page is complete. */
  pageMs: number;
}

/** Runs one query through the page's own form, and times it (QueryTime). */
export async function timeQuery(page: Page, query: string): Promise<QueryTime> {
  const [ms, pageMs] = await page.evaluate(
    ([text, pattern]) =>
      new Promise<[number, number]>((finish) => {
        const done = new RegExp(pattern);
        const status = document.querySelector('[data-search-status]')!;
        const results = document.querySelector('[data-search-results]')!;
        const input = document.querySelector<HTMLInputElement>('#search-query')!;
        const form = input.form!;
        const start = performance.now();
        let shown: number | undefined;
        // The status line keeps the last query's answer until the new one replaces it: only a change of it counts.
        const observer = new MutationObserver((changes) => {
          if (changes.some((change) => change.type !== 'attributes')) shown ??= done.test(status.textContent ?? '') ? performance.now() - start : undefined;
          if (shown === undefined || results.hasAttribute('aria-busy')) return;
          observer.disconnect();
          finish([shown, performance.now() - start]);
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        observer.observe(results, { attributes: true, attributeFilter: ['aria-busy'] });
        input.value = text;
        form.requestSubmit();
      }),
    [query, DONE_STATUS.source] as const,
  );
  return { ms, pageMs };
}

/**
 * The page's and its search worker's requests: `quiet` waits until none has been in flight for
 * 500 ms (the page's load state says "network idle" only once); `transferred` sums those finished
 * since the last call, compressed body plus headers. The sizes are asked for only then, after the
 * timed query: asking Chromium for them while it answers would slow the page being measured.
 */
function watchNetwork(context: BrowserContext, page: Page) {
  let inFlight = 0;
  let lastActivity = Date.now();
  const finished: Request[] = [];
  const settle = () => {
    inFlight -= 1;
    lastActivity = Date.now();
  };
  context.on('request', () => {
    inFlight += 1;
    lastActivity = Date.now();
  });
  context.on('requestfailed', settle);
  context.on('requestfinished', (request) => {
    settle();
    finished.push(request);
  });
  return {
    async quiet() {
      while (inFlight > 0 || Date.now() - lastActivity < 500) await page.waitForTimeout(50);
    },
    async transferred() {
      let bytes = 0;
      let engineBytes = 0;
      let requests = 0;
      for (const request of finished.splice(0)) {
        const sizes = await request.sizes().catch(() => undefined);
        if (!sizes) continue;
        const size = sizes.responseBodySize + sizes.responseHeadersSize;
        bytes += size;
        requests += 1;
        if (request.url().includes('/pagefind/')) engineBytes += size;
      }
      return { bytes, engineBytes, requests };
    },
  };
}

/** The search page's configuration and every search record of a build, by Pagefind's id of the document. */
export function searchData(dist: string): { config: SearchConfig; records: Map<string, SearchRecord> } {
  const config = JSON.parse(/<script type="application\/json" id="search-config">([^<]*)<\/script>/.exec(readFileSync(join(dist, 'search', 'index.html'), 'utf8'))![1]) as SearchConfig;
  return { config, records: publishedSearchRecords(dist) };
}

/** Every candidate the page's own Pagefind (the same module URL, so its instance and options) returns for index tokens. */
function pagefindCandidates(page: Page, base: string, tokens: string): Promise<string[]> {
  return page.evaluate(
    async ([url, term]) => {
      const pagefind = (await import(url)) as { search: (term: string) => Promise<{ results: { id: string }[] }> };
      return (await pagefind.search(term)).results.map((result) => result.id);
    },
    [`${base}pagefind/pagefind.js`, tokens] as const,
  );
}

/**
 * Asks each no-answer query first on a fresh page (empty cache, the engine loaded as the cursor
 * enters the box) and counts what the page fetches before it says so: the rounds of search-record
 * requests (a round starts when no record request is in flight), the records, the bytes.
 */
async function measureNoAnswer(browser: Browser, dist: string, origin: string, base: string, runs: number): Promise<NoAnswerMeasure[]> {
  const { config, records } = searchData(dist);
  const measures: NoAnswerMeasure[] = [];
  for (const query of NO_ANSWER_QUERIES) {
    const words = queryWords(query, config.variants);
    const holding = [...records.values()].filter((record) => assessDocument(record.sections, words).complete).length;
    const runsOf = { batches: [] as number[], records: [] as number[], bytes: [] as number[], ms: [] as number[] };
    let candidates = 0;
    let status = '';
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const network = watchNetwork(context, page);
      let counting = false;
      let recordsInFlight = 0;
      let batches = 0;
      let recordCount = 0;
      context.on('request', (request) => {
        if (!counting || !isSearchRecordUrl(request.url())) return;
        if (recordsInFlight === 0) batches += 1;
        recordsInFlight += 1;
        recordCount += 1;
      });
      const settle = (url: string) => {
        if (counting && isSearchRecordUrl(url)) recordsInFlight -= 1;
      };
      context.on('requestfailed', (request) => settle(request.url()));
      context.on('requestfinished', (request) => settle(request.url()));
      await page.goto(`${origin}${base}search/`);
      await page.focus('#search-query');
      await network.quiet();
      await network.transferred();
      counting = true;
      runsOf.ms.push((await timeQuery(page, query)).ms);
      await network.quiet();
      counting = false;
      runsOf.batches.push(batches);
      runsOf.records.push(recordCount);
      runsOf.bytes.push((await network.transferred()).bytes);
      status = (await page.locator('[data-search-status]').textContent()) ?? '';
      if (run === 0) candidates = (await pagefindCandidates(page, base, queryTokens(words))).length;
      await context.close();
    }
    measures.push({
      query,
      candidates,
      holding,
      medianBatches: median(runsOf.batches),
      maxBatches: Math.max(...runsOf.batches),
      medianRecords: median(runsOf.records),
      medianKB: +(median(runsOf.bytes) / 1024).toFixed(1),
      medianMs: Math.round(median(runsOf.ms)),
      status,
    });
  }
  return measures;
}

/**
 * Asks every quality query through the search page and checks the answer against all the search
 * records of the build: which documents hold the query, which of them Pagefind returned, and how
 * many of the first page's results are among the best.
 */
async function measureQuality(browser: Browser, dist: string, origin: string, base: string): Promise<SearchQuality> {
  const { config, records } = searchData(dist);
  const byUrl = new Map([...records.values()].map((record) => [record.url, record]));
  const context = await browser.newContext();
  const page = await context.newPage();
  let holding = 0;
  let found = 0;
  const precisions: number[] = [];
  const perQuery: SearchQuality['perQuery'] = [];
  for (const query of QUALITY_QUERIES) {
    const words = queryWords(query, config.variants);
    const score = (record: SearchRecord) => assessDocument(record.sections, words);
    const holders = [...records].filter(([, record]) => score(record).complete);
    await page.goto(`${origin}${base}search/?q=${encodeURIComponent(query)}`);
    await page.locator('[data-search-status]').filter({ hasText: DONE_STATUS }).waitFor();
    const shown = await page.locator('ol[data-exact] > li h3 > a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('?')[0]));
    const candidates = new Set(await pagefindCandidates(page, base, queryTokens(words)));
    const foundHere = holders.filter(([id]) => candidates.has(id)).length;
    holding += holders.length;
    found += foundHere;
    perQuery.push({ query, holders: holders.map(([, record]) => record.url), found: foundHere });
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
    perQuery,
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
  const first = { ms: [] as number[], pageMs: [] as number[], bytes: [] as number[], requests: [] as number[] };
  const next = { ms: [] as number[], pageMs: [] as number[], bytes: [] as number[], requests: [] as number[] };
  const perQuery = new Map<string, { ms: number[]; bytes: number[] }>();
  let quality: SearchQuality;
  let noAnswer: NoAnswerMeasure[];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const network = watchNetwork(context, page);
      await page.goto(`http://127.0.0.1:${port}${base}search/`, { waitUntil: 'networkidle' });
      // As a reader does: put the cursor in the box (which starts loading the engine), then type.
      await page.focus('#search-query');
      await network.quiet();
      const opening = await network.transferred();
      open.pageBytes.push(opening.bytes - opening.engineBytes);
      open.engineBytes.push(opening.engineBytes);
      const order = [...queries.slice(run % queries.length), ...queries.slice(0, run % queries.length)];
      for (const [index, query] of order.entries()) {
        const { ms, pageMs } = await timeQuery(page, query);
        // Everything the query set off counts towards it: the facet counts and what follows the results too.
        await network.quiet();
        const { bytes, requests } = await network.transferred();
        const entry = perQuery.get(query) ?? { ms: [], bytes: [] };
        entry.ms.push(ms);
        entry.bytes.push(bytes);
        perQuery.set(query, entry);
        if (index === 0) {
          first.ms.push(ms);
          first.pageMs.push(pageMs);
          first.bytes.push(bytes);
          first.requests.push(requests);
        } else {
          next.ms.push(ms);
          next.pageMs.push(pageMs);
          next.bytes.push(bytes);
          next.requests.push(requests);
        }
      }
      await context.close();
    }
    quality = await measureQuality(browser, resolve(options.dist), `http://127.0.0.1:${port}`, base);
    noAnswer = await measureNoAnswer(browser, resolve(options.dist), `http://127.0.0.1:${port}`, base, Math.min(runs, 3));
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
    firstQuery: { medianMs: Math.round(median(first.ms)), medianPageMs: Math.round(median(first.pageMs)), medianKB: kb(median(first.bytes)), medianRequests: median(first.requests) },
    nextQuery: {
      medianMs: Math.round(median(next.ms)),
      medianPageMs: Math.round(median(next.pageMs)),
      medianKB: kb(median(next.bytes)),
      withoutRequests: split(next.ms.filter((_, index) => next.requests[index] === 0)),
      withRequests: split(next.ms.filter((_, index) => next.requests[index] > 0)),
    },
    perQuery: [...perQuery].map(([query, entry]) => ({ query, medianMs: Math.round(median(entry.ms)), medianKB: kb(median(entry.bytes)) })),
    noAnswer,
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
    `| first query (index chunks, the shown documents' records, and what follows them): first results shown | ${result.firstQuery.medianMs} ms | ${result.firstQuery.medianKB} KB in ${result.firstQuery.medianRequests} requests |`,
    `| first query: first page complete | ${result.firstQuery.medianPageMs} ms | |`,
    `| first query with the engine | | ${+(result.engineKB + result.firstQuery.medianKB).toFixed(1)} KB |`,
    `| next queries: first results shown | ${result.nextQuery.medianMs} ms | ${result.nextQuery.medianKB} KB |`,
    `| next queries: first page complete | ${result.nextQuery.medianPageMs} ms | |`,
    `| next queries that needed no request (${result.nextQuery.withoutRequests.count} of them) | ${ms(result.nextQuery.withoutRequests.medianMs)} | 0 KB |`,
    `| next queries that made requests: index chunks, records (${result.nextQuery.withRequests.count} of them) | ${ms(result.nextQuery.withRequests.medianMs)} | |`,
    `\nper query (median over all runs): ${result.perQuery.map((entry) => `${entry.query} ${entry.medianMs} ms ${entry.medianKB.toFixed(1)} KB`).join(' · ')}`,
    `\n${formatSearchQuality(result.quality)}`,
    `\n${formatNoAnswer(result.noAnswer)}`,
  ].join('\n');
}

/** The quality check in a sentence. */
export function formatSearchQuality(quality: SearchQuality): string {
  return `quality (${quality.queries} queries): ${quality.found} of the ${quality.holding} documents holding a query found; first page of results among the best 10: ${(quality.firstPagePrecision * 100).toFixed(0)} %`;
}

/** The no-answer queries in a sentence. */
export function formatNoAnswer(measures: NoAnswerMeasure[]): string {
  return `queries no document holds (asked first on a fresh page): ${measures
    .map((measure) => `${measure.query} (${measure.candidates} candidates, ${measure.holding} holding it): ${measure.medianBatches} batches of records (at most ${measure.maxBatches}), ${measure.medianRecords} records, ${measure.medianKB} KB, ${measure.medianMs} ms, “${measure.status}”`)
    .join(' · ')}`;
}
