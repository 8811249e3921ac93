import type { Policy } from '../../schemas/policy';
import { timelineYear } from '../content/timeline';
import { escapeXml } from '../open-data/xml';
import { clausePath, collectionPath, homePath, indexPath, ministryPath, overviewPath, policyPath, searchPath, topicPath, yearPath } from './urls';
import { SITE_NAME, SITE_NAME_EN } from './identity';

/** What the list of pages is derived from: the same collections the pages themselves are built from. */
export interface SiteContent {
  /** Every document (PolicyDoc satisfies this). */
  policies: readonly (Pick<Policy, 'reportDate' | 'signed' | 'published' | 'tableRow' | 'clauses'> & { id: string })[];
  /** Ids of the issuing bodies, e.g. `corpus.ministries.keys()`. */
  ministryIds: Iterable<string>;
  /** Ids of the topics. */
  topicIds: Iterable<string>;
}

/** A kind of HTML page and the paths at which it is published. */
export interface PageKind {
  kind: string;
  paths: (content: SiteContent) => string[];
}

/**
 * Every kind of HTML page the site publishes (404 excepted). To publish a new kind of page, add an
 * entry here: the sitemap and the tests read this list.
 */
export const pageKinds: readonly PageKind[] = [
  { kind: 'home', paths: () => [homePath()] },
  { kind: 'overview', paths: () => [overviewPath()] },
  { kind: 'about', paths: () => [indexPath('about')] },
  { kind: 'search', paths: () => [searchPath()] },
  { kind: 'collection', paths: () => [collectionPath()] },
  { kind: 'ministries', paths: () => [indexPath('ministries')] },
  { kind: 'ministry', paths: ({ ministryIds }) => [...ministryIds].map(ministryPath) },
  { kind: 'topics', paths: () => [indexPath('topics')] },
  { kind: 'topic', paths: ({ topicIds }) => [...topicIds].map(topicPath) },
  { kind: 'year', paths: ({ policies }) => [...new Set(policies.map(timelineYear))].sort().map(yearPath) },
  { kind: 'policy', paths: ({ policies }) => policies.map((policy) => policyPath(policy.id)) },
  { kind: 'clause', paths: ({ policies }) => policies.flatMap((policy) => policy.clauses.map((clause) => clausePath(policy.id, clause.id))) },
];

/** The path (with the deploy base) of every HTML page, in the order of `pageKinds`; throws on a duplicate. */
export function sitePagePaths(content: SiteContent): string[] {
  const paths = pageKinds.flatMap((kind) => kind.paths(content));
  const seen = new Set<string>();
  for (const path of paths) {
    if (seen.has(path)) throw new Error(`page ${path} is listed twice in src/lib/site/pages.ts`);
    seen.add(path);
  }
  return paths;
}

/** A sitemap (sitemaps.org protocol) of the given page URLs. */
export function sitemapXml(urls: readonly string[], absolute: boolean): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    // The protocol wants absolute URLs; a build without SITE can only give paths.
    ...(absolute ? [] : ['<!-- SITE was not set at build time: locations are site paths; set SITE for absolute URLs. -->']),
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** The sitemaps.org protocol allows this many URLs in one sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

/** The URLs split into sitemap files: one while they fit, else parts of at most `limit` each. */
export function sitemapParts<T>(urls: readonly T[], limit = SITEMAP_URL_LIMIT): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < urls.length || parts.length === 0; start += limit) parts.push(urls.slice(start, start + limit));
  return parts;
}

/** A sitemap index (sitemaps.org protocol) naming the sitemap files of a site too large for one. */
export function sitemapIndexXml(sitemapUrls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...sitemapUrls.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/**
 * robots.txt: everything allowed, the sitemap and the feed named. A `Sitemap:` line must hold an
 * absolute URL, so a build that does not know its origin (no SITE) leaves it out.
 */
export function robotsTxt(sitemapUrl: string | undefined, feedUrl: string, dataUrl: string): string {
  return [
    `# ${SITE_NAME} (${SITE_NAME_EN})`,
    'User-agent: *',
    'Allow: /',
    '',
    ...(sitemapUrl ? [`Sitemap: ${sitemapUrl}`, ''] : []),
    `# Atom feed of the documents: ${feedUrl}`,
    `# Open data (JSON, CSV, JSON Schema): ${dataUrl}`,
    '',
  ].join('\n');
}
