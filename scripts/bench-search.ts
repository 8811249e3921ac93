/**
 * Search benchmark in Chromium on localhost: median time and compressed bytes of the first query
 * on a freshly opened search page (cold cache) and of the queries after it (scripts/lib/search-benchmark.ts).
 * Usage: npm run build && npm run bench:search [-- --dist dist --runs 7 --json out.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatSearchBenchmark, runSearchBenchmark } from './lib/search-benchmark';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '7' },
    port: { type: 'string', default: '4377' },
    json: { type: 'string' },
  },
});

const result = await runSearchBenchmark({ dist: values.dist, runs: Number(values.runs), port: Number(values.port) });
console.log(formatSearchBenchmark(result));
if (values.json) {
  const { runs, pageKB, engineKB, firstQuery, nextQuery } = result;
  writeFileSync(values.json, JSON.stringify({ runs, pageKB, engineKB, firstQuery, nextQuery }, null, 2) + '\n');
}
