import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excerptAnchor } from '../../src/lib/urls';
import { loadCorpus } from '../../src/loaders/corpus';
import { builtPages } from './dist';

/** Every published page path, and the permanent anchors (clauses, passages, paragraphs) on each. */
export interface UrlLock {
  pages: string[];
  anchors: Record<string, string[]>;
}

const root = join(import.meta.dirname, '..', '..');
export const urlLockPath = join(root, 'content', 'url-lock.json');

/** The committed lock (empty when there is none yet). */
export function readUrlLock(): UrlLock {
  return existsSync(urlLockPath) ? JSON.parse(readFileSync(urlLockPath, 'utf8')) : { pages: [], anchors: {} };
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
  return { pages, anchors };
}
