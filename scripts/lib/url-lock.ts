import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerptAnchor } from '../../src/lib/site/urls';
import { loadCorpus } from '../../src/loaders/load-corpus';
import { builtFiles, builtPages } from './dist';

/** Every published page path, the permanent anchors (clauses, passages, paragraphs) on each, and the data files. */
export interface UrlLock {
  pages: string[];
  anchors: Record<string, string[]>;
  files: string[];
}

/** Published addresses that are not pages: open data, feed, sitemap. */
const PUBLIC_FILES = /^\/(data\/[^/]+|feed\.xml|sitemap\.xml|robots\.txt)$/;

const root = join(import.meta.dirname, '..', '..');
export const urlLockPath = join(root, 'content', 'url-lock.json');

/** The committed lock (empty when there is none yet). */
export function readUrlLock(): UrlLock {
  const lock = existsSync(urlLockPath) ? JSON.parse(readFileSync(urlLockPath, 'utf8')) : {};
  return { pages: [], anchors: {}, files: [], ...lock };
}

/** What the current build and content publish. */
export function currentUrls(): UrlLock {
  const corpus = loadCorpus(root);
  const anchors: Record<string, string[]> = {};
  for (const { id, data } of corpus.policies) {
    anchors[`/policies/${id}/`] = [...data.clauses.map((clause) => clause.id), ...data.narrative.map((passage) => passage.id)].sort();
  }
  const { paragraphs, sections } = corpus.overview;
  anchors['/overview/'] = [
    ...paragraphs.map((paragraph) => paragraph.id),
    ...sections.map((section) => section.id),
    ...sections.flatMap((section) => section.excerpts.map((excerpt) => excerptAnchor(excerpt.policy, excerpt.passage))),
  ].sort();
  const pages = builtPages()
    .map((page) => page.path)
    .filter((path) => path !== '/404.html');
  const files = builtFiles().filter((path) => PUBLIC_FILES.test(path));
  return { pages, anchors, files };
}
