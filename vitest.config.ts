import { defineConfig } from 'vitest/config';
import { testSites } from './scripts/lib/test-sites.ts';

// Two phases: `unit` runs before the build (pure code, content fixtures); `site` reads the test sites
// that `npm run test:build` wrote (scripts/lib/test-sites.ts).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000 } },
      // The site tests walk whole builds (the large one has about 1,500 pages): a busy machine needs more than 5 s.
      // They only read files, so they share one module graph: loading it again for each file took three quarters of the time.
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 60_000, isolate: false, env: { DIST_DIR: testSites.site.outDir } } },
    ],
  },
});
