import { defineConfig } from 'vitest/config';

// Two phases: `unit` runs before the build (pure code, content fixtures); `site` reads the built `dist/`.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 120_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
    ],
  },
});
