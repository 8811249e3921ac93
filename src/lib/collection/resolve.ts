/**
 * What the items of a collection are now, looked up in the catalog: found (maybe under a new id,
 * after a rename), or unknown (a mistyped link, an id the site never had or no longer has).
 */
import type { Catalog, CatalogDocument } from './catalog';
import { catalogKeys } from './catalog';
import { parseItemKey } from './items';
import { shareCode, type SharedList } from './share-link';

/** An item of a collection as the page shows it. */
export type ResolvedItem =
  | {
      found: true;
      /** The key now (after a rename). */
      key: string;
      /** The key the reader's list or the link gave, when it was renamed since. */
      formerKey?: string;
      policyId: string;
      document: CatalogDocument;
      clause?: { id: string; heading: string; text: string };
    }
  | { found: false; key: string };

/** Looks a key up, following a rename once (redirects do not chain, content/redirects.yaml). */
export function resolveKey(catalog: Catalog, key: string): ResolvedItem {
  const current = Object.hasOwn(catalog.moved, key) ? catalog.moved[key] : key;
  const item = parseItemKey(current);
  const document = item && Object.hasOwn(catalog.documents, item.policy) ? catalog.documents[item.policy] : undefined;
  if (!item || !document) return { found: false, key };
  const formerKey = current === key ? {} : { formerKey: key };
  if (item.clause === undefined) return { found: true, key: current, ...formerKey, policyId: item.policy, document };
  if (!Object.hasOwn(document.clauses, item.clause)) return { found: false, key };
  return { found: true, key: current, ...formerKey, policyId: item.policy, document, clause: { id: item.clause, ...document.clauses[item.clause] } };
}

/** The item keys a shared link names; a code that names nothing is kept as `?<code>` so the page can list it as unknown. */
export function sharedKeys(catalog: Catalog, shared: SharedList): string[] {
  if (shared.kind === 'keys') return shared.keys;
  const byCode = new Map(catalogKeys(catalog).map((key) => [shareCode(key), key]));
  return shared.codes.map((code) => byCode.get(code) ?? `?${code}`);
}

/** Resolves every key, keeping the reader's order, and each item once (two old keys may lead to one item). */
export function resolveAll(catalog: Catalog, keys: readonly string[]): ResolvedItem[] {
  const seen = new Set<string>();
  return keys.map((key) => resolveKey(catalog, key)).filter((item) => !item.found || (!seen.has(item.key) && seen.add(item.key)));
}
