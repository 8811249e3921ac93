/**
 * A collection as one link, built from the permanent ids and nothing else, so that anyone can open
 * it with nothing stored:
 *
 * - readable, `?c=`: the items in the reader's order, separated by `~`; an item is `<policy-id>` (the
 *   whole document) or `<policy-id>.<clause-id>`, and the clauses that follow one another in one
 *   document share its id: `?c=2023-nonferrous-stable-growth.international-markets.supply-capacity~2022-industrial-carbon-peak`.
 *   `~`, `.` and `-` are unreserved URL characters, so the link is never percent-encoded.
 * - compact, `?k=`, when the readable link would pass READABLE_LIMIT characters (long collections
 *   of long ids): each item as an 8-character code computed from its key (`shareCode`), resolved
 *   against the ids of the site's catalog. The build fails if two keys ever share a code
 *   (src/lib/collection/catalog.ts), so a code names one item forever.
 */
import { itemKey, parseItemKey, uniqueKeys, type CollectionItem } from './items';

/** Past this many characters after `?` a link stops being readable and becomes compact: it must survive chat apps and e-mail. */
export const READABLE_LIMIT = 1500;

/** Length of an item's compact code. */
export const CODE_LENGTH = 8;

/** The query of a collection's link (without `?`): readable while it fits, compact beyond. */
export function shareQuery(keys: readonly string[]): string {
  const readable = `c=${readableList(keys)}`;
  return readable.length <= READABLE_LIMIT ? readable : `k=${keys.map(shareCode).join('')}`;
}

/** `a.x.y~b~a.z`: the keys in order, a document's id written once for the clauses that follow one another in it. */
export function readableList(keys: readonly string[]): string {
  const groups: string[] = [];
  let previous: CollectionItem | undefined;
  for (const key of keys) {
    const item = parseItemKey(key);
    if (!item) continue;
    if (item.clause && previous?.clause && previous.policy === item.policy) groups[groups.length - 1] += `.${item.clause}`;
    else groups.push(itemKey(item));
    previous = item;
  }
  return groups.join('~');
}

/** What a shared link names: the item keys in order (a part that is no key kept, so the page can list it as not found), or compact codes to resolve against the catalog. */
export type SharedList = { kind: 'keys'; keys: string[] } | { kind: 'codes'; codes: string[] };

/** Reads a collection link's query (`location.search`); undefined when it names no collection. */
export function readShareQuery(search: string): SharedList | undefined {
  const params = new URLSearchParams(search);
  const readable = params.get('c');
  if (readable !== null) return { kind: 'keys', keys: readableKeys(readable) };
  const compact = params.get('k');
  if (compact !== null) {
    const codes = compact.match(new RegExp(`[0-9a-z]{${CODE_LENGTH}}`, 'g')) ?? [];
    return { kind: 'codes', codes: uniqueKeys(codes) };
  }
  return undefined;
}

/** The keys of a readable list, in order, each once; a part that names no item stays as it is (parseItemKey rejects it). */
export function readableKeys(list: string): string[] {
  return uniqueKeys(
    list
      .split('~')
      .filter(Boolean)
      .flatMap((group) => {
        const [policy, ...clauses] = group.split('.');
        return clauses.length === 0 ? [policy] : clauses.map((clause) => `${policy}.${clause}`);
      }),
  );
}

/**
 * An item's compact code: 8 base-36 characters of a 53-bit hash (cyrb53) of its key. It depends on
 * the key alone, so it never changes; what it names is found by computing the codes of the catalog's keys.
 */
export function shareCode(key: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < key.length; index++) {
    const char = key.charCodeAt(index);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return hash.toString(36).padStart(11, '0').slice(-CODE_LENGTH);
}
