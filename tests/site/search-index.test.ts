import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { recordsInOneFile, SEARCH_RECORDS_FILE } from '../../src/lib/search/sections';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { distDir, publishedSearchRecords } from '../../scripts/lib/dist';

const corpus = loadCorpus(process.cwd(), 'content');
const fragmentDir = join(distDir, 'pagefind', 'fragment');
/** Pagefind's pages: its id of each (the fragment's file name) and the URL it was given. */
const pages = readdirSync(fragmentDir).map((name) => {
  const data = gunzipSync(readFileSync(join(fragmentDir, name)));
  expect(data.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return { id: name.replace(/\.pf_fragment$/, ''), url: (JSON.parse(data.subarray(12).toString('utf8')) as { url: string }).url };
});
const records = publishedSearchRecords();

describe('search records', () => {
  it('Pagefind holds one page per document, at the document page’s URL, and one for the overview', () => {
    expect(pages.map((page) => page.url).sort()).toEqual([...corpus.policies.map((policy) => `/policies/${policy.id}/`), '/overview/'].sort());
  });

  it('the overview’s record holds its own paragraphs, each at an id of /overview/', () => {
    const page = pages.find((candidate) => candidate.url === '/overview/')!;
    const record = records.get(page.id)!;
    expect(record).toMatchObject({ kind: 'overview', title: '报告综述' });
    const html = readFileSync(join(distDir, 'overview', 'index.html'), 'utf8');
    for (const section of record.sections) expect(html, section.anchor).toContain(`id="${section.anchor}"`);
    expect(record.sections.map((section) => section.text)).toEqual(expect.arrayContaining(corpus.overview.paragraphs.map((paragraph) => paragraph.text)));
  });

  it('every page has its record, under Pagefind’s id of it, for the same document', () => {
    for (const page of pages.filter((candidate) => candidate.url !== '/overview/')) {
      const record = records.get(page.id);
      expect(record, page.id).toBeDefined();
      expect(record!.url).toBe(page.url);
      expect(record!.kind).toBe('document');
      expect(existsSync(join(distDir, page.url, 'index.html'))).toBe(true);
      const policy = corpus.policies.find((candidate) => `/policies/${candidate.id}/` === page.url)!;
      expect(record!.title).toBe(policy.data.title);
      expect(record!.sections.filter((section) => section.anchor !== 'metadata').map((section) => section.anchor)).toEqual([
        ...policy.data.clauses.map((clause) => clause.id),
        ...policy.data.narrative.map((passage) => passage.id),
      ]);
    }
  });

  it('publishes no record that no page names, all in one file in a collection as small as this one', () => {
    expect(recordsInOneFile(corpus.policies.length)).toBe(true);
    expect(existsSync(join(distDir, SEARCH_RECORDS_FILE))).toBe(true);
    expect(existsSync(join(distDir, 'search', 'records'))).toBe(false);
    expect([...records.keys()].sort()).toEqual(pages.map((page) => page.id).sort());
  });
});

describe('index chunks', () => {
  it('are a few KB each, so that a query downloads little (src/integrations/pagefind.ts)', () => {
    const sizes = readdirSync(join(distDir, 'pagefind', 'index'))
      .map((name) => readFileSync(join(distDir, 'pagefind', 'index', name)).length)
      .sort((a, b) => a - b);
    expect(sizes.length).toBeGreaterThan(0);
    // Pagefind's default chunks are about 20 KB; a chunk holding one long list of a common character may be larger.
    expect(sizes[Math.floor(sizes.length / 2)]).toBeLessThanOrEqual(8 * 1024);
  });
});
