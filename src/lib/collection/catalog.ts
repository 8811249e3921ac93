/**
 * The collection page's data: every document and clause a collection can name, with what the page
 * shows and cites of each, and where renamed ids went. Written once per build to
 * `collectionCatalogPath()` and fetched only by the collection page.
 */
import type { CitableDocument } from '../share/citation';
import type { PageRedirect } from '../site/redirects';
import { policyPageOf } from '../site/urls';
import { itemKey } from './items';
import { shareCode } from './share-link';

/** A document as the collection page lists and cites it. */
export interface CatalogDocument extends CitableDocument {
  /** The short title the site lists it by. */
  title: string;
  /** Its clauses by id, in document order. */
  clauses: Record<string, { heading: string; text: string }>;
}

/** The catalog file. */
export interface Catalog {
  documents: Record<string, CatalogDocument>;
  /** Item keys of renamed documents and clauses (content/redirects.yaml) → their keys now. */
  moved: Record<string, string>;
}

/** The item key of a document or clause page (a site path without the deploy base), else undefined. */
function pageKey(path: string): string | undefined {
  const page = policyPageOf(path);
  return page && itemKey({ policy: page.policyId, clause: page.clauseId });
}

/** Renamed items: the page redirects (src/lib/site/redirects.ts) between document and clause pages, as item keys. */
export function movedKeys(redirects: readonly PageRedirect[]): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const { from, to } of redirects) {
    const [oldKey, newKey] = [pageKey(from), pageKey(to.split('#')[0])];
    if (oldKey && newKey) moved[oldKey] = newKey;
  }
  return moved;
}

/** Every key a link may name: each document, each clause and each former key. */
export function catalogKeys(catalog: Catalog): string[] {
  return [
    ...Object.entries(catalog.documents).flatMap(([id, document]) => [id, ...Object.keys(document.clauses).map((clause) => `${id}.${clause}`)]),
    ...Object.keys(catalog.moved),
  ];
}

/** Throws when two keys of the catalog share a compact code, naming them: a code must name one item forever. */
export function checkShareCodes(catalog: Catalog): void {
  const seen = new Map<string, string>();
  for (const key of catalogKeys(catalog)) {
    const code = shareCode(key);
    const other = seen.get(code);
    if (other !== undefined) {
      throw new Error(`"${other}" and "${key}" share the collection link code ${code} (src/lib/collection/share-link.ts); rename the newer id`);
    }
    seen.set(code, key);
  }
}
