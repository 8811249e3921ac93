/**
 * The one place that builds the site's URLs and anchors. Every path is permanent once
 * published (see content/url-lock.json); all of them respect the deploy base path.
 */
import { SITE_BASE } from './identity';

/**
 * Prefixes a site path (starting with "/") with the deploy base. Code that runs outside Astro's
 * pages (the search-index step) passes the base it was given.
 */
export function withBase(path: string, base = SITE_BASE): string {
  return base.replace(/\/?$/, '/') + path.replace(/^\//, '');
}

/** `/policies/<id>/`. */
export function policyPath(policyId: string, base = SITE_BASE): string {
  return withBase(`/policies/${policyId}/`, base);
}

/** `/policies/<id>/#<anchor>`: a clause or passage in its document. */
export function anchorPath(policyId: string, anchorId: string, base = SITE_BASE): string {
  return `${policyPath(policyId, base)}#${anchorId}`;
}

/** `/policies/<id>/<clause-id>/`: a clause's own page. */
export function clausePath(policyId: string, clauseId: string, base = SITE_BASE): string {
  return withBase(`/policies/${policyId}/${clauseId}/`, base);
}

/** The document, and the clause, that a path without the deploy base names (the inverse of policyPath and clausePath); undefined for any other page. */
export function policyPageOf(path: string): { policyId: string; clauseId?: string } | undefined {
  const match = /^\/policies\/([^/#?]+)\/(?:([^/#?]+)\/)?$/.exec(path);
  return match ? { policyId: match[1], ...(match[2] ? { clauseId: match[2] } : {}) } : undefined;
}

/** `/og/policies/<id>.png` or `/og/policies/<id>/<clause-id>.png`: the share image (1200×630). */
export function shareImagePath(policyId: string, clauseId?: string): string {
  return withBase(`/${shareImageFile(policyId, clauseId)}`);
}

/** Where a build writes a share image, in its output folder: shareImagePath without the base. */
export function shareImageFile(policyId: string, clauseId?: string): string {
  return clauseId ? `og/policies/${policyId}/${clauseId}.png` : `og/policies/${policyId}.png`;
}

/** `/years/<yyyy>/`. */
export function yearPath(year: string | number): string {
  return withBase(`/years/${year}/`);
}

/** `/ministries/<id>/`. */
export function ministryPath(ministryId: string): string {
  return withBase(`/ministries/${ministryId}/`);
}

/** `/topics/<id>/`. */
export function topicPath(topicId: string): string {
  return withBase(`/topics/${topicId}/`);
}

/** `/overview/`, optionally at one of its anchors. */
export function overviewPath(anchorId?: string, base = SITE_BASE): string {
  return withBase('/overview/', base) + (anchorId ? `#${anchorId}` : '');
}

/** The anchor on /overview/ of a document's narrative passage quoted there. */
export function excerptAnchor(policyId: string, passageId: string): string {
  return `${policyId}--${passageId}`;
}

/** `/search/`, optionally with a query and filters, e.g. `/search/?q=镁` or `/search/?topic=salt-lake`. */
export function searchPath(query?: string, filters: Partial<Record<'year' | 'ministry' | 'topic' | 'status', string>> = {}): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const search = params.toString();
  return withBase('/search/') + (search ? `?${search}` : '');
}

/** `/ministries/`, `/topics/` and `/about/`: the index pages. */
export function indexPath(section: 'ministries' | 'topics' | 'about'): string {
  return withBase(`/${section}/`);
}

/** `/about/#status-<state>`: what the site means by a status. */
export function statusHelpPath(anchor: string): string {
  return `${indexPath('about')}#${anchor}`;
}

/** `/collection/`: the reader's collection of clauses and documents; with a query, a shared one (src/lib/collection/share-link.ts). */
export function collectionPath(query = '', base = SITE_BASE): string {
  return withBase('/collection/', base) + (query ? `?${query}` : '');
}

/** `/collection/catalog.json`: what the collection page lists and cites of every document and clause. */
export function collectionCatalogPath(base = SITE_BASE): string {
  return withBase('/collection/catalog.json', base);
}

/** The home page, the timeline of all documents. */
export function homePath(): string {
  return withBase('/');
}

/** Turns a site path into an absolute URL on the deployed site. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** `/data/<file>`: an open-data file, e.g. `dataPath('policies.json')`. */
export function dataPath(file: string): string {
  return withBase(`/data/${file}`);
}

/** `/feed.xml`: the Atom feed of the documents. */
export function feedPath(): string {
  return withBase('/feed.xml');
}

/** `/sitemap.xml`. */
export function sitemapPath(): string {
  return withBase('/sitemap.xml');
}

/** `/sitemaps/<n>.xml`: the n-th part of a sitemap too large for one file (then /sitemap.xml is their index). */
export function sitemapPartPath(part: number): string {
  return withBase(`/sitemaps/${part}.xml`);
}
