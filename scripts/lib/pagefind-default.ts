/**
 * Pagefind as it comes, beside the site's search, for `npm run bench:scale`: Pagefind's CLI over the
 * built HTML with its default settings, and its ready-made UI (pagefind-ui) on a page of its own,
 * asked the same queries as the site's search page on the same build. For each query: how many of
 * the documents holding it each one finds, and each one's time to results.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './chromium';
import { median, timeQuery, type SearchQuality } from './search-benchmark';
import { serveStatic } from './static-server';

const PAGEFIND = resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'pagefind');

/** The page that shows Pagefind's default UI. Its typing delay (300 ms by default) is set to 0, so that a search is timed from its start, as the site's is (from Enter). */
const UI_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Pagefind UI</title><link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>new PagefindUI({ element: '#search', debounceTimeoutMs: 0 });</script></body>
</html>
`;

export interface DefaultIndex {
  /** The folder served: Pagefind's bundle in pagefind/, and the UI page. */
  dir: string;
  seconds: number;
  pages: number;
  bytes: number;
  files: number;
}

/** Indexes the built site with Pagefind's CLI and its default settings, into `dir/pagefind/` (the build itself is left as it was). */
export function indexWithDefaults(dist: string, dir: string): DefaultIndex {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const start = performance.now();
  const run = spawnSync(PAGEFIND, ['--site', dist, '--output-path', join(dir, 'pagefind')], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`pagefind --site ${dist} failed:\n${run.stdout}${run.stderr}`);
  writeFileSync(join(dir, 'index.html'), UI_PAGE);
  const files = readdirSync(join(dir, 'pagefind'), { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return {
    dir,
    seconds,
    pages: Number(/Indexed (\d+) pages/.exec(run.stdout)?.[1] ?? Number.NaN),
    bytes: files.reduce((sum, entry) => sum + readFileSync(join(entry.parentPath, entry.name)).length, 0),
    files: files.length,
  };
}

/** The path of every page of the default index, by Pagefind's id of it (its fragment file: "pagefind_dcd" and JSON, gzipped). */
function pagePaths(dir: string): Map<string, string> {
  const fragments = join(dir, 'pagefind', 'fragment');
  return new Map(
    readdirSync(fragments)
      .filter((name) => name.endsWith('.pf_fragment'))
      .map((name) => {
        const data = JSON.parse(gunzipSync(readFileSync(join(fragments, name))).subarray('pagefind_dcd'.length).toString('utf8')) as { url: string };
        return [name.replace(/\.pf_fragment$/, ''), data.url];
      }),
  );
}

/** The document a page of the site belongs to (its own page or a clause's page), as its search record names it: `/policies/<id>/`. */
const documentOf = (path: string): string | undefined => /^(\/policies\/[^/]+\/)/.exec(path)?.[1];

/**
 * Runs a query through Pagefind's default UI and resolves with the milliseconds until it is done:
 * its message is no longer "searching…" and every result shown has its title loaded. The box is
 * emptied first (the UI then clears its results), so that the previous query's results never count.
 */
async function timeDefaultQuery(page: Page, query: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#search .pagefind-ui__search-input')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('#search .pagefind-ui__result').length === 0 && !document.querySelector('#search .pagefind-ui__message'));
  return page.evaluate(
    (text) =>
      new Promise<number>((finish) => {
        const root = document.querySelector('#search')!;
        const input = root.querySelector<HTMLInputElement>('.pagefind-ui__search-input')!;
        const start = performance.now();
        // (No named function in here: the code runs in the page as written, without the runner's helpers.)
        const observer = new MutationObserver(() => {
          const message = root.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? '';
          if (message === '' || /(\.\.\.|…)$/.test(message)) return;
          const results = root.querySelectorAll('.pagefind-ui__result').length;
          if (root.querySelectorAll('.pagefind-ui__result .pagefind-ui__loading').length > 0 || root.querySelectorAll('.pagefind-ui__result-link').length !== results) return;
          observer.disconnect();
          finish(performance.now() - start);
        });
        observer.observe(root, { childList: true, characterData: true, subtree: true });
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

/** One engine's side: the medians over the page loads. */
export interface SideMeasure {
  firstQueryMs: number;
  laterQueriesMs: number;
  perQuery: { query: string; medianMs: number; found: number }[];
}

export interface SideBySide {
  documents: number;
  queries: string[];
  runs: number;
  defaultIndex: Omit<DefaultIndex, 'dir'>;
  /** Documents holding each query (judged against the search records, as the quality check does). */
  holding: { query: string; documents: number }[];
  ours: SideMeasure;
  pagefindDefault: SideMeasure;
}

/** Opens a page in a new context, puts the cursor in the search box (which starts loading either engine) and waits until the network is quiet. */
async function openWarm(browser: Browser, url: string, box: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let inFlight = 0;
  let lastActivity = Date.now();
  context.on('request', () => {
    inFlight += 1;
    lastActivity = Date.now();
  });
  const settled = () => {
    inFlight -= 1;
    lastActivity = Date.now();
  };
  context.on('requestfinished', settled);
  context.on('requestfailed', settled);
  await page.goto(url);
  await page.locator(box).focus();
  while (inFlight > 0 || Date.now() - lastActivity < 500) await page.waitForTimeout(50);
  return { context, page };
}

/**
 * Times the same queries on the site's search page and on Pagefind's default UI, a fresh page of
 * each per run, alternately (so both see the same load on the machine), each run starting at a
 * different query; then counts, for each query, the holding documents the default index returns.
 * `quality` is the site's own count (search-benchmark.ts), made with the same records.
 */
export async function runSideBySide(options: { dist: string; defaultIndex: DefaultIndex; quality: SearchQuality; documents: number; queries: string[]; runs: number; port: number }): Promise<SideBySide> {
  const { dist, defaultIndex, quality, queries, runs, port } = options;
  const ourServer = await serveStatic(resolve(dist), port, '/');
  const defaultServer = await serveStatic(resolve(defaultIndex.dir), port + 1, '/');
  const browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
  const times = { ours: new Map<string, number[]>(), pagefindDefault: new Map<string, number[]>() };
  const first = { ours: [] as number[], pagefindDefault: [] as number[] };
  const later = { ours: [] as number[], pagefindDefault: [] as number[] };
  const defaultFound = new Map<string, number>();
  try {
    for (let run = 0; run < runs; run += 1) {
      const order = [...queries.slice(run % queries.length), ...queries.slice(0, run % queries.length)];
      for (const side of ['ours', 'pagefindDefault'] as const) {
        const { context, page } =
          side === 'ours'
            ? await openWarm(browser, `http://127.0.0.1:${port}/search/`, '#search-query')
            : await openWarm(browser, `http://127.0.0.1:${port + 1}/`, '.pagefind-ui__search-input');
        for (const [index, query] of order.entries()) {
          const ms = side === 'ours' ? (await timeQuery(page, query)).ms : await timeDefaultQuery(page, query);
          (index === 0 ? first : later)[side].push(ms);
          times[side].set(query, [...(times[side].get(query) ?? []), ms]);
        }
        await context.close();
      }
    }
    // What the default index returns for each query (all of it, as its UI's count says), mapped to documents.
    const paths = pagePaths(defaultIndex.dir);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port + 1}/`);
    for (const query of queries) {
      const ids = await page.evaluate(
        async ([url, text]) => {
          const pagefind = (await import(url)) as { search: (term: string) => Promise<{ results: { id: string }[] }> };
          return (await pagefind.search(text)).results.map((result) => result.id);
        },
        ['/pagefind/pagefind.js', query] as const,
      );
      const documents = new Set(ids.map((id) => documentOf(paths.get(id) ?? '')).filter(Boolean));
      const holders = quality.perQuery.find((entry) => entry.query === query)?.holders ?? [];
      defaultFound.set(query, holders.filter((path) => documents.has(path)).length);
    }
  } finally {
    await browser.close();
    ourServer.close();
    defaultServer.close();
  }
  const side = (name: 'ours' | 'pagefindDefault', found: (query: string) => number): SideMeasure => ({
    firstQueryMs: Math.round(median(first[name])),
    laterQueriesMs: Math.round(median(later[name])),
    perQuery: queries.map((query) => ({ query, medianMs: Math.round(median(times[name].get(query)!)), found: found(query) })),
  });
  const { dir: _dir, ...index } = defaultIndex;
  return {
    documents: options.documents,
    queries,
    runs,
    defaultIndex: index,
    holding: queries.map((query) => ({ query, documents: quality.perQuery.find((entry) => entry.query === query)?.holders.length ?? Number.NaN })),
    ours: side('ours', (query) => quality.perQuery.find((entry) => entry.query === query)?.found ?? Number.NaN),
    pagefindDefault: side('pagefindDefault', (query) => defaultFound.get(query) ?? 0),
  };
}
