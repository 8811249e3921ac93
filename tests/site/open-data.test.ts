import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BOM, parseCsv, toCsv } from '../../src/lib/open-data/csv';
import { FEED_ENTRIES } from '../../src/lib/open-data/feed';
import type { MinistriesFile, PoliciesFile, TopicsFile } from '../../src/lib/open-data/records';
import { clauseColumns, policyColumns } from '../../src/lib/open-data/csv-columns';
import { sitePagePaths } from '../../src/lib/site/pages';
import { redirectPageTarget } from '../../src/lib/site/redirects';
import { compareChronologically } from '../../src/lib/content/timeline';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { distDir, elementIds } from '../../scripts/lib/dist';

// OPEN_DATA_DIST checks another build, e.g. one made with SITE and BASE set:
//   SITE=https://example.org BASE=/mg-policy/ npx astro build --outDir /tmp/data-subpath
//   OPEN_DATA_DIST=/tmp/data-subpath npx vitest run --project site tests/site/open-data.test.ts
const dist = process.env.OPEN_DATA_DIST ?? distDir;
if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no built site: run \`npx astro build\` first`);

const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const readJson = <T>(file: string): T => JSON.parse(read(file)) as T;

const corpus = loadCorpus(process.cwd());
const corpusPolicies = corpus.policies.map(({ id, data }) => ({ id, ...data })).sort(compareChronologically);
const clauseTotal = corpusPolicies.reduce((sum, policy) => sum + policy.clauses.length, 0);

const policiesFile = readJson<PoliciesFile>('data/policies.json');
const ministriesFile = readJson<MinistriesFile>('data/ministries.json');
const topicsFile = readJson<TopicsFile>('data/topics.json');
const schema = readJson<Record<string, unknown>>('data/schema.json');
const policies = policiesFile.policies;

// Where the build lives: `site` is the home page's URL, absolute when the build knew its origin.
const absolute = /^https?:\/\//.test(policiesFile.site);
const home = new URL(policiesFile.site, 'http://relative.invalid');
const base = home.pathname;

/** The site path (without the deploy base, starting with "/") and anchor of a URL in the data. */
function locate(url: string): { path: string; hash: string } {
  if (absolute) expect(url.startsWith(policiesFile.site), `${url} is not under ${policiesFile.site}`).toBe(true);
  else expect(url.startsWith(base), `${url} is not a site path under ${base}`).toBe(true);
  const parsed = new URL(url, home);
  expect(parsed.origin).toBe(home.origin);
  return { path: `/${parsed.pathname.slice(base.length)}`, hash: decodeURIComponent(parsed.hash.slice(1)) };
}

/** Every HTML page of the build by site path ("/policies/x/"), 404 and the pages at old addresses that redirect (content/redirects.yaml) excepted. */
const pages = new Map(
  readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !(entry.parentPath === dist && entry.name === '404.html'))
    .filter((entry) => redirectPageTarget(readFileSync(join(entry.parentPath, entry.name), 'utf8')) === undefined)
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return ['/' + relative(dist, file).split(sep).join('/').replace(/index\.html$/, ''), file] as const;
    }),
);
const idsOn = new Map<string, Set<string>>();
function pageIds(path: string): Set<string> {
  const file = pages.get(path);
  expect(file, `no built page at ${path}`).toBeDefined();
  if (!idsOn.has(path)) idsOn.set(path, elementIds(readFileSync(file!, 'utf8')));
  return idsOn.get(path)!;
}

/** Every string under a key named "url" (or ending in "Url"/"url"), with where it is. */
function urlFields(value: unknown, where = '$'): { where: string; url: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => urlFields(item, `${where}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      /^(url|site|schema)$|Url$/.test(key) && typeof item === 'string' ? [{ where: `${where}.${key}`, url: item }] : urlFields(item, `${where}.${key}`),
    );
  }
  return [];
}

describe('open data: JSON files', () => {
  it(`has every document, body and topic of the content (${corpus.policies.length}, ${corpus.ministries.length}, ${corpus.topics.length})`, () => {
    expect(policies.map((policy) => policy.id)).toEqual(corpusPolicies.map((policy) => policy.id));
    // Bodies and topics are listed by id.
    expect(ministriesFile.ministries.map((ministry) => ministry.id)).toEqual(corpus.ministries.map((ministry) => ministry.id).sort());
    expect(topicsFile.topics.map((topic) => topic.id)).toEqual(corpus.topics.map((topic) => topic.id).sort());
    expect([policies.length, ministriesFile.ministries.length, topicsFile.topics.length]).toEqual([13, 25, 13]);
  });

  it('has every clause and passage word for word, with the content’s topics', () => {
    expect(policies.reduce((sum, policy) => sum + policy.clauses.length, 0)).toBe(clauseTotal);
    for (const [index, policy] of policies.entries()) {
      const source = corpusPolicies[index];
      expect(policy.clauses.map(({ id, heading, text, topics }) => ({ id, heading, text, topics }))).toEqual(source.clauses);
      expect(policy.narrative.map(({ id, text }) => ({ id, text }))).toEqual(source.narrative);
      expect(policy.issuers.map((issuer) => issuer.id)).toEqual(source.issuers);
      expect(policy.topics.map((topic) => topic.id)).toEqual(source.topics);
      expect(policy.documentNumber).toBe(source.documentNumber ?? null);
      expect(policy.status.state).toBe(source.status.state);
    }
  });

  it('the three files share one header', () => {
    const header = (file: Record<string, unknown>) => Object.fromEntries(Object.entries(file).filter(([, value]) => !Array.isArray(value)));
    expect(header(ministriesFile as unknown as Record<string, unknown>)).toEqual(header(policiesFile as unknown as Record<string, unknown>));
    expect(header(topicsFile as unknown as Record<string, unknown>)).toEqual(header(policiesFile as unknown as Record<string, unknown>));
    expect(policiesFile.version).toMatch(/^\d+\.\d+$/);
    expect(Number.isNaN(Date.parse(policiesFile.generated))).toBe(false);
  });

  it('ministries list the documents they led and co-issued; topics their documents and clauses', () => {
    for (const ministry of ministriesFile.ministries) {
      expect(ministry.led).toEqual(policies.filter((policy) => policy.issuers[0].id === ministry.id).map((policy) => policy.id));
      expect(ministry.coIssued).toEqual(policies.filter((policy) => policy.issuers.slice(1).some((issuer) => issuer.id === ministry.id)).map((policy) => policy.id));
    }
    const refs = topicsFile.topics.flatMap((topic) => topic.clauses);
    expect(refs.length).toBe(corpusPolicies.reduce((sum, policy) => sum + policy.clauses.reduce((n, clause) => n + clause.topics.length, 0), 0));
    for (const topic of topicsFile.topics) {
      expect(topic.policies).toEqual(corpusPolicies.filter((policy) => policy.topics.includes(topic.id)).map((policy) => policy.id));
    }
  });

  it(`every URL is ${absolute ? 'absolute, on the site’s origin and base' : 'a site path under the base'}`, () => {
    const urls = [policiesFile, ministriesFile, topicsFile].flatMap((file) => urlFields(file)).filter(({ where }) => !/\.license\.url$|\.sourceUrl$/.test(where));
    expect(urls.length).toBeGreaterThan(100);
    for (const { url } of urls) locate(url);
  });

  it('every clause and passage URL points at an anchor on its built page', () => {
    const anchors = [
      ...policies.flatMap((policy) => [...policy.clauses, ...policy.narrative].map((item) => ({ policy, url: item.url, id: item.id }))),
      ...topicsFile.topics.flatMap((topic) => topic.clauses.map((ref) => ({ policy: policies.find((p) => p.id === ref.policy)!, url: ref.url, id: ref.clause }))),
    ];
    for (const { policy, url, id } of anchors) {
      const { path, hash } = locate(url);
      expect(path).toBe(`/policies/${policy.id}/`);
      expect(hash).toBe(id);
      expect(pageIds(path).has(hash), `${url}: no element with id "${hash}" on ${path}`).toBe(true);
    }
  });

  it('every page URL (documents, bodies, topics, home, about) is a built page', () => {
    const urls = [
      policiesFile.site,
      policiesFile.source.url,
      ...policies.map((policy) => policy.url),
      ...ministriesFile.ministries.map((ministry) => ministry.url),
      ...topicsFile.topics.map((topic) => topic.url),
    ];
    for (const url of urls) expect(pages.has(locate(url).path), `${url} is not a built page`).toBe(true);
    expect(locate(policiesFile.schema).path).toBe('/data/schema.json');
  });
});

describe('open data: policies.json validates against schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const key = typeof schema.$id === 'string' ? schema.$id : 'schema.json';
  ajv.addSchema(schema, key);
  const validate = (definition: string | null, data: unknown) => {
    const validator = ajv.compile(definition ? { $ref: `${key}#/$defs/${definition}` } : { $ref: key });
    return { valid: validator(data), errors: ajv.errorsText(validator.errors) };
  };

  it('is a draft 2020-12 schema with bilingual descriptions', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Boolean(schema.$id)).toBe(absolute);
    const descriptions = JSON.stringify(schema).match(/"description":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(descriptions.length).toBeGreaterThan(50);
    for (const description of descriptions) expect(description, 'expected "English\\nChinese"').toMatch(/[A-Za-z].*\\n.*[\u4e00-\u9fff]/);
  });

  for (const [name, definition, data] of [
    ['policies.json', 'policiesFile', policiesFile],
    ['ministries.json', 'ministriesFile', ministriesFile],
    ['topics.json', 'topicsFile', topicsFile],
  ] as const) {
    it(`${name} matches the schema and its own definition`, () => {
      const whole = validate(null, data);
      expect(whole.valid, whole.errors).toBe(true);
      const own = validate(definition, data);
      expect(own.valid, own.errors).toBe(true);
    });
  }

  it('rejects a broken file (the schema is not vacuous)', () => {
    const broken = structuredClone(policiesFile) as unknown as { policies: Record<string, unknown>[] };
    broken.policies[0].status = { ...(broken.policies[0].status as object), state: 'repealed' };
    broken.policies[1].extra = true;
    delete broken.policies[2].title;
    broken.policies[3].signed = '2023-02-30';
    const result = validate('policiesFile', broken);
    expect(result.valid).toBe(false);
    for (const expected of ['/policies/0/status/state', '/policies/1', '/policies/2', '/policies/3/signed']) expect(result.errors).toContain(expected);
  });
});

describe('open data: CSV files', () => {
  for (const [file, columns, rowCount] of [
    ['data/policies.csv', policyColumns.map((column) => column.name), policies.length],
    ['data/clauses.csv', clauseColumns.map((column) => column.name), clauseTotal],
  ] as const) {
    describe(file, () => {
      const text = read(file);
      const records = parseCsv(text);

      it('starts with the UTF-8 byte-order mark', () => {
        expect(readFileSync(join(dist, file)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        expect(text.startsWith(BOM)).toBe(true);
      });

      it('has the header row and one row per item, every row as long as the header', () => {
        expect(records[0]).toEqual(columns);
        expect(records.length - 1).toBe(rowCount);
        for (const [index, record] of records.entries()) expect(record.length, `row ${index}`).toBe(columns.length);
      });

      it('is canonical RFC 4180: CRLF line ends, fields quoted exactly when needed', () => {
        expect(toCsv(records[0], records.slice(1))).toBe(text);
        expect(text.endsWith('\r\n')).toBe(true);
      });
    });
  }

  it('clauses.csv agrees with policies.json, clause by clause', () => {
    const [header, ...rows] = parseCsv(read('data/clauses.csv'));
    const column = (name: string) => header.indexOf(name);
    const expected = policies.flatMap((policy) => policy.clauses.map((clause) => [policy.id, clause.id, clause.text, clause.url]));
    expect(rows.map((row) => [row[column('policy_id')], row[column('clause_id')], row[column('text')], row[column('url')]])).toEqual(expected);
  });

  it('policies.csv agrees with policies.json', () => {
    const [header, ...rows] = parseCsv(read('data/policies.csv'));
    const column = (name: string) => header.indexOf(name);
    expect(rows.map((row) => [row[column('id')], row[column('document_number')], row[column('url')], Number(row[column('clause_count')])])).toEqual(
      policies.map((policy) => [policy.id, policy.documentNumber ?? '', policy.url, policy.clauses.length]),
    );
  });
});

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['entry', 'author', 'category', 'link', 'url'].includes(name),
});

function parseXml(file: string) {
  const text = read(file);
  const valid = XMLValidator.validate(text);
  expect(valid, JSON.stringify(valid)).toBe(true);
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return xmlParser.parse(text);
}

interface AtomLink {
  '@rel': string;
  '@href': string;
  '@type'?: string;
}
interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  link: AtomLink[];
  summary: { '#text': string; '@type': string };
  author: { name: string; uri: string }[];
  category: { '@term': string }[];
}

describe('Atom feed', () => {
  const { feed } = parseXml('feed.xml') as { feed: { '@xmlns': string; id: string; updated: string; link: AtomLink[]; entry: AtomEntry[]; title: string } };
  const iri = /^[a-z][a-z0-9+.-]*:\S+$/i;

  it('is an Atom feed with an id, a title, updated, and self and alternate links', () => {
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(iri);
    expect(feed.title).toBeTruthy();
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    const self = feed.link.find((link) => link['@rel'] === 'self');
    expect(self?.['@type']).toBe('application/atom+xml');
    expect(locate(self!['@href']).path).toBe('/feed.xml');
    const alternate = feed.link.find((link) => link['@rel'] === 'alternate');
    expect(locate(alternate!['@href']).path).toBe('/');
  });

  it('has one entry per document (the newest FEED_ENTRIES of them), newest first by the document’s date', () => {
    expect(feed.entry.length).toBe(Math.min(policies.length, FEED_ENTRIES));
    const times = feed.entry.map((entry) => Date.parse(entry.published));
    for (const time of times) expect(Number.isNaN(time)).toBe(false);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // An entry is updated on its date, or later when its status changed since (status.since).
    for (const entry of feed.entry) expect(Date.parse(entry.updated)).toBeGreaterThanOrEqual(Date.parse(entry.published));
    const replaced = feed.entry.find((entry) => entry.title === policies.find((policy) => policy.id === '2023-nonferrous-stable-growth')!.title)!;
    expect(replaced.updated).toBe('2025-08-28T00:00:00+08:00');
    expect(feed.entry[0].title).toBe(policies.find((policy) => policy.id === '2024-energy-saving-action-plan')!.title);
  });

  it('every entry has a unique absolute id, a title, a link to its page, a summary and its issuing bodies as authors', () => {
    expect(new Set(feed.entry.map((entry) => entry.id)).size).toBe(feed.entry.length);
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(iri);
      const link = entry.link.find((candidate) => candidate['@rel'] === 'alternate')!;
      const { path } = locate(link['@href']);
      expect(pages.has(path)).toBe(true);
      const policy = policies.find((candidate) => `/policies/${candidate.id}/` === path)!;
      if (absolute) expect(entry.id).toBe(policy.url);
      expect(entry.title).toBe(policy.title);
      expect(entry.author.map((author) => author.name)).toEqual(policy.issuers.map((issuer) => issuer.name));
      expect(entry.category.map((category) => category['@term'])).toEqual(policy.topics.map((topic) => topic.id));
      const summary = entry.summary['#text'];
      if (policy.documentNumber) expect(summary).toContain(policy.documentNumber);
      for (const issuer of policy.issuers) expect(summary).toContain(issuer.name);
      expect(summary).toContain(policy.clauses[0]?.text ?? policy.narrative[0].text);
    }
  });
});

describe('sitemap.xml and robots.txt', () => {
  const { urlset } = parseXml('sitemap.xml') as { urlset: { '@xmlns': string; url: { loc: string }[] } };
  const locs = urlset.url.map((url) => url.loc);

  it('the sitemap lists exactly the built HTML pages (404 excepted), once each', () => {
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.map((loc) => locate(loc).path).sort()).toEqual([...pages.keys()].sort());
  });

  it('src/lib/site/pages.ts derives the same list from the content', () => {
    const paths = sitePagePaths({ policies: corpusPolicies, ministryIds: corpus.ministries.map((m) => m.id), topicIds: corpus.topics.map((t) => t.id) });
    expect([...paths].sort()).toEqual([...pages.keys()].sort());
  });

  it('robots.txt allows everything and points at the sitemap and the feed', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    // A Sitemap line must be absolute: a build without SITE leaves it out.
    const sitemap = robots.match(/^Sitemap: (\S+)$/m)?.[1];
    expect(sitemap).toBe(absolute ? new URL('sitemap.xml', policiesFile.site).href : undefined);
    expect(robots).toContain(absolute ? new URL('feed.xml', policiesFile.site).href : `${base}feed.xml`);
  });
});
