/**
 * Every permanent anchor of the site, page by page: the clauses and narrative passages of each
 * document, the paragraphs, sections and quoted passages of the overview. Paths are site paths
 * without the deploy base, as content/url-lock.json and content/redirects.yaml write them.
 */
import type { Overview } from '../../schemas/overview';
import type { Policy } from '../../schemas/policy';
import { excerptAnchor, overviewPath, policyPath } from './urls';

/** What the anchors are derived from: the loaded corpus (src/loaders/load-corpus.ts) fits. */
export interface AnchoredContent {
  policies: readonly { id: string; data: Pick<Policy, 'clauses' | 'narrative'> }[];
  overview: Pick<Overview, 'paragraphs' | 'sections'>;
}

/** The anchors of each page that has permanent ones, sorted. */
export function siteAnchors({ policies, overview }: AnchoredContent): Record<string, string[]> {
  const anchors: Record<string, string[]> = {};
  for (const { id, data } of policies) {
    anchors[policyPath(id, '/')] = [...data.clauses.map((clause) => clause.id), ...data.narrative.map((passage) => passage.id)].sort();
  }
  const { paragraphs, sections } = overview;
  anchors[overviewPath(undefined, '/')] = [
    ...paragraphs.map((paragraph) => paragraph.id),
    ...sections.map((section) => section.id),
    ...sections.flatMap((section) => section.excerpts.map((excerpt) => excerptAnchor(excerpt.policy, excerpt.passage))),
  ].sort();
  return anchors;
}
