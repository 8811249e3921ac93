/**
 * What a collection holds: documents and clauses, each named by its permanent ids. An item's key,
 * `<policy-id>` or `<policy-id>.<clause-id>`, is what the reader's device stores, what a shared
 * link carries and the citation key of the exports.
 */

/** A whole document, or one clause of it. */
export interface CollectionItem {
  policy: string;
  clause?: string;
}

/** Every id of the site: lower-case ASCII kebab case (src/schemas/common.ts). */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The item's key: `<policy-id>` or `<policy-id>.<clause-id>`. */
export function itemKey(item: CollectionItem): string {
  return item.clause ? `${item.policy}.${item.clause}` : item.policy;
}

/** The item a key names, or undefined when it is not one (ids are never checked against the site here). */
export function parseItemKey(key: string): CollectionItem | undefined {
  const [policy, clause, ...rest] = key.split('.');
  if (rest.length > 0 || !ID.test(policy) || (clause !== undefined && !ID.test(clause))) return undefined;
  return clause === undefined ? { policy } : { policy, clause };
}

/** The keys in order with each kept once (its first place). */
export function uniqueKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)];
}
