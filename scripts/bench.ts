/**
 * The site's benchmarks, written to BENCHMARKS.md: the build (time, CPU, memory, sizes), the weight of each kind
 * of page in Chromium, search speed and bytes, and Lighthouse. The Scale section (npm run bench:scale) is kept.
 * Usage: npm run bench [-- --build-runs 3 --page-runs 3 --search-runs 7 --lighthouse-runs 3]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  BENCHMARKS_FILE,
  ROOT,
  SCALE_END,
  SCALE_START,
  folderSize,
  kb,
  machine,
  mb,
  medianBuild,
  readScaleSection,
  timedBuild,
  type BuildMeasure,
} from './lib/build-benchmark';
import { javascriptBytes } from './lib/dist';
import { formatSearchBenchmark, median, runSearchBenchmark } from './lib/search-benchmark';
import { serveStatic } from './lib/static-server';
import { CHROMIUM_ARGS, requireChromium } from './lib/chromium';

const { values } = parseArgs({
  options: {
    'build-runs': { type: 'string', default: '3' },
    'page-runs': { type: 'string', default: '3' },
    'search-runs': { type: 'string', default: '7' },
    'lighthouse-runs': { type: 'string', default: '3' },
    port: { type: 'string', default: '4377' },
    'lighthouse-port': { type: 'string', default: '4391' },
  },
});
const buildRuns = Number(values['build-runs']);
const pageRuns = Number(values['page-runs']);
const searchRuns = Number(values['search-runs']);
const lighthouseRuns = Number(values['lighthouse-runs']);
const port = Number(values.port);
const lighthousePort = Number(values['lighthouse-port']);
const CHROMIUM = requireChromium();
const CACHE = join(ROOT, '.cache', 'bench');
const DIST = join(ROOT, 'dist');
const LIGHTHOUSE_DIST = join(ROOT, '.cache', 'lighthouse-dist');
const DOCUMENT = '/policies/2023-nonferrous-stable-growth/';
const PAGES = [
  { kind: 'home', path: '/' },
  { kind: 'year', path: '/years/2023/' },
  { kind: 'ministry', path: '/ministries/miit/' },
  { kind: 'topic', path: '/topics/energy-carbon/' },
  { kind: 'document', path: DOCUMENT },
  { kind: 'clause', path: `${DOCUMENT}international-markets/` },
  { kind: 'overview', path: '/overview/' },
  { kind: 'search (before any search)', path: '/search/' },
];
const LIGHTHOUSE_PAGES = PAGES.filter((page) => ['home', 'document', 'clause'].includes(page.kind) || page.path === '/search/');
const BUDGET = { documentKB: 25, jsKB: 10, firstQueryMs: 150, firstQueryKB: 120, nextQueryMs: 30 };
const started = new Date();
const machineInfo = machine();
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
mkdirSync(CACHE, { recursive: true });

// ---- 1. Build ------------------------------------------------------------------------------------
/** Cold: an empty share-image cache, as on a fresh checkout; warm: the cards of the previous build reused. */
const builds: Record<'cold' | 'warm', BuildMeasure[]> = { cold: [], warm: [] };
for (const kind of ['cold', 'warm'] as const) {
  for (let run = 1; run <= buildRuns; run += 1) {
    const measure = await timedBuild({ outDir: DIST, log: join(CACHE, `build-${kind}-${run}.log`), coldShareImages: kind === 'cold' });
    log(`build ${kind} ${run}/${buildRuns}: ${measure.wallS.toFixed(1)} s wall, ${measure.cpuS.toFixed(1)} s CPU, ${measure.maxRssMB.toFixed(0)} MB`);
    builds[kind].push(measure);
  }
}
const build = { cold: medianBuild(builds.cold), warm: medianBuild(builds.warm) };
const sizes = {
  dist: folderSize(DIST),
  pagefind: folderSize(join(DIST, 'pagefind')),
  og: folderSize(join(DIST, 'og')),
  pages: folderSize(DIST, (name) => name.endsWith('.html')),
};

// ---- 2. Page weight --------------------------------------------------------------------------------
type Kind = 'html' | 'css' | 'js' | 'images' | 'engine' | 'other';
const KINDS: Kind[] = ['html', 'css', 'js', 'images', 'engine', 'other'];
interface Transfer {
  url: string;
  kind: Kind;
  body: number;
  headers: number;
}

function kindOf(url: string, resourceType: string): Kind {
  if (new URL(url).pathname.startsWith('/pagefind/')) return 'engine';
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'image' || /\.(png|svg|ico|jpe?g|webp|avif|gif)$/.test(new URL(url).pathname)) return 'images';
  return 'other';
}

log('page weight');
const weights: { kind: string; path: string; bytes: Record<Kind, number>; body: number; total: number; jsBudget: number; requests: Transfer[] }[] = [];
{
  const server = await serveStatic(DIST, port);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const page of PAGES) {
      const runs: Transfer[][] = [];
      for (let run = 0; run < pageRuns; run += 1) {
        // A new context per load: empty cache, every byte transferred.
        const context = await browser.newContext();
        const tab = await context.newPage();
        const pending: Promise<Transfer>[] = [];
        context.on('requestfinished', (request) => {
          pending.push(request.sizes().then((sizes) => ({ url: request.url(), kind: kindOf(request.url(), request.resourceType()), body: sizes.responseBodySize, headers: sizes.responseHeadersSize })));
        });
        await tab.goto(`http://127.0.0.1:${port}${page.path}`, { waitUntil: 'networkidle' });
        runs.push(await Promise.all(pending));
        await context.close();
      }
      const sum = (list: Transfer[], kind?: Kind) => list.filter((entry) => !kind || entry.kind === kind).reduce((total, entry) => total + entry.body + entry.headers, 0);
      const bytes = Object.fromEntries(KINDS.map((kind) => [kind, median(runs.map((list) => sum(list, kind)))])) as Record<Kind, number>;
      const html = readFileSync(join(DIST, page.path, 'index.html'), 'utf8');
      const requests = runs[0].sort((a, b) => a.url.localeCompare(b.url));
      weights.push({
        ...page,
        bytes,
        body: median(runs.map((list) => list.filter((entry) => ['html', 'css', 'js'].includes(entry.kind)).reduce((total, entry) => total + entry.body, 0))),
        total: median(runs.map((list) => sum(list))),
        jsBudget: javascriptBytes(html, DIST),
        requests,
      });
      log(`  ${page.path}: ${kb(median(runs.map((list) => sum(list))))} KB`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

// ---- 3. Search --------------------------------------------------------------------------------------
log('search');
const search = await runSearchBenchmark({ dist: DIST, runs: searchRuns, port });
console.log(formatSearchBenchmark(search));

// ---- 4. Lighthouse ------------------------------------------------------------------------------------
type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const lighthouseVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')) as { version: string }).version;
const site = `http://127.0.0.1:${lighthousePort}`;
log(`lighthouse: build with SITE=${site}`);
await timedBuild({ outDir: LIGHTHOUSE_DIST, site, log: join(CACHE, 'build-lighthouse.log'), coldShareImages: true });
interface Finding {
  path: string;
  category: string;
  audit: string;
  title: string;
  score: number | null;
  runs: number;
  display: string;
  items: string[];
}
const lighthouseRows: { path: string; scores: Record<string, number>; lcpMs: number; tbtMs: number; cls: number; bytes: number; benchmarkIndex: number; warnings: string[] }[] = [];
const findings = new Map<string, Finding>();

/** A short description of an audit's failing items (elements, URLs), so the finding names exactly what failed. */
function itemsOf(audit: LighthouseResult['audits'][string]): string[] {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  return (details?.items ?? []).slice(0, 8).map((item) => {
    const node = item.node as { snippet?: string; selector?: string; explanation?: string } | undefined;
    if (node) return `\`${node.snippet ?? node.selector}\`${node.explanation ? ` (${node.explanation.replace(/\s+/g, ' ').slice(0, 240)})` : ''}`;
    const parts = ['url', 'source', 'description', 'label', 'value', 'duration', 'startTime', 'totalBytes', 'wastedBytes', 'wastedMs']
      .filter((key) => item[key] !== undefined && typeof item[key] !== 'object')
      .map((key) => `${key}: ${String(item[key])}`);
    return parts.length > 0 ? parts.join(', ') : JSON.stringify(item).slice(0, 240);
  });
}

{
  const server = await serveStatic(LIGHTHOUSE_DIST, lighthousePort);
  const reports = join(ROOT, '.cache', 'lighthouse');
  mkdirSync(reports, { recursive: true });
  try {
    for (const page of LIGHTHOUSE_PAGES) {
      const results: LighthouseResult[] = [];
      for (let run = 1; run <= lighthouseRuns; run += 1) {
        const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
        try {
          const result = await lighthouse(`${site}${page.path}`, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
          if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
          if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${page.path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
          results.push(result.lhr);
          writeFileSync(join(reports, `${page.kind.split(' ')[0]}-${run}.json`), JSON.stringify(result.lhr, null, 1));
        } finally {
          chrome.kill();
        }
        const last = results.at(-1)!;
        log(`  ${page.path} ${run}/${lighthouseRuns}: ${CATEGORIES.map((category) => Math.round((last.categories[category]?.score ?? 0) * 100)).join(' / ')}`);
      }
      const numeric = (id: string) => median(results.map((lhr) => lhr.audits[id]?.numericValue ?? Number.NaN));
      lighthouseRows.push({
        path: page.path,
        scores: Object.fromEntries(CATEGORIES.map((category) => [category, Math.round(median(results.map((lhr) => lhr.categories[category]?.score ?? 0)) * 100)])),
        lcpMs: numeric('largest-contentful-paint'),
        tbtMs: numeric('total-blocking-time'),
        cls: numeric('cumulative-layout-shift'),
        bytes: numeric('total-byte-weight'),
        benchmarkIndex: median(results.map((lhr) => lhr.environment.benchmarkIndex)),
        warnings: [...new Set(results.flatMap((lhr) => lhr.runWarnings))],
      });
      // Every weighted audit that did not pass in some run, for the categories below 100 in that run.
      for (const lhr of results) {
        for (const category of CATEGORIES) {
          const entry = lhr.categories[category];
          if (!entry || entry.score === 1) continue;
          for (const ref of entry.auditRefs) {
            const audit = lhr.audits[ref.id];
            if (ref.weight === 0 || audit.score === null || audit.score === 1) continue;
            const key = `${page.path} ${ref.id}`;
            const known = findings.get(key);
            if (known) {
              known.runs += 1;
              continue;
            }
            // A metric's own audit has no items: the long tasks of that run say what blocked the main thread.
            const items = itemsOf(audit).length > 0 || category !== 'performance' ? itemsOf(audit) : itemsOf(lhr.audits['long-tasks']).map((item) => `long task: ${item}`);
            findings.set(key, { path: page.path, category, audit: ref.id, title: audit.title, score: audit.score, runs: 1, display: audit.displayValue ?? '', items });
          }
        }
      }
    }
  } finally {
    server.close();
  }
}

// ---- 5. BENCHMARKS.md ------------------------------------------------------------------------------
const ok = (pass: boolean) => (pass ? 'yes' : '**no**');
const documentWeight = weights.find((weight) => weight.path === DOCUMENT)!;
const documentKB = (documentWeight.bytes.html + documentWeight.bytes.css + documentWeight.bytes.js) / 1024;
const nonSearch = weights.filter((weight) => weight.path !== '/search/');
const maxJs = Math.max(...nonSearch.map((weight) => Math.max(weight.jsBudget, weight.bytes.js)));
const firstQueryKB = search.engineKB + search.firstQuery.medianKB;
const lighthouseMin = Math.min(...lighthouseRows.flatMap((row) => Object.values(row.scores)));
const buildRow = (label: string, measure: ReturnType<typeof medianBuild>) =>
  `| ${label} | ${measure.wallS.toFixed(1)} s | ${measure.cpuS.toFixed(1)} s (${measure.userS.toFixed(1)} user + ${measure.sysS.toFixed(1)} sys) | ${measure.maxRssMB.toFixed(0)} MB |`;
const all = (list: BuildMeasure[], key: 'wallS' | 'cpuS') => list.map((measure) => measure[key].toFixed(1)).join(', ');
const scale =
  readScaleSection() ??
  `${SCALE_START}\n## Scale\n\nNot measured yet: \`npm run bench:scale\` writes this section (synthetic corpora of 100, 1,000 and 5,000 documents).\n${SCALE_END}`;

const report = `# Benchmarks

Written by \`npm run bench\` (\`scripts/bench.ts\`) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; the Scale section by \`npm run bench:scale\` (\`scripts/bench-scale.ts\`). Run them again after a change that could move a figure.

## Machine

| | |
|---|---|
| CPU | ${machineInfo.cpus} |
| memory | ${machineInfo.memory} |
| load average (1 / 5 / 15 min) at the start | ${machineInfo.load} |
| OS | ${machineInfo.os} |
| Node | ${machineInfo.node} |
| Chromium | ${machineInfo.chromium} |
| Lighthouse | ${lighthouseVersion} (chrome-launcher, \`--headless=new\`) |

Wall times depend on what else the machine runs (the load average above); CPU time (user + sys) is the steadier figure of a build. Every figure is the median of several runs, the number of runs is given with each table.

## Budgets

| budget | measured | within |
|---|---|---|
| document page (\`${DOCUMENT}\`) ≤ ${BUDGET.documentKB} KB compressed, HTML + CSS + JS | ${documentKB.toFixed(1)} KB transferred (${kb(documentWeight.body)} KB of bodies without headers) | ${ok(documentKB <= BUDGET.documentKB)} |
| JavaScript ≤ ${BUDGET.jsKB} KB gzipped per page before interaction, search page excepted | at most ${kb(maxJs)} KB (${nonSearch.map((weight) => `${weight.kind} ${kb(Math.max(weight.jsBudget, weight.bytes.js))}`).join(', ')}) | ${ok(maxJs <= BUDGET.jsKB * 1024)} |
| search: first query ≤ ${BUDGET.firstQueryMs} ms | ${search.firstQuery.medianMs} ms | ${ok(search.firstQuery.medianMs <= BUDGET.firstQueryMs)} |
| search: first query ≤ ${BUDGET.firstQueryKB} KB compressed (engine, loaded when the cursor enters the box, + the query's own requests) | ${firstQueryKB.toFixed(1)} KB (${search.engineKB} + ${search.firstQuery.medianKB}) | ${ok(firstQueryKB <= BUDGET.firstQueryKB)} |
| search: later queries ≤ ${BUDGET.nextQueryMs} ms | ${search.nextQuery.medianMs} ms | ${ok(search.nextQuery.medianMs <= BUDGET.nextQueryMs)} |
| Lighthouse 100 in performance, accessibility, best practices, SEO | lowest median score ${lighthouseMin} | ${ok(lighthouseMin === 100)} |

## Build

Method: \`astro build\` of the real content (13 documents, SITE unset) into \`dist/\`, ${buildRuns} times with an empty share-image cache (cold, as on a fresh checkout: every card drawn) and ${buildRuns} times with the cards of the previous build cached (warm); wall time measured around the process, CPU time (user + sys) and peak memory (maxRSS of the largest process) by ${build.cold.method}; medians.

| build | wall time | CPU time | peak memory (maxRSS) |
|---|---|---|---|
${buildRow('cold (every share image drawn)', build.cold)}
${buildRow('warm (share images from the cache)', build.warm)}

Single runs, wall: cold ${all(builds.cold, 'wallS')} s, warm ${all(builds.warm, 'wallS')} s; CPU: cold ${all(builds.cold, 'cpuS')} s, warm ${all(builds.warm, 'cpuS')} s.

Method: sizes are the sum of the files' sizes on disk (uncompressed).

| output | size | files |
|---|---|---|
| \`dist/\` | ${mb(sizes.dist.bytes, 2)} MB | ${sizes.dist.files} (${sizes.pages.files} HTML pages) |
| Pagefind index (\`dist/pagefind/\`) | ${kb(sizes.pagefind.bytes)} KB | ${sizes.pagefind.files} |
| share images (\`dist/og/\`) | ${mb(sizes.og.bytes, 2)} MB | ${sizes.og.files} |

## Page weight

Method: each page opened ${pageRuns} times in Chromium (Playwright, a new context each time: empty cache) from \`dist/\` on a local server that gzips as static hosts do (\`scripts/lib/static-server.ts\`), counting every finished request's compressed body plus headers (\`request.sizes()\`) until the network is idle; medians. “JS (budget count)” counts as \`tests/site/javascript-budget.test.ts\` does: inline and module scripts with their imports, gzipped together (inline scripts are otherwise part of the HTML). KB = 1,024 bytes.

| page | HTML | CSS | JS | images | search engine | other | total | HTML + CSS + JS | JS (budget count) |
|---|---|---|---|---|---|---|---|---|---|
${weights
  .map(
    (weight) =>
      `| ${weight.kind} \`${weight.path}\` | ${KINDS.map((kind) => kb(weight.bytes[kind])).join(' | ')} | ${kb(weight.total)} | ${kb(weight.bytes.html + weight.bytes.css + weight.bytes.js)} | ${kb(weight.jsBudget)} |`,
  )
  .join('\n')}

The document page's requests (bytes transferred: body + headers):

| request | kind | bytes |
|---|---|---|
${documentWeight.requests.map((request) => `| \`${new URL(request.url).pathname}\` | ${request.kind} | ${(request.body + request.headers).toLocaleString('en')} |`).join('\n')}

## Search

Method: \`scripts/lib/search-benchmark.ts\` (also \`npm run bench:search\`) opens \`/search/\` ${search.runs} times in Chromium on the gzip server, each time with an empty cache, runs the ${search.queries.length} queries ${search.queries.join(' / ')} through the page's own form (each run starting at a different query) and times submit → results shown (and → the first page complete, which is the same in a collection whose records come in one file), counting the compressed bytes of every request the query sets off until none has been in flight for 500 ms (the index chunks, the records — in a collection of at most 100 documents, all of them in one file with the first query, so that later queries download no record — and the facet counts), each request's size asked of Chromium once the query is done; medians. Then it asks ${search.quality.queries} queries through the page and checks the answers against every document's search record: how many of the documents holding a query Pagefind returns, and how many of the first page's results are among the best 10 by the page's own ranking.

${formatSearchBenchmark(search).split('\n').slice(1).join('\n')}

## Lighthouse

Method: Lighthouse ${lighthouseVersion} from Node (programmatic API, chrome-launcher with Chromium \`--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage\`), default mobile settings and simulated throttling, ${lighthouseRuns} runs per page with a fresh browser each, against a build with \`SITE=${site}\` (so canonical URLs point at the served origin) on the same gzip server; the median of each figure over the runs.

| page | performance | accessibility | best practices | SEO | LCP | TBT | CLS | total byte weight |
|---|---|---|---|---|---|---|---|---|
${lighthouseRows
  .map(
    (row) =>
      `| \`${row.path}\` | ${CATEGORIES.map((category) => row.scores[category]).join(' | ')} | ${(row.lcpMs / 1000).toFixed(2)} s | ${Math.round(row.tbtMs)} ms | ${row.cls.toFixed(3)} | ${kb(row.bytes)} KB |`,
  )
  .join('\n')}

Lighthouse's CPU benchmark index of this machine during the runs: ${lighthouseRows.map((row) => Math.round(row.benchmarkIndex)).join(', ')} (median per page).${
  lighthouseRows.some((row) => row.warnings.length > 0)
    ? ` Run warnings: ${[...new Set(lighthouseRows.flatMap((row) => row.warnings))].map((warning) => `“${warning.replace(/\s+/g, ' ')}”`).join('; ')}.`
    : ''
}

${
  findings.size === 0
    ? 'Every audit that counts towards a score passed in every run.'
    : `Audits that failed (score below 1, in a category below 100) in at least one run:\n\n${[...findings.values()]
        .map(
          (finding) =>
            `- \`${finding.path}\` ${finding.category}: **${finding.audit}** “${finding.title}” (score ${finding.score}, ${finding.runs} of ${lighthouseRuns} runs${finding.display ? `, ${finding.display}` : ''})${finding.items.length > 0 ? `\n${finding.items.map((item) => `  - ${item}`).join('\n')}` : ''}`,
        )
        .join('\n')}`
}

${scale}
`;
writeFileSync(BENCHMARKS_FILE, report);
writeFileSync(join(CACHE, 'bench.json'), JSON.stringify({ started, machineInfo, builds, build, sizes, weights, search, lighthouseRows, findings: [...findings.values()] }, null, 2));
log(`wrote ${relative(process.cwd(), resolve(BENCHMARKS_FILE))}`);
