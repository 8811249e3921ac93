/**
 * Reference managers detect every document and clause page. Each built page is read the way
 * Zotero's "Embedded Metadata" translator reads it (the tool most others follow): the first
 * `<meta>` in <head> whose name ends with a Highwire key, each `citation_author` split at ";",
 * the report type when a `citation_technical_report_institution` is present, and Dublin Core as
 * `DC.*` names under a declared `schema.DC` namespace. What it finds must match the content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../../scripts/lib/dist';
import { testSites } from '../../scripts/lib/test-sites';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { redirectPageTarget } from '../../src/lib/site/redirects';
import type { Policy } from '../../src/schemas/policy';

const corpus = loadCorpus(process.cwd());
const ministryName = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry.name]));
const pages = builtPages().filter((page) => redirectPageTarget(page.html) === undefined);
const { site } = testSites.site;

/** Zotero's Highwire mapping, in its order: a later key overwrites an earlier one for the same field. */
const highwireFields = [
  ['citation_title', 'title'],
  ['citation_publication_date', 'date'],
  ['citation_date', 'date'],
  ['citation_technical_report_institution', 'institution'],
  ['citation_technical_report_number', 'number'],
  ['citation_publisher', 'publisher'],
  ['citation_public_url', 'url'],
  ['citation_language', 'language'],
] as const;

/** What a reference manager saves from a page. */
function readEmbeddedMetadata(html: string) {
  const { document } = parseHTML(html);
  const content = (meta: Element) => meta.getAttribute('content') ?? '';
  const first = (key: string) => {
    const meta = document.querySelector(`html>head>meta[name$="${key}"]`);
    return meta ? content(meta) : undefined;
  };
  const item: Record<string, string | undefined> = {};
  for (const [key, field] of highwireFields) {
    const value = first(key)?.trim();
    if (value) item[field] = value;
  }
  const names = [...document.querySelectorAll('head>meta[name]')].map((meta) => meta.getAttribute('name')!);
  const itemType = names.some((name) => name.endsWith('citation_technical_report_institution')) ? 'report' : names.some((name) => name.endsWith('citation_title')) ? 'journalArticle' : undefined;
  const authors = [...document.querySelectorAll('html>head>meta[name$="citation_author"]')].flatMap((meta) => content(meta).split(/\s*;\s*/)).filter((name) => /[^\s,-.;]/.test(name));
  item.url ??= first('citation_abstract_html_url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;

  // Dublin Core: the prefix declared by <link rel="schema.DC">, then "DC.<property>" (any case, "." ":" or "_").
  const schema = document.querySelector('link[rel="schema.DC"]')?.getAttribute('href');
  const dublinCore = (property: string) =>
    [...document.querySelectorAll('head>meta[name]')]
      .filter((meta) => {
        const [prefix, name] = meta.getAttribute('name')!.split(/[.:_]/);
        return prefix.toLowerCase() === 'dc' && name?.toLowerCase() === property;
      })
      .map(content);
  return { itemType, authors, item, dublinCore, schema };
}

/** The date a citation gives a document: published, else signed, else the report's month. */
const citedDate = (policy: Policy) => policy.published ?? policy.signed ?? policy.reportDate!;

const citedPages: { path: string; policy: Policy; title: string; heading?: string }[] = corpus.policies.flatMap(({ id, data }) => [
  { path: `/policies/${id}/`, policy: data, title: data.officialTitle },
  ...data.clauses.map((clause) => ({ path: `/policies/${id}/${clause.id}/`, policy: data, title: `${data.officialTitle}：“${clause.heading}”条`, heading: clause.heading })),
]);

describe('reference managers detect every document and clause page', () => {
  it('every document and every clause has its page', () => {
    expect(citedPages.length).toBe(corpus.policies.length + corpus.policies.reduce((sum, { data }) => sum + data.clauses.length, 0));
    for (const { path } of citedPages) expect(pages.some((page) => page.path === path), path).toBe(true);
  });

  for (const { path, policy, title, heading } of citedPages) {
    it(`${path}: a report by its issuing bodies, with its title, date, 文号 and permanent URL`, () => {
      const { itemType, authors, item, dublinCore, schema } = readEmbeddedMetadata(pages.find((page) => page.path === path)!.html);
      const issuers = policy.issuers.map((id) => ministryName.get(id)!);
      const date = citedDate(policy);
      const url = `${site}${path}`;

      expect(itemType).toBe('report');
      expect(item.title).toBe(title);
      if (heading) expect(item.title).toContain(heading);
      expect(authors).toEqual(issuers);
      expect(item.date).toBe(date.replaceAll('-', '/'));
      expect(item.number).toBe(policy.documentNumber);
      expect(item.institution).toBe(issuers.join('、'));
      expect(item.publisher).toBe(issuers.join('、'));
      expect(item.url).toBe(url);
      expect(item.language).toBe('zh');

      expect(schema).toBe('http://purl.org/dc/elements/1.1/');
      expect(dublinCore('title')).toEqual([title]);
      expect(dublinCore('creator')).toEqual(issuers);
      expect(dublinCore('date')).toEqual([date]);
      expect(dublinCore('identifier')).toEqual([url, policy.documentNumber].filter(Boolean));
      expect(dublinCore('language')).toEqual(['zh-CN']);
      expect(dublinCore('type')).toEqual(['政策文件']);
      expect(dublinCore('publisher')).toEqual([issuers.join('、')]);
    });
  }

  it('no other page claims to be a document', () => {
    const cited = new Set(citedPages.map((page) => page.path));
    const others = pages.filter((page) => !cited.has(page.path));
    expect(others.length).toBeGreaterThan(0);
    for (const { path, html } of others) expect(html, path).not.toMatch(/<meta name="(citation_|DC\.)/);
  });
});

describe('under a sub-path', () => {
  const { outDir, site: largeSite, base } = testSites.large;
  const file = join(outDir, 'policies/2023-nonferrous-stable-growth/international-markets/index.html');

  it('the permanent URL carries the deploy base', () => {
    const { item, dublinCore } = readEmbeddedMetadata(readFileSync(file, 'utf8'));
    const url = `${largeSite}${base}policies/2023-nonferrous-stable-growth/international-markets/`;
    expect(item.url).toBe(url);
    expect(dublinCore('identifier')[0]).toBe(url);
  });
});
