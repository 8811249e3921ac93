/**
 * The two sites the tests build and serve (outside dist/, so `npm test` leaves `npm run build`'s
 * output alone):
 * - `site`: the real content, as the production build makes it, served at the root;
 * - `large`: a generated collection of a few hundred documents that includes the real ones,
 *   deployed under a sub-path, so that one build tests both a large collection and a sub-path.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface TestSite {
  /** Where the build is written, relative to the project. */
  outDir: string;
  /** The content it is built from (CONTENT_DIR), when not content/. */
  contentDir?: string;
  /** Synthetic documents generated into contentDir, besides the real ones. */
  generated?: number;
  /** SITE and BASE of the build. */
  site: string;
  base: string;
  /** The local port the browser tests serve it on. */
  port: number;
}

const cache = join('.cache', 'test');
/** The first of the two ports; TEST_PORT moves both, for a machine where 4329 or 4330 is taken. */
const port = Number(process.env.TEST_PORT ?? 4329);

export const testSites = {
  site: { outDir: join(cache, 'site'), site: `http://127.0.0.1:${port}`, base: '/', port },
  large: { outDir: join(cache, 'large'), contentDir: join(cache, 'large-content'), generated: 200, site: 'https://example.org', base: '/mg-policy/', port: port + 1 },
} as const satisfies Record<string, TestSite>;

/** Where a test site is served locally, with its base: http://127.0.0.1:<port><base>. */
export const servedUrl = (site: TestSite): string => `http://127.0.0.1:${site.port}${site.base}`;

/** Generates a test site's content (the real documents plus synthetic ones), when it has its own. */
export function prepareTestContent(site: TestSite) {
  if (!site.contentDir) return;
  const args = ['scripts/generate-corpus.ts', '--size', String(site.generated ?? 0), '--out', site.contentDir, '--with-real'];
  const result = spawnSync('node_modules/.bin/tsx', args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsx ${args.join(' ')} exited with ${result.status}`);
}

/** The `astro build` that makes a test site: its arguments and environment. */
export function testSiteBuild(site: TestSite): { args: string[]; env: Record<string, string> } {
  return {
    args: ['build', '--outDir', site.outDir],
    env: { SITE: site.site, BASE: site.base, ...(site.contentDir ? { CONTENT_DIR: site.contentDir } : {}) },
  };
}
