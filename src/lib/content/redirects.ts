import { loadedCorpus } from '../../loaders/astro-loaders';
import { loadedRedirects } from '../../loaders/redirects';
import { movedKeys } from '../collection/catalog';
import { anchorRedirects, formerIds, pageRedirects } from '../site/redirects';

/**
 * The former ids of the anchors of a page (a site path without the deploy base, e.g.
 * "/policies/<id>/" or "/overview/"), from content/redirects.yaml: anchor id → old ids. The page
 * keeps them on elements around the anchor (FormerIds.astro), so that an old #anchor still lands on it.
 */
export function getFormerIds(page: string): Map<string, string[]> {
  const excerpts = loadedCorpus().overview.sections.flatMap((section) => section.excerpts);
  return formerIds(anchorRedirects(loadedRedirects(), excerpts), page);
}

/** Renamed documents and clauses as collection item keys (old → now), for links and stored collections made before a rename. */
export function getMovedItemKeys(): Record<string, string> {
  const policies = new Map(loadedCorpus().policies.map((policy) => [policy.id, policy.data]));
  return movedKeys(pageRedirects(loadedRedirects(), (id) => policies.get(id)?.clauses.map((clause) => clause.id)));
}
