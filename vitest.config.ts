import { defineConfig } from 'vitest/config';
import { testSites } from './scripts/lib/test-sites.ts';

// Two phases: `unit` runs before the build (pure code, content fixtures); `site` reads the test sites
// that `npm run test:build` wrote (scripts/lib/test-sites.ts).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], env: { DIST_DIR: testSites.site.outDir } } },
    ],
  },
});
