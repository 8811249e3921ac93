/**
 * Scale benchmark: for synthetic corpora of 100, 1,000 and 5,000 documents (scripts/generate-corpus.ts), the build's
 * time, CPU, memory and output, search speed and bytes in Chromium against the budgets of each size, and, at 1,000
 * and 5,000 documents, Pagefind with its default indexing and UI side by side (scripts/lib/pagefind-default.ts);
 * written to the Scale section of BENCHMARKS.md.
 * Usage: npm run bench:scale [-- --sizes 100,1000,5000 --build-runs 3,2,1 --search-runs 5 --side-by-side 1000,5000 --reuse]
 * --build-runs: builds per size (one number for every size, or one per size).
 * --reuse takes a size's figures from .cache/bench-scale/<size>.json when they are there (to rewrite the section only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import {
  ROOT,
  filesOf,
  folderSize,
  gzippedSize,
  kb,
  machine,
  mb,
  medianBuild,
  timedBuild,
  writeScaleSection,
  type BuildMeasure,
} from './lib/build-benchmark';
import { indexWithDefaults, runSideBySide, type SideBySide } from './lib/pagefind-default';
import { NO_ANSWER_QUERIES, QUALITY_QUERIES, runSearchBenchmark, type SearchBenchmarkResult } from './lib/search-benchmark';
import { FIRST_BATCH } from '../src/lib/search/paging';
import { cardThreads } from '../src/lib/share/card-pool';
import { FEED_ENTRIES } from '../src/lib/open-data/feed';
import { LISTED_IN_FULL } from '../src/lib/content/views';
import { SEARCH_RECORDS_FILE } from '../src/lib/search/sections';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    'build-runs': { type: 'string', default: '3,2,1' },
    'search-runs': { type: 'string', default: '5' },
    port: { type: 'string', default: '4378' },
    'side-by-side': { type: 'string', default: '1000,5000' },
    reuse: { type: 'boolean', default: false },
  },
});
const sideBySideSizes = new Set(values['side-by-side'].split(',').filter(Boolean).map(Number));
const sizes = values.sizes.split(',').map((size) => Number(size.replace(/[_\s]/g, '')));
const runList = values['build-runs'].split(',').map(Number);
const buildRunsFor = (index: number) => runList[Math.min(index, runList.length - 1)];
const searchRuns = Number(values['search-runs']);
const CACHE = join(ROOT, '.cache', 'bench-scale');
/**
 * The search budgets by collection size (issue 14): later queries' median time; the first query's own bytes,
 * beyond the engine's runtime (Pagefind's JS, WebAssembly and page list, loaded as the cursor enters the box);
 * and the rounds of search records a query no document holds fetches before the page says so.
 */
const SEARCH_BUDGETS = [
  { upTo: 100, laterMs: 30, firstKB: 40, batches: 2 },
  { upTo: 1000, laterMs: 50, firstKB: 60, batches: 2 },
  { upTo: 5000, laterMs: 100, firstKB: 80, batches: 2 },
];
const budgetFor = (documents: number) => SEARCH_BUDGETS.find((budget) => documents <= budget.upTo) ?? SEARCH_BUDGETS.at(-1)!;
/** What a GitHub Pages site may publish (1 GB), and the file count the issue sets. */
const DEPLOY_LIMIT = { bytes: 1024 ** 3, files: 100_000 };
/** The last 5,000-document figures before share cards became palette PNGs drawn on worker threads (2026-11-29, BENCHMARKS.md). */
const BEFORE_5000 = { wallS: 754.6, cpuS: 764.9, ogBytes: 1253.1 * 1024 * 1024, ogFiles: 22_516, distBytes: 1747.5 * 1024 * 1024, distFiles: 55_391 };
const started = new Date();
const machineInfo = machine();
const log = (message: string) => console.log(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${message}`);
mkdirSync(CACHE, { recursive: true });

interface Measured {
  documents: number;
  builds: BuildMeasure[];
  build: ReturnType<typeof medianBuild>;
  pages: number;
  dist: { bytes: number; files: number };
  pagefind: { bytes: number; files: number };
  indexChunks: { bytes: number; files: number };
  /** The search records (one file of them all up to 100 documents, else one per document, fetched for each candidate checked): files, bytes on disk and gzipped as served. */
  records: { bytes: number; files: number; gzip: number };
  og: { bytes: number; files: number };
  /** What a GitHub Pages deployment uploads: `dist/` as a tar, compressed (gzip level 6, as actions/upload-artifact's zip). */
  artifactBytes: number;
  /** Pagefind's metadata file, loaded when the engine starts: every page's hash and word count, and the index chunks' word ranges. */
  meta: { bytes: number; gzip: number };
  largestChunk: number;
  filters: { bytes: number; files: number };
  sitemapUrls: number;
  feedBytes: number;
  openData: { bytes: number; files: number };
  /** The serialized content layer (node_modules/.astro/data-store.json) after the build. */
  dataStoreBytes: number;
  /** Gzipped HTML of the pages that list documents: the home page, and the largest year, ministry and topic pages. */
  listings: { page: string; bytes: number; gzip: number }[];
  search: SearchBenchmarkResult;
  /** Pagefind's default indexing and UI over the same build (sizes in --side-by-side only). */
  sideBySide?: SideBySide;
  /** The machine's load average right after the builds (the 15-minute figure covers most of a long build). */
  loadAfterBuild?: string;
  /** The load average when the search was measured (settle). */
  loadBeforeSearch?: string;
  /** Worker threads that drew the share cards (SHARE_IMAGE_THREADS, else one per core). */
  cardThreads?: number;
  /** When this size's figures were measured (ISO time). */
  measuredAt: string;
  /** The machine's load average when this size's measuring started ("" when not recorded). */
  loadAtStart: string;
}

function largestPage(dist: string, folder: string): { page: string; bytes: number; gzip: number } {
  const pages = filesOf(join(dist, folder), (name) => name === 'index.html').filter((file) => file !== join(dist, folder, 'index.html'));
  const file = pages.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  return { page: `/${folder}/${basename(join(file, '..'))}/`, bytes: statSync(file).size, gzip: gzippedSize(file) };
}

/**
 * The size of the artifact a GitHub Pages deployment uploads: actions/upload-pages-artifact tars the
 * folder and actions/upload-artifact compresses it (deflate, level 6); actions/deploy-pages checks
 * that size against 1 GB (2^30 bytes).
 */
function artifactSize(dist: string): number {
  const packed = spawnSync('sh', ['-c', 'tar -cf - -C "$1" . | gzip -6 | wc -c', 'sh', dist], { encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`could not pack ${dist}: ${packed.stderr}`);
  return Number(packed.stdout.trim());
}

/** The search records' files: the one file of a collection of at most 100 documents, or one per document (src/lib/search/sections.ts). */
function recordsOutput(dist: string) {
  const files = existsSync(join(dist, SEARCH_RECORDS_FILE)) ? [join(dist, SEARCH_RECORDS_FILE)] : filesOf(join(dist, 'search', 'records'));
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    gzip: files.reduce((sum, file) => sum + gzippedSize(file), 0),
  };
}

/** What a build wrote: sizes on disk and the listing pages' gzipped size. */
function outputOf(dist: string) {
  const meta = filesOf(join(dist, 'pagefind'), (name) => name.endsWith('.pf_meta'))[0];
  return {
    pages: folderSize(dist, (name) => name.endsWith('.html')).files,
    dist: folderSize(dist),
    pagefind: folderSize(join(dist, 'pagefind')),
    indexChunks: folderSize(join(dist, 'pagefind', 'index')),
    largestChunk: Math.max(...filesOf(join(dist, 'pagefind', 'index')).map((file) => statSync(file).size)),
    records: recordsOutput(dist),
    filters: folderSize(join(dist, 'pagefind', 'filter')),
    // .pf_* files are gzipped already: the bytes on disk are the bytes sent; gunzipped for the uncompressed size.
    meta: { bytes: gunzipSync(readFileSync(meta)).length, gzip: statSync(meta).size },
    og: folderSize(join(dist, 'og')),
    artifactBytes: artifactSize(dist),
    sitemapUrls: (readFileSync(join(dist, 'sitemap.xml'), 'utf8').match(/<loc>/g) ?? []).length,
    feedBytes: statSync(join(dist, 'feed.xml')).size,
    openData: folderSize(join(dist, 'data')),
    listings: [
      { page: '/', bytes: statSync(join(dist, 'index.html')).size, gzip: gzippedSize(join(dist, 'index.html')) },
      largestPage(dist, 'years'),
      largestPage(dist, 'ministries'),
      largestPage(dist, 'topics'),
    ],
  };
}

/**
 * Waits, at most four minutes, until the one-minute load average is below half the cores: a build's
 * processes take a while to wind down, and the search timings are of one reader's browser on an
 * otherwise idle machine. Resolves to the load averages then.
 */
async function settle(): Promise<string> {
  const quiet = availableParallelism() / 2;
  for (const until = Date.now() + 240_000; loadavg()[0] >= quiet && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 5_000));
  return machine().load;
}

const results: Measured[] = [];
for (const [index, documents] of sizes.entries()) {
  const buildRuns = buildRunsFor(index);
  const saved = join(CACHE, `${documents}.json`);
  const corpus = join('.cache', `corpus-${documents}`);
  const dist = join(ROOT, '.cache', `corpus-${documents}-dist`);
  if (values.reuse && existsSync(saved)) {
    // Timings from the file; the output's figures read again from the build when it is still there.
    const stored = JSON.parse(readFileSync(saved, 'utf8')) as Omit<Measured, 'measuredAt' | 'loadAtStart'> & Partial<Measured>;
    // Figures saved before these were kept: the file's time is when they were written, the load unknown.
    const dated: Measured = { ...stored, measuredAt: stored.measuredAt ?? statSync(saved).mtime.toISOString(), loadAtStart: stored.loadAtStart ?? '' };
    results.push(existsSync(dist) ? { ...dated, ...outputOf(dist) } : dated);
    log(`${documents}: figures from ${saved}`);
    continue;
  }
  const loadAtStart = machine().load;
  log(`${documents}: generating ${corpus}`);
  const generated = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/generate-corpus.ts', '--size', String(documents), '--out', corpus], { cwd: ROOT, encoding: 'utf8' });
  if (generated.status !== 0) throw new Error(`generate-corpus failed:\n${generated.stdout}${generated.stderr}`);
  const builds: BuildMeasure[] = [];
  for (let run = 1; run <= buildRuns; run += 1) {
    // Every share image drawn (an empty card cache), as the first build of a new corpus would.
    const measure = await timedBuild({ outDir: dist, contentDir: corpus, log: join(CACHE, `build-${documents}-${run}.log`), coldShareImages: true, allowFailure: true });
    log(`${documents}: build ${run}/${buildRuns}: ${measure.wallS.toFixed(1)} s wall, ${measure.cpuS.toFixed(1)} s CPU, ${measure.maxRssMB.toFixed(0)} MB${measure.failure ? ` FAILED: ${measure.failure}` : ''}`);
    builds.push(measure);
  }
  const loadAfterBuild = machine().load;
  const dataStore = join(ROOT, 'node_modules', '.astro', 'data-store.json');
  const measured: Omit<Measured, 'search' | 'measuredAt' | 'loadAtStart'> = {
    loadAfterBuild,
    cardThreads: cardThreads(),
    documents,
    builds,
    build: medianBuild(builds),
    dataStoreBytes: existsSync(dataStore) ? statSync(dataStore).size : Number.NaN,
    ...outputOf(dist),
  };
  const loadBeforeSearch = await settle();
  log(`${documents}: search (load average ${loadBeforeSearch})`);
  const search = await runSearchBenchmark({ dist, runs: searchRuns, port: Number(values.port) });
  let sideBySide: SideBySide | undefined;
  if (sideBySideSizes.has(documents)) {
    log(`${documents}: Pagefind's default index and UI, side by side`);
    const defaultIndex = indexWithDefaults(dist, join(ROOT, '.cache', `corpus-${documents}-pagefind-default`));
    sideBySide = await runSideBySide({ dist, defaultIndex, quality: search.quality, documents, queries: QUALITY_QUERIES, runs: Math.min(searchRuns, 3), port: Number(values.port) });
  }
  const result: Measured = { ...measured, search, sideBySide, measuredAt: new Date().toISOString(), loadAtStart, loadBeforeSearch };
  writeFileSync(saved, JSON.stringify(result, null, 2));
  results.push(result);
}

// ---- the Scale section -------------------------------------------------------------------------------
const count = (value: number) => value.toLocaleString('en');
// A median of no queries is NaN (null once saved as JSON).
const msOrDash = (ms: number | null) => (ms === null || Number.isNaN(ms) ? '–' : `${ms} ms`);
const bySize = new Map(results.map((result) => [result.documents, result]));
/** The figures the budget of a size judges, and what each is over its budget. */
function searchBudget(result: Measured) {
  const budget = budgetFor(result.documents);
  const figures = {
    laterMs: result.search.nextQuery.medianMs,
    firstKB: result.search.firstQuery.medianKB,
    // The most rounds of records any no-answer query fetched in any page load.
    batches: Math.max(...(result.search.noAnswer ?? []).map((measure) => measure.maxBatches)),
  };
  const misses = [
    figures.laterMs > budget.laterMs && `later queries ${figures.laterMs} ms > ${budget.laterMs} ms`,
    figures.firstKB > budget.firstKB && `first query ${figures.firstKB} KB > ${budget.firstKB} KB`,
    !(figures.batches <= budget.batches) && `no-answer query ${figures.batches} batches > ${budget.batches}`,
  ].filter(Boolean) as string[];
  return { budget, figures, misses };
}
const withinSearch = (result: Measured) => {
  const { misses } = searchBudget(result);
  return misses.length === 0 ? 'yes' : `**no**: ${misses.join('; ')}`;
};
const openFileLimit = spawnSync('sh', ['-c', 'ulimit -Hn'], { encoding: 'utf8' }).stdout.trim();
/** A failed build, said plainly, with the cause when it is a known one. */
function failures(): string {
  const failed = results.filter((result) => result.build.failure);
  if (failed.length === 0) return '';
  return `\n${failed
    .map((result) => {
      const emfile = /EMFILE/.test(result.build.failure!);
      const headers = /security-headers/.test(result.build.failure!);
      return `**The ${count(result.documents)}-document build failed** (exit status 1) at its last step, after every page, share image and the Pagefind index had been written: \`${result.build.failure}\`.${
        emfile && headers
          ? ` Cause: \`src/integrations/security-headers.ts\` reads every built HTML page at once (\`Promise.all\` over \`readFile\` of all ${count(result.pages)} pages), so it holds one file descriptor per page, more than this machine's open-file limit of ${openFileLimit} (\`ulimit -Hn\`, which cannot be raised here). Reading the pages in batches (or one after another) fixes it; \`_headers\` is the only file missing, so the figures above cover all of the build but writing it, and the search figures below are measured on that output.`
          : ''
      }`;
    })
    .join('\n\n')}\n`;
}
const small = bySize.get(1000);
const large = bySize.get(5000);
const ratio = (key: 'wallS' | 'cpuS' | 'maxRssMB') => (small && large ? large.build[key] / small.build[key] : Number.NaN);
const pagesRatio = small && large ? large.pages / small.pages : Number.NaN;
const largest = results.at(-1)!;
const perPageMs = (result: Measured) => (result.build.cpuS * 1000) / result.pages;
const perDocumentMB = small && large ? (large.build.maxRssMB - small.build.maxRssMB) / (large.documents - small.documents) : Number.NaN;
const scaleTo = (value: number) => (value / largest.documents) * 50_000;
const at50k = {
  pages: scaleTo(largest.pages),
  cpuHours: (perPageMs(largest) * scaleTo(largest.pages)) / 3_600_000,
  memoryGB: small && large ? (large.build.maxRssMB + perDocumentMB * (50_000 - large.documents)) / 1024 : Number.NaN,
  distGB: scaleTo(largest.dist.bytes) / 1024 ** 3,
  files: scaleTo(largest.dist.files),
  metaKB: scaleTo(largest.meta.gzip) / 1024,
  filtersKB: scaleTo(largest.filters.bytes) / 1024,
};
/** Documents at which a figure that grows linearly from the smallest to the largest size reaches `limit`. */
const reachedAt = (figure: (result: Measured) => number, limit: number) => {
  const first = results[0];
  const slope = (figure(largest) - figure(first)) / (largest.documents - first.documents);
  return Math.round((first.documents + (limit - figure(first)) / slope) / 10) * 10;
};

/** Where `figure` would stand at `documents`, growing as it did from 1,000 to 5,000 documents (or between the two largest sizes). */
function projected(figure: (result: Measured) => number, documents: number): number {
  const [from, to] = small && large ? [small, large] : results.slice(-2);
  if (!from || !to || from === to) return Number.NaN;
  return figure(to) + ((figure(to) - figure(from)) / (to.documents - from.documents)) * (documents - to.documents);
}

/** Whether the largest build fits a GitHub Pages site, where 10,000 documents would stand, and the share cards before and after. */
function deployable(): string {
  const at = (documents: number) => ({ bytes: projected((result) => result.dist.bytes, documents), files: projected((result) => result.dist.files, documents) });
  const fits = (bytes: number, files: number) => bytes < DEPLOY_LIMIT.bytes && files < DEPLOY_LIMIT.files;
  const ten = at(10_000);
  const gb = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);
  const artifactAt10k = projected((result) => result.artifactBytes, 10_000);
  const lines = [
    `Deployable (GitHub Pages publishes at most 1 GB; the file limit set is ${count(DEPLOY_LIMIT.files)}): at ${count(largest.documents)} documents \`dist/\` is **${gb(largest.dist.bytes)} GB in ${count(largest.dist.files)} files** — ${fits(largest.dist.bytes, largest.dist.files) ? `within both, with ${((1 - largest.dist.bytes / DEPLOY_LIMIT.bytes) * 100).toFixed(0)} % of the 1 GB and ${count(DEPLOY_LIMIT.files - largest.dist.files)} files to spare` : '**over a limit**'}. Of it, the share cards are ${gb(largest.og.bytes)} GB (${((largest.og.bytes / largest.dist.bytes) * 100).toFixed(0)} %) and the HTML pages the most of the rest. What GitHub Pages checks against the 1 GB (2^30 bytes, in actions/deploy-pages) is the uploaded artifact, \`dist/\` tarred and compressed: **${gb(largest.artifactBytes)} GB** (${((largest.artifactBytes / DEPLOY_LIMIT.bytes) * 100).toFixed(0)} % of it; the HTML compresses, the PNG cards do not); the files themselves may make up to 10 GB.`,
  ];
  if (Number.isFinite(ten.bytes)) {
    lines.push(
      `Growing as from 1,000 to 5,000 documents, 10,000 documents would stand at ≈ ${gb(ten.bytes)} GB on disk in ≈ ${count(Math.round(ten.files / 1000) * 1000)} files — ${fits(ten.bytes, ten.files) ? 'still within both' : `past ${ten.bytes >= DEPLOY_LIMIT.bytes ? 'the 1 GB' : ''}${ten.bytes >= DEPLOY_LIMIT.bytes && ten.files >= DEPLOY_LIMIT.files ? ' and ' : ''}${ten.files >= DEPLOY_LIMIT.files ? `the ${count(DEPLOY_LIMIT.files)} files` : ''}`}, and an artifact of ≈ ${gb(artifactAt10k)} GB (${artifactAt10k < DEPLOY_LIMIT.bytes ? 'within' : 'past'} GitHub's 1 GB); on disk the 1 GB is reached at ≈ ${count(reachedAt((result) => result.dist.bytes, DEPLOY_LIMIT.bytes))} documents, the artifact's at ≈ ${count(reachedAt((result) => result.artifactBytes, DEPLOY_LIMIT.bytes))}, and ${count(DEPLOY_LIMIT.files)} files at ≈ ${count(reachedAt((result) => result.dist.files, DEPLOY_LIMIT.files))}.`,
    );
  }
  if (large) {
    lines.push(
      `Before (the ${count(5000)}-document build of 2026-11-29, full-colour PNG cards drawn in the build's own thread): share cards ${mb(BEFORE_5000.ogBytes)} MB for ${count(BEFORE_5000.ogFiles)} cards, ${kb(BEFORE_5000.ogBytes / BEFORE_5000.ogFiles)} KB per card; \`dist/\` ${gb(BEFORE_5000.distBytes)} GB in ${count(BEFORE_5000.distFiles)} files; build ${BEFORE_5000.wallS} s wall, ${BEFORE_5000.cpuS} s CPU. Now: ${mb(large.og.bytes)} MB for ${count(large.og.files)} cards, ${kb(large.og.bytes / large.og.files)} KB per card (16-colour palette PNGs, every card kept); \`dist/\` ${gb(large.dist.bytes)} GB in ${count(large.dist.files)} files; build ${large.build.wallS.toFixed(1)} s wall (${large.build.wallS <= BEFORE_5000.wallS ? 'no slower' : '**slower**'}), ${large.build.cpuS.toFixed(1)} s CPU, the cards drawn on ${large.cardThreads ?? '?'} worker threads.`,
    );
  }
  return lines.join('\n\n');
}

/** The side-by-side with Pagefind's default indexing and UI, at the sizes that have one. */
function sideBySideSection(): string {
  const compared = results.filter((result) => result.sideBySide);
  if (compared.length === 0) return '';
  const verdict = (comparison: SideBySide) => {
    const missedByDefault = comparison.pagefindDefault.perQuery.filter((entry, index) => entry.found < comparison.holding[index].documents);
    const missedByOurs = comparison.ours.perQuery.filter((entry, index) => entry.found < comparison.holding[index].documents);
    const faster = comparison.ours.laterQueriesMs < comparison.pagefindDefault.laterQueriesMs && comparison.ours.firstQueryMs < comparison.pagefindDefault.firstQueryMs;
    return `${count(comparison.documents)} documents: the site's search finds ${missedByOurs.length === 0 ? 'every holding document of every query' : `**not all** (${missedByOurs.map((entry) => entry.query).join(', ')})`}, Pagefind's default misses some for ${missedByDefault.length} of ${comparison.queries.length} queries (${count(sum(comparison.holding.map((entry) => entry.documents)) - sum(comparison.pagefindDefault.perQuery.map((entry) => entry.found)))} holding documents in all); the site's search answers ${faster ? 'faster' : '**not faster**'} (first query ${comparison.ours.firstQueryMs} ms against ${comparison.pagefindDefault.firstQueryMs} ms, later queries ${comparison.ours.laterQueriesMs} ms against ${comparison.pagefindDefault.laterQueriesMs} ms, medians).`;
  };
  const first = compared[0].sideBySide!;
  return `### Side by side: Pagefind with its defaults

The same build, indexed again by Pagefind's CLI with its default settings over the built HTML (\`pagefind --site <build> --output-path …\`: every page's \`<body>\`, its own Chinese word segmentation) and searched through its default UI (\`pagefind-ui\`, its defaults but the typing delay, 300 ms, set to 0 so that both are timed from the start of a search; the site's search page is timed from Enter, which skips its own 150 ms typing delay). ${first.runs} fresh page loads of each, alternately, each putting the cursor in the search box first (both load their engine then) and asking the ${first.queries.length} queries of the quality check in turn, each run from a different one; time to results = until the status line says what was found (the site) or the message and the first page of results with their titles are shown (Pagefind's UI). A document counts as found when the page of the document or of one of its clauses is among what Pagefind returns (its UI shows 5 at a time and counts them all); the documents holding a query are judged against the search records, as above.

| documents | Pagefind default index | site: first query | site: later queries | default UI: first query | default UI: later queries |
|---|---|---|---|---|---|
${compared
  .map((result) => {
    const comparison = result.sideBySide!;
    return `| ${count(comparison.documents)} | ${count(comparison.defaultIndex.pages)} pages, ${mb(comparison.defaultIndex.bytes, 1)} MB in ${count(comparison.defaultIndex.files)} files, ${comparison.defaultIndex.seconds.toFixed(0)} s | ${comparison.ours.firstQueryMs} ms | ${comparison.ours.laterQueriesMs} ms | ${comparison.pagefindDefault.firstQueryMs} ms | ${comparison.pagefindDefault.laterQueriesMs} ms |`;
  })
  .join('\n')}

Per query: documents holding it, then found by the site's search / by Pagefind's default, and each one's median time to results:

| query | ${compared.map((result) => `${count(result.documents)}: holding | found (site / default) | time (site / default)`).join(' | ')} |
|---|${compared.map(() => '---|---|---|').join('')}
${first.queries
  .map((query, index) => `| ${query} | ${compared.map((result) => {
    const comparison = result.sideBySide!;
    const ours = comparison.ours.perQuery[index];
    const theirs = comparison.pagefindDefault.perQuery[index];
    const holding = comparison.holding[index].documents;
    return `${count(holding)} | ${count(ours.found)} / ${theirs.found < holding ? `**${count(theirs.found)}**` : count(theirs.found)} | ${ours.medianMs} / ${theirs.medianMs} ms`;
  }).join(' | ')} |`)
  .join('\n')}

${compared.map((result) => verdict(result.sideBySide!)).join(' ')}`;
}

const sum = (numbers: number[]) => numbers.reduce((total, value) => total + value, 0);

const section = `## Scale

Written by \`npm run bench:scale\` (\`scripts/bench-scale.ts\`) on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, on the machine above (${machineInfo.cpus}, ${machineInfo.memory}); each size measured by then: ${results.map((result) => `${count(result.documents)} documents at ${result.measuredAt.slice(0, 16).replace('T', ' ')} UTC${result.loadAtStart ? ` (load average ${result.loadAtStart} when it started${result.loadAfterBuild ? `, ${result.loadAfterBuild} after its builds` : ''}${result.loadBeforeSearch ? `, ${result.loadBeforeSearch} when its search was measured` : ''})` : ''}`).join(', ')}. The load averages include the benchmark's own work (a build keeps the page rendering and the card threads busy, a search run Chromium and a server), so only a figure well above that is other work on the machine; wall and search times depend on it, CPU time (user + sys) is the steadier figure of a build. Search is measured once the one-minute load average has fallen below half the cores after the builds (waiting at most four minutes).

Method: \`scripts/generate-corpus.ts\` writes a synthetic corpus of N documents into \`.cache/corpus-N\` (clauses recombined from the real ones), \`CONTENT_DIR=.cache/corpus-N astro build --outDir .cache/corpus-N-dist\` builds it with an empty share-image cache (every card drawn) ${results.map((result) => `${count(result.documents)}: ${result.builds.length}×`).join(', ')} (medians; the builds column of each size says how many), timed as in Build above (wall around the process; CPU = user + sys and peak RSS from ${largest.build.method}); then the search benchmark above runs against each build (${searchRuns} page loads × ${largest.search.queries.length} queries, medians).

| documents | HTML pages | builds | build wall | build CPU (user + sys) | CPU per page | peak memory (maxRSS) | \`dist/\` | share images (in all, per card) |
|---|---|---|---|---|---|---|---|---|
${results
  .map(
    (result) =>
      `| ${count(result.documents)} | ${count(result.pages)} | ${result.builds.length} | ${result.build.wallS.toFixed(1)} s | ${result.build.cpuS.toFixed(1)} s | ${perPageMs(result).toFixed(0)} ms | ${result.build.maxRssMB.toFixed(0)} MB | ${mb(result.dist.bytes)} MB, ${count(result.dist.files)} files | ${mb(result.og.bytes)} MB, ${count(result.og.files)} cards, ${kb(result.og.bytes / result.og.files)} KB per card |`,
  )
  .join('\n')}
${failures()}
${deployable()}

The Pagefind index (sizes on disk; Pagefind's \`.pf_*\` files are gzipped already, so that is what is sent):

| documents | \`pagefind/\` | metadata (\`.pf_meta\`, loaded when the engine starts) | index chunks | largest chunk | filters | search records (gzipped: up to 100 documents all in one file, fetched by the first query; beyond, one per document, fetched for each candidate checked) |
|---|---|---|---|---|---|---|
${results
  .map(
    (result) =>
      `| ${count(result.documents)} | ${mb(result.pagefind.bytes, 2)} MB, ${count(result.pagefind.files)} files | ${kb(result.meta.gzip)} KB (${kb(result.meta.bytes)} KB unzipped) | ${result.indexChunks.files} × ${kb(result.indexChunks.bytes / result.indexChunks.files)} KB | ${kb(result.largestChunk)} KB | ${result.filters.files} files, ${kb(result.filters.bytes)} KB | ${count(result.records.files)} × ${kb(result.records.gzip / result.records.files, 2)} KB |`,
  )
  .join('\n')}

Search, against the budget of each size: later queries (median time until the first results are shown; beyond 100 documents, where each record is a request of its own, the page shows the first ${FIRST_BATCH} candidates it confirms before it checks the rest of the page, and the time until the first page is complete is given beside it), the first query's own bytes beyond the engine's runtime (Pagefind's JS, WebAssembly and page list, ${largest.search.engineKB} KB at ${count(largest.documents)} documents, loaded as the cursor enters the search box), and the rounds of search records (batches) that a query no document holds fetches before the page says so (${NO_ANSWER_QUERIES.map((query) => `“${query}”`).join(' and ')}, each asked first on a fresh page; the most over the page loads):

| documents | later queries (median) | budget | later queries: first page complete | first query, beyond the engine | budget | no-answer query | budget | within |
|---|---|---|---|---|---|---|---|---|
${results
  .map((result) => {
    const { budget, figures } = searchBudget(result);
    return `| ${count(result.documents)} | ${figures.laterMs} ms | ≤ ${budget.laterMs} ms | ${msOrDash(result.search.nextQuery.medianPageMs ?? null)} | ${figures.firstKB} KB | ≤ ${budget.firstKB} KB | ${Number.isFinite(figures.batches) ? `${figures.batches} ${figures.batches === 1 ? 'batch' : 'batches'}` : '–'} | ≤ ${budget.batches} batches | ${withinSearch(result)} |`;
  })
  .join('\n')}

In detail:

| documents | engine at page open | first query | first query with the engine | later queries (no request / fetching chunks) |
|---|---|---|---|---|
${results
  .map(
    (result) =>
      `| ${count(result.documents)} | ${result.search.engineKB} KB | ${result.search.firstQuery.medianMs} ms, ${result.search.firstQuery.medianKB} KB in ${result.search.firstQuery.medianRequests} requests | ${(result.search.engineKB + result.search.firstQuery.medianKB).toFixed(1)} KB | ${result.search.nextQuery.medianMs} ms, ${result.search.nextQuery.medianKB} KB (${msOrDash(result.search.nextQuery.withoutRequests.medianMs)} / ${msOrDash(result.search.nextQuery.withRequests.medianMs)}) |`,
  )
  .join('\n')}

Queries no document holds: ${results.map((result) => `${count(result.documents)}: ${(result.search.noAnswer ?? []).map((measure) => `${measure.query} (Pagefind returns ${count(measure.candidates)} candidates, ${measure.holding} hold it) ${measure.medianBatches} ${measure.medianBatches === 1 ? 'batch' : 'batches'} of records (at most ${measure.maxBatches}), ${measure.medianRecords} records, ${measure.medianKB} KB, ${measure.medianMs} ms, then “${measure.status}”`).join(' · ')}`).join('; ')}.

How well search answers at each size (${largest.search.quality.queries} queries: the ${largest.search.queries.length} above and ${largest.search.quality.queries - largest.search.queries.length} policy terms that match hundreds of documents at scale), judged against every document's search record: how many of the documents holding a query Pagefind returns, and how many of the first page's results (up to 10) are among the best 10 of all documents holding the query by the search page's own ranking (title match, the closest section holding every word, sections holding every word and occurrences; ties included; the page checks and ranks Pagefind's first candidates, so this measures how well Pagefind's order brings the best forward):

| documents | documents holding a query found | first page among the best 10 |
|---|---|---|
${results.map((result) => `| ${count(result.documents)} | ${count(result.search.quality.found)} of ${count(result.search.quality.holding)} | ${(result.search.quality.firstPagePrecision * 100).toFixed(0)} % |`).join('\n')}

Per query, median time and bytes over the page loads: ${results.map((result) => `${count(result.documents)}: ${result.search.perQuery.map((entry) => `${entry.query} ${entry.medianMs} ms ${entry.medianKB} KB`).join(' · ')}`).join('; ')}.

${sideBySideSection()}

Files that grow with the corpus: the listing pages (gzipped HTML as served; home, ministry and topic pages show the newest ${LISTED_IN_FULL} documents and link the rest, a year page lists its whole year; the largest year, ministry and topic page of each build), the sitemap, the feed (the newest ${FEED_ENTRIES}), the open data (\`data/\`) and the serialized content layer (\`node_modules/.astro/data-store.json\`):

| documents | home \`/\` | largest year page | largest ministry page | largest topic page | \`sitemap.xml\` | \`feed.xml\` | \`data/\` | content layer store |
|---|---|---|---|---|---|---|---|---|
${results
  .map(
    (result) =>
      `| ${count(result.documents)} | ${result.listings.map((listing, index) => `${kb(listing.gzip)} KB${index > 0 ? ` (\`${listing.page}\`)` : ''}`).join(' | ')} | ${count(result.sitemapUrls)} URLs | ${mb(result.feedBytes)} MB | ${mb(result.openData.bytes)} MB | ${mb(result.dataStoreBytes)} MB |`,
  )
  .join('\n')}

${
  small && large
    ? `Ratios 5,000 / 1,000 documents (target: about linear, at most 6×; pages grow ${pagesRatio.toFixed(2)}×): build wall time **${ratio('wallS').toFixed(2)}×**, build CPU time **${ratio('cpuS').toFixed(2)}×**, peak memory **${ratio('maxRssMB').toFixed(2)}×** — ${ratio('cpuS') <= 6 && ratio('wallS') <= 6 && ratio('maxRssMB') <= 6 ? 'within the target' : '**over the target**'}${large.build.failure ? ' (but the 5,000 build does not complete: see above)' : ''}. Search at 5,000 documents within its budget: ${withinSearch(large)}.`
    : 'Ratios 5,000 / 1,000: not measured (run with both sizes).'
}

### Past 50,000 documents

PAST_50K
`;

// The paragraph is reasoning from these figures: the numbers in it are computed, the argument is written by hand
// (read it again when the figures move).
const past = [
  `Extrapolating the measured figures linearly (pages, cards, output and index grew in proportion to the documents, memory much less): 50,000 documents would be ≈ ${count(Math.round(at50k.pages / 1000) * 1000)} pages and cards, and at ${perPageMs(largest).toFixed(0)} ms of CPU per page ≈ ${at50k.cpuHours.toFixed(1)} CPU-hours of build —`,
  `of which the pages are rendered on one core (Astro renders pages one after another in one thread; \`build.concurrency\` only overlaps waiting, not CPU work) while the share images (satori + resvg) are drawn on worker threads, one per core (\`src/lib/share/card-pool.ts\`), from the start of page generation: on a machine with more cores the cards' part of the wall time shrinks, the pages' part does not (the GitHub workflow also keeps the card cache, \`node_modules/.cache/share-images\`, between runs, so a new build draws only new or changed cards).`,
  `Memory grew ≈ ${perDocumentMB.toFixed(2)} MB per document from 1,000 to 5,000, ≈ ${at50k.memoryGB.toFixed(1)} GB at 50,000; the serialized content layer is only ${mb(largest.dataStoreBytes)} MB at ${count(largest.documents)}, so the growth is elsewhere (maxRSS is the largest single process, Node or Pagefind's indexing binary; which one, and what it holds, was not measured apart) — it would fit a 16 GB machine, be tight on 8 GB, and may need \`--max-old-space-size\`.`,
  `The output would be ≈ ${at50k.distGB.toFixed(0)} GB in ≈ ${count(Math.round(at50k.files / 1000) * 1000)} files, mostly share images: past the 1 GB artifact a GitHub Pages site accepts (≈ ${(scaleTo(largest.artifactBytes) / 1024 ** 3).toFixed(1)} GB compressed; reached at ≈ ${count(reachedAt((result) => result.artifactBytes, DEPLOY_LIMIT.bytes))} documents) and Cloudflare Pages' 20,000 files (free plan; ≈ ${count(reachedAt((result) => result.dist.files, 20_000))} documents) or 100,000 (paid; ≈ ${count(reachedAt((result) => result.dist.files, 100_000))}), so clause cards would have to go (or be drawn on demand); and the sitemap passes the protocol's 50,000 URLs per file at ≈ ${count(reachedAt((result) => result.sitemapUrls, 50_000))} documents, from where \`/sitemap.xml\` becomes the index of \`/sitemaps/<n>.xml\`.`,
  `Search start-up grows with the collection, the queries much less: Pagefind's metadata file, loaded when the engine starts, lists every page (${kb(largest.meta.gzip)} KB gzipped at ${count(largest.documents)}, ≈ ${at50k.metaKB.toFixed(0)} KB at 50,000), so the engine alone weighs ${largest.search.engineKB} KB at ${count(largest.documents)} (all but ${kb(largest.meta.gzip)} KB of it Pagefind's JS and WebAssembly, the same at any size) where the first query's own requests are ${largest.search.firstQuery.medianKB} KB; the filter files list every page too (${kb(largest.filters.bytes)} KB, ≈ ${at50k.filtersKB.toFixed(0)} KB), which is why a collection of more than 100 documents loads them only when the reader opens the facet box, into a second Pagefind instance. A query itself downloads the index chunks of the tokens it asks for (at most four pairs per word, or a single character's own token; ≈ ${kb(largest.indexChunks.bytes / largest.indexChunks.files)} KB each, the largest ${kb(largest.largestChunk)} KB at ${count(largest.documents)}: each section lists a token once, so a token's list grows with the documents holding it, not with how often they repeat it) and, past 100 documents, the search record of each candidate it checks (≈ ${kb(largest.records.gzip / largest.records.files, 2)} KB), so it stays about the same size; its time is those requests (the chunks, then a round of ${FIRST_BATCH} record requests before the first results are shown, and one more for the rest of the page) and Pagefind's matching, which is why later queries take ${results.map((result) => `${result.search.nextQuery.medianMs} ms`).join(' / ')} at ${results.map((result) => count(result.documents)).join(' / ')} documents, where a collection of at most 100 documents, whose records come in one file with the first query, waits for the index chunks alone. Past 50,000 it is the engine's start-up that needs work: one Pagefind index per period, merged with \`mergeIndex\` only when a search needs it.`,
  `The listing pages stay light: home, ministry and topic pages show the newest ${LISTED_IN_FULL} documents (${kb(largest.listings[0].gzip)} KB gzipped for the home page at ${count(largest.documents)}) and link the search page filtered to the rest; a year page lists its whole year (${kb(largest.listings[1].gzip)} KB for the largest at ${count(largest.documents)}, ≈ ${(scaleTo(largest.listings[1].gzip) / 1024).toFixed(0)} KB at 50,000), so year pages would need splitting by month or by ${LISTED_IN_FULL} documents well before then.`,
].join(' ');

writeScaleSection(section.replace('PAST_50K', past));
writeFileSync(join(CACHE, 'results.json'), JSON.stringify({ started, machineInfo, results }, null, 2));
log('wrote the Scale section of BENCHMARKS.md');
