import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteAnchors } from '../../src/lib/site/anchors';
import { anchorRedirects, pageRedirects, redirectPageTarget, type AnchorRedirect, type PageRedirect } from '../../src/lib/site/redirects';
import { loadCorpus, type Corpus } from '../../src/loaders/load-corpus';
import { loadRedirects } from '../../src/loaders/redirects';
import { anchorOf, pageOf, type Redirect } from '../../src/schemas/redirect';
import { builtFiles, builtPages, elementIds } from './dist';

/** Every published page path, the permanent anchors (clauses, passages, paragraphs) on each, and the data files. */
export interface UrlLock {
  pages: string[];
  anchors: Record<string, string[]>;
  files: string[];
  /**
   * Pages and anchors that were published and now redirect (content/redirects.yaml), with where
   * they lead: dropped from `pages` and `anchors`, kept here so that the redirect stays.
   */
  redirected?: Record<string, string>;
}

/** Published addresses that are not pages: open data, feed, sitemap. */
const PUBLIC_FILES = /^\/(data\/[^/]+|feed\.xml|sitemap\.xml|robots\.txt)$/;

const root = join(import.meta.dirname, '..', '..');
/** The content folder (CONTENT_DIR, as for the build), relative to the project. */
export const contentDir = process.env.CONTENT_DIR ?? 'content';
export const urlLockPath = join(root, contentDir, 'url-lock.json');

/** The committed lock (empty when there is none yet). */
export function readUrlLock(): UrlLock {
  const lock = existsSync(urlLockPath) ? JSON.parse(readFileSync(urlLockPath, 'utf8')) : {};
  return { pages: [], anchors: {}, files: [], ...lock };
}

let corpus: Corpus | undefined;
const loadedCorpus = () => (corpus ??= loadCorpus(root, contentDir));

/** What the current build and content publish (redirect pages are not published pages). */
export function currentUrls(): UrlLock {
  const anchors = siteAnchors(loadedCorpus());
  const pages = builtPages()
    .filter((page) => page.path !== '/404.html' && redirectPageTarget(page.html) === undefined)
    .map((page) => page.path);
  const files = builtFiles().filter((path) => PUBLIC_FILES.test(path));
  return { pages, anchors, files };
}

/** The checked redirects of the content (content/redirects.yaml). */
export function currentRedirects(): Redirect[] {
  return loadRedirects(root, contentDir, loadedCorpus());
}

/** What a locked address is checked against: what the content publishes, its redirects, and the built pages. */
export interface SiteState {
  current: UrlLock;
  redirects: Redirect[];
  /** Page redirects, written and implied (see src/lib/site/redirects.ts). */
  pageRedirects: PageRedirect[];
  /** Anchor redirects, written and implied. */
  anchorRedirects: AnchorRedirect[];
  /** Built HTML by path. */
  built: Map<string, string>;
}

/** The state of the build in DIST_DIR (or dist/) and of the content. */
export function siteState(): SiteState {
  const redirects = currentRedirects();
  const corpus = loadedCorpus();
  const clauses = new Map(corpus.policies.map(({ id, data }) => [id, data.clauses.map((clause) => clause.id)]));
  return {
    current: currentUrls(),
    redirects,
    pageRedirects: pageRedirects(redirects, (id) => clauses.get(id)),
    anchorRedirects: anchorRedirects(redirects, corpus.overview.sections.flatMap((section) => section.excerpts)),
    built: new Map(builtPages().map((page) => [page.path, page.html])),
  };
}

/** A locked address: still published, led elsewhere by a redirect that the build serves, or gone. */
export type LockedStatus = { state: 'published' } | { state: 'redirected'; to: string } | { state: 'missing'; reason: string };

/** Every address of a lock's pages and anchors, anchors as `/page/#id`. */
export function lockedAddresses(lock: UrlLock): string[] {
  return [...lock.pages, ...Object.entries(lock.anchors).flatMap(([page, ids]) => ids.map((id) => `${page}#${id}`))];
}

/** Whether the page keeps an old id on an element around the anchor (see FormerIds.astro): the old #anchor lands right on it. */
export function landsOn(html: string, oldId: string, anchorId: string): boolean {
  const escape = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<div id="${escape(oldId)}">(?:<div id="[^"]+">)*<[a-z]+ id="${escape(anchorId)}"`).test(html);
}

/**
 * Where a locked address stands: published; redirected (a redirect in content/redirects.yaml leads
 * it to a published address, and the build serves it: a redirect page at an old page, the old id
 * around the clause for a renamed anchor); or missing, and why.
 */
export function lockedStatus(address: string, site: SiteState, hops = 0): LockedStatus {
  const page = pageOf(address);
  const anchor = anchorOf(address);
  if (anchor === undefined ? site.current.pages.includes(page) : (site.current.anchors[page] ?? []).includes(anchor)) {
    // An anchor of the content must also be an element of the built page.
    if (anchor !== undefined && !elementIds(site.built.get(page) ?? '').has(anchor)) return { state: 'missing', reason: `the built ${page} has no element #${anchor}` };
    return { state: 'published' };
  }
  if (hops > 4) return { state: 'missing', reason: 'its redirects go round in circles' };
  const follow = (to: string, served: boolean, notServed: string): LockedStatus => {
    if (!served) return { state: 'missing', reason: notServed };
    const next = lockedStatus(to, site, hops + 1);
    if (next.state === 'published') return { state: 'redirected', to };
    if (next.state === 'redirected') return next;
    return { state: 'missing', reason: `it is redirected to ${to}, where ${next.reason}` };
  };
  if (anchor !== undefined) {
    const entry = site.anchorRedirects.find((redirect) => redirect.from === address);
    if (entry) {
      const target = anchorOf(entry.to)!;
      return follow(entry.to, landsOn(site.built.get(page) ?? '', anchor, target), `content/redirects.yaml leads it to ${entry.to}, but the built ${page} has no element #${anchor} around #${target} (rebuild)`);
    }
  }
  const moved = site.pageRedirects.find((redirect) => redirect.from === page);
  if (moved) {
    // The redirect page carries the #anchor over, unless the target names its own.
    const to = anchor !== undefined && anchorOf(moved.to) === undefined ? `${moved.to}#${anchor}` : moved.to;
    const served = redirectPageTarget(site.built.get(page) ?? '')?.endsWith(moved.to) ?? false;
    return follow(to, served, `content/redirects.yaml leads ${page} to ${moved.to}, but the build has no redirect page there (rebuild)`);
  }
  return {
    state: 'missing',
    reason: anchor === undefined ? 'the page is no longer built, and content/redirects.yaml has no redirect from it' : `${page} no longer has #${anchor}, and content/redirects.yaml has no redirect from it`,
  };
}
