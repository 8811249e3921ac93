import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LISTED_IN_FULL } from '../../src/lib/content/views';
import { checkLinks } from '../../scripts/lib/link-check';
import { testSites } from '../../scripts/lib/test-sites';
import { readUrlLock } from '../../scripts/lib/url-lock';

/**
 * The large test site (scripts/lib/test-sites.ts): a generated collection that holds the real
 * documents too, larger than the listing pages show in full, deployed under a sub-path. The listing
 * pages stay light, every document stays reachable, and every link resolves under the base.
 */
const { outDir, contentDir, site, base } = testSites.large;
const documents = readdirSync(join(contentDir, 'policies')).filter((name) => name.endsWith('.mdx')).length;
const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const cards = (html: string) => (html.match(/data-policy=/g) ?? []).length;
const documentLinks = (html: string) => new Set([...html.matchAll(new RegExp(`href="${base}policies/([^/"#]+)/"`, 'g'))].map((match) => match[1]));
const listingPages = (section: 'ministries' | 'topics') => readdirSync(join(outDir, section), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => `${section}/${entry.name}`);

describe(`a collection of ${documents} documents under ${site}${base}`, () => {
  it('is larger than the listing pages show in full', () => {
    expect(documents).toBe(testSites.large.generated + readdirSync('content/policies').filter((name) => name.endsWith('.mdx')).length);
    expect(documents).toBeGreaterThan(2 * LISTED_IN_FULL);
  });

  it('every internal link, asset and #fragment resolves under the base', () => {
    const { broken, links } = checkLinks({ distDir: outDir, base, site });
    expect(broken.slice(0, 10)).toEqual([]);
    expect(links).toBeGreaterThan(documents * 10);
  });

  it('every published page of the real site exists under the base, with canonical and share URLs on the right origin', () => {
    for (const path of readUrlLock().pages) {
      const file = join(outDir, path, 'index.html');
      expect(existsSync(file), path).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`<link rel="canonical" href="${site}${base.replace(/\/$/, '')}${path}"`);
    }
    const policyPage = page('policies/2023-nonferrous-stable-growth');
    expect(policyPage).toContain(`content="${site}${base}og/policies/2023-nonferrous-stable-growth.png"`);
    expect(policyPage).toContain(`href="${base}policies/2023-nonferrous-stable-growth/#international-markets"`);
    expect(existsSync(join(outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(page('search')).toContain(`"base":"${base}"`);
  });

  it(`the home page shows the newest ${LISTED_IN_FULL} documents, and links every year page that holds the others`, () => {
    const home = page('');
    expect(cards(home)).toBe(LISTED_IN_FULL);
    // Filtering in place would miss the documents not on the page: the chips stay links.
    expect(home).toMatch(/<section[^>]*data-timeline-filters/);
    expect(home).not.toMatch(/<section[^>]*data-timeline-filters[^>]*data-in-place/);
    const earlier = home.slice(home.indexOf('id="earlier-heading"'));
    const years = [...earlier.matchAll(new RegExp(`href="${base}years/(\\d{4})/"`, 'g'))].map((match) => match[1]);
    expect(years.length).toBeGreaterThan(0);
    const reachable = new Set([...documentLinks(home), ...years.flatMap((year) => [...documentLinks(page(`years/${year}`))])]);
    expect(reachable.size).toBe(documents);
  });

  it(`ministry and topic pages show at most ${LISTED_IN_FULL} documents per list, and link the search page filtered to all of them`, () => {
    let capped = 0;
    for (const path of [...listingPages('ministries'), ...listingPages('topics')]) {
      const html = page(path);
      const [section, id] = path.split('/');
      const key = section === 'ministries' ? 'ministry' : 'topic';
      // A ministry page lists the documents it led and those it co-issued, each capped on its own.
      const lists = section === 'ministries' ? html.split('id="co-issued-heading"').map(cards) : [documentLinks(html.slice(html.indexOf('<main'))).size];
      for (const shown of lists) expect(shown, path).toBeLessThanOrEqual(LISTED_IN_FULL);
      if (html.includes('data-more-in-search')) {
        capped += 1;
        expect(html, path).toContain(`href="${base}search/?${key}=${id}"`);
      }
    }
    expect(capped).toBeGreaterThan(0);
  });

  it('the search page knows the collection is large (facet counts and records load on demand)', () => {
    expect(page('search')).toContain(`"documents":${documents}`);
  });

  it('the listing pages stay within 25 KB of gzipped HTML', () => {
    for (const path of ['', ...listingPages('ministries'), ...listingPages('topics')]) {
      expect(gzipSync(readFileSync(join(outDir, path, 'index.html'))).length, path || '/').toBeLessThanOrEqual(25 * 1024);
    }
  });
});
