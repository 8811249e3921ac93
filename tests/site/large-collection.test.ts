import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTED_IN_FULL } from '../../src/lib/views';
import { checkLinks } from '../../scripts/lib/link-check';

/**
 * A generated collection larger than the listing pages show in full (scripts/generate-corpus.ts),
 * built as the site is: the listing pages stay light and every document stays reachable.
 */
const DOCUMENTS = 120;
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), 'mg-large-'));
// CONTENT_DIR is a path inside the project.
const contentDir = join('.cache', `test-collection-${DOCUMENTS}`);
const outDir = join(work, 'dist');
const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const cards = (html: string) => (html.match(/data-policy=/g) ?? []).length;
const documentLinks = (html: string) => new Set([...html.matchAll(/href="\/policies\/([^/"#]+)\/"/g)].map((match) => match[1]));
const listingPages = (section: 'ministries' | 'topics') => readdirSync(join(outDir, section), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${section}/${entry.name}`);

beforeAll(() => {
  // Vitest's own import.meta.env values (BASE_URL, MODE, …) are in process.env; the build must not inherit them.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...environment } = process.env;
  const generated = spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/generate-corpus.ts', '--size', String(DOCUMENTS), '--out', contentDir], { cwd: root, encoding: 'utf8' });
  expect(generated.status, generated.stderr).toBe(0);
  const build = spawnSync(join(root, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: root,
    env: { ...environment, CONTENT_DIR: contentDir, SITE: 'http://127.0.0.1:4329' },
    encoding: 'utf8',
  });
  expect(build.status, build.stderr + build.stdout.slice(-2000)).toBe(0);
}, 300_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(join(root, contentDir), { recursive: true, force: true });
});

describe(`a collection of ${DOCUMENTS} documents`, () => {
  it('every internal link, asset and #fragment resolves', () => {
    const { broken, links } = checkLinks({ distDir: outDir, site: 'http://127.0.0.1:4329' });
    expect(broken.slice(0, 10)).toEqual([]);
    expect(links).toBeGreaterThan(DOCUMENTS * 10);
  });

  it(`the home page shows the newest ${LISTED_IN_FULL} documents, and links every year page that holds the others`, () => {
    const home = page('');
    expect(cards(home)).toBe(LISTED_IN_FULL);
    // Filtering in place would miss the documents not on the page: the chips stay links.
    expect(home).toMatch(/<section[^>]*data-timeline-filters/);
    expect(home).not.toMatch(/<section[^>]*data-timeline-filters[^>]*data-in-place/);
    const earlier = home.slice(home.indexOf('id="earlier-heading"'));
    const years = [...earlier.matchAll(/href="\/years\/(\d{4})\/"/g)].map((match) => match[1]);
    expect(years.length).toBeGreaterThan(0);
    const reachable = new Set([...documentLinks(home), ...years.flatMap((year) => [...documentLinks(page(`years/${year}`))])]);
    expect(reachable.size).toBe(DOCUMENTS);
  });

  it(`ministry and topic pages show at most ${LISTED_IN_FULL} documents, and link the search page filtered to all of them`, () => {
    let capped = 0;
    for (const path of [...listingPages('ministries'), ...listingPages('topics')]) {
      const html = page(path);
      const [section, id] = path.split('/');
      const key = section === 'ministries' ? 'ministry' : 'topic';
      const shown = section === 'ministries' ? cards(html) : documentLinks(html.slice(html.indexOf('<main'))).size;
      expect(shown, path).toBeLessThanOrEqual(LISTED_IN_FULL);
      if (html.includes('data-more-in-search')) {
        capped += 1;
        expect(html, path).toContain(`href="/search/?${key}=${id}"`);
      }
    }
    expect(capped).toBeGreaterThan(0);
  });

  it('the search page knows the collection is large (facet counts and records load on demand)', () => {
    expect(page('search')).toContain(`"documents":${DOCUMENTS}`);
  });

  it('the listing pages stay within 25 KB of gzipped HTML', () => {
    for (const path of ['', ...listingPages('ministries'), ...listingPages('topics')]) {
      expect(gzipSync(readFileSync(join(outDir, path, 'index.html'))).length, path || '/').toBeLessThanOrEqual(25 * 1024);
    }
  });
});
