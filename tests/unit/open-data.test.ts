import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { updateDataDocs } from '../../src/lib/open-data/docs';
import { dataSchema } from '../../src/lib/open-data/schema';
import { atomFeed, documentDateTime, feedSummary, newestFirst, uuidUrn } from '../../src/lib/open-data/feed';
import { clauseRows } from '../../src/lib/open-data/csv-columns';
import { buildOpenData } from '../../src/lib/open-data/records';
import { SITEMAP_URL_LIMIT, pageKinds, robotsTxt, sitePagePaths, sitemapIndexXml, sitemapParts, sitemapXml } from '../../src/lib/site/pages';
import { compareChronologically } from '../../src/lib/content/timeline';
import { escapeXml } from '../../src/lib/open-data/xml';
import { loadCorpus } from '../../src/loaders/load-corpus';

const corpus = loadCorpus(process.cwd());
const policies = corpus.policies.map(({ id, data }) => ({ id, ...data })).sort(compareChronologically);
const input = { policies, ministries: corpus.ministries, topics: corpus.topics, generated: '2026-01-02T03:04:05Z' };
const relative = buildOpenData({ ...input, site: undefined });
const absolute = buildOpenData({ ...input, site: new URL('https://example.org') });

describe('DATA.md', () => {
  it('has the tables that `npm run data:docs` generates (run it after changing the schema or the CSV columns)', () => {
    const markdown = readFileSync(join(process.cwd(), 'DATA.md'), 'utf8');
    expect(updateDataDocs(markdown)).toBe(markdown);
  });
});

describe('open data records', () => {
  it('use site paths without SITE, absolute URLs with it', () => {
    expect(relative.policies.site).toBe('/');
    expect(relative.policies.policies[0].url).toBe(`/policies/${policies[0].id}/`);
    expect(absolute.policies.site).toBe('https://example.org/');
    expect(absolute.policies.policies[0].clauses[0]?.url ?? absolute.policies.policies[0].narrative[0].url).toMatch(/^https:\/\/example\.org\/policies\/[^/]+\/#[a-z0-9-]+$/);
    expect(absolute.topics.topics[0].url).toMatch(/^https:\/\/example\.org\/topics\//);
  });

  it('write null for what the content leaves out, so every record has every key', () => {
    const narrativeOnly = relative.policies.policies.find((policy) => policy.tableRow === null)!;
    expect(narrativeOnly.reportTitle).toBeNull();
    expect(narrativeOnly.reportDate).toBeNull();
    expect(narrativeOnly.clauses).toEqual([]);
    const keys = JSON.stringify(Object.keys(relative.policies.policies[0]));
    for (const policy of relative.policies.policies) expect(JSON.stringify(Object.keys(policy))).toBe(keys);
  });

  it('list bodies and topics by id, documents oldest first', () => {
    const ids = relative.ministries.ministries.map((ministry) => ministry.id);
    expect(ids).toEqual([...ids].sort());
    expect(relative.policies.policies.map((policy) => policy.id)).toEqual(policies.map((policy) => policy.id));
  });

  it('number clauses from 1 within each document', () => {
    const rows = clauseRows(relative.policies.policies);
    expect(rows.length).toBe(policies.reduce((sum, policy) => sum + policy.clauses.length, 0));
    for (const row of rows) expect(row.clause.id).toBe(policies.find((policy) => policy.id === row.policy.id)!.clauses[row.number - 1].id);
  });

  it('validate against the schema, with and without SITE', () => {
    for (const [data, isAbsolute] of [[relative, false], [absolute, true]] as const) {
      const ajv = new Ajv2020({ allErrors: true, strict: true });
      addFormats(ajv);
      const validate = ajv.compile(dataSchema({ absolute: isAbsolute, id: isAbsolute ? 'https://example.org/data/schema.json' : undefined }));
      for (const file of [data.policies, data.ministries, data.topics]) expect(validate(file), ajv.errorsText(validate.errors)).toBe(true);
    }
  });

  it('the schema for an absolute build rejects site paths', () => {
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    expect(ajv.validate(dataSchema({ absolute: true }), relative.policies)).toBe(false);
  });
});

describe('Atom feed', () => {
  const records = relative.policies.policies;

  it('dates a document by its publication, else its signature, else its report month, in Beijing time', () => {
    expect(documentDateTime({ published: '2023-08-25', signed: '2023-08-01', reportDate: '2023-08', timelineMonth: '2023-08' })).toBe('2023-08-25T00:00:00+08:00');
    expect(documentDateTime({ published: null, signed: '2024-02-02', reportDate: '2024-02', timelineMonth: '2024-02' })).toBe('2024-02-02T00:00:00+08:00');
    expect(documentDateTime({ published: null, signed: null, reportDate: '2022-03', timelineMonth: '2022-03' })).toBe('2022-03-01T00:00:00+08:00');
  });

  it('orders newest first; documents of the same day keep the reverse of the timeline order', () => {
    const ordered = newestFirst(records);
    const dates = ordered.map(documentDateTime);
    expect(dates).toEqual([...dates].sort().reverse());
    const sameDay = ordered.filter((policy) => policy.published === '2023-08-25').map((policy) => policy.tableRow);
    expect(sameDay).toEqual([8, 7]);
  });

  it('summarizes a document by its number, issuers and first clause', () => {
    const policy = records.find((candidate) => candidate.id === '2023-nonferrous-stable-growth')!;
    const summary = feedSummary(policy);
    expect(summary.split('\n')).toEqual([
      policy.documentNumber,
      `发文机关：${policy.issuers.map((issuer) => issuer.name).join('、')}`,
      `状态：${policy.status.label}（截至${policy.status.asOf}）`,
      policy.clauses[0].text,
    ]);
  });

  it('gives stable name-based UUIDs (version 5) when there is no origin', () => {
    expect(uuidUrn('policies/x')).toBe(uuidUrn('policies/x'));
    expect(uuidUrn('policies/x')).not.toBe(uuidUrn('policies/y'));
    expect(uuidUrn('feed')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('escapes markup and refuses characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(() => escapeXml('bell\u0007')).toThrow(/not allowed in XML/);
  });

  it('writes a feed whose entries carry what the records say', () => {
    const xml = atomFeed({
      policies: records,
      feedUrl: '/feed.xml',
      homeUrl: '/',
      ministryUrl: (id) => `/ministries/${id}/`,
      topicsUrl: '/topics/',
      absolute: false,
      updated: '2026-01-02T03:04:05Z',
    });
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'author' }).parse(xml);
    expect(parsed.feed.entry.length).toBe(records.length);
    expect(parsed.feed.updated).toBe('2026-01-02T03:04:05Z');
    expect(parsed.feed.id).toBe(uuidUrn('feed'));
  });
});

describe('site pages', () => {
  const content = { policies, ministryIds: corpus.ministries.map((m) => m.id), topicIds: corpus.topics.map((t) => t.id) };

  it('lists every kind of page once', () => {
    const paths = sitePagePaths(content);
    const years = new Set(paths.filter((path) => path.startsWith('/years/'))).size;
    const clauses = policies.reduce((sum, policy) => sum + policy.clauses.length, 0);
    // home, overview, about, search, collection, ministries, topics
    expect(paths.length).toBe(7 + corpus.ministries.length + corpus.topics.length + years + policies.length + clauses);
    expect(paths.slice(0, 5)).toEqual(['/', '/overview/', '/about/', '/search/', '/collection/']);
    expect(new Set(pageKinds.map((kind) => kind.kind)).size).toBe(pageKinds.length);
  });

  it('refuses a page listed twice', () => {
    expect(() => sitePagePaths({ ...content, topicIds: ['recycling', 'recycling'] })).toThrow(/listed twice/);
  });

  it('writes the sitemap and robots.txt', () => {
    expect(sitemapXml(['https://example.org/a&b/'], true)).toContain('<loc>https://example.org/a&amp;b/</loc>');
    expect(sitemapXml(['/'], false)).toContain('<!-- SITE was not set');
    expect(robotsTxt('https://example.org/sitemap.xml', 'https://example.org/feed.xml', 'https://example.org/data/')).toMatch(
      /^User-agent: \*\nAllow: \/\n\nSitemap: https:\/\/example\.org\/sitemap\.xml\n/m,
    );
    // Without SITE there is no absolute URL to give, and a path is not a valid Sitemap line.
    const withoutSite = robotsTxt(undefined, '/feed.xml', '/data/');
    expect(withoutSite).not.toMatch(/sitemap/i);
    expect(withoutSite).toMatch(/^User-agent: \*\nAllow: \/\n\n# Atom feed of the documents: \/feed\.xml$/m);
  });

  it(`keeps a sitemap in one file up to ${SITEMAP_URL_LIMIT.toLocaleString('en')} URLs, then splits it into parts named by an index`, () => {
    expect(sitemapParts(['/a/', '/b/'])).toEqual([['/a/', '/b/']]);
    expect(sitemapParts([])).toEqual([[]]);
    expect(sitemapParts(Array.from({ length: SITEMAP_URL_LIMIT }, (_, index) => index))).toHaveLength(1);
    const parts = sitemapParts(Array.from({ length: 2 * SITEMAP_URL_LIMIT + 1 }, (_, index) => index));
    expect(parts.map((part) => part.length)).toEqual([SITEMAP_URL_LIMIT, SITEMAP_URL_LIMIT, 1]);
    expect(parts.flat()).toHaveLength(2 * SITEMAP_URL_LIMIT + 1);
    const index = sitemapIndexXml(['https://example.org/sitemaps/1.xml', 'https://example.org/sitemaps/2.xml']);
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(index.match(/<sitemap><loc>https:\/\/example\.org\/sitemaps\/\d\.xml<\/loc><\/sitemap>/g)).toHaveLength(2);
  });
});
