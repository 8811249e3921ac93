/**
 * The reader's collection on their device: the item keys in the reader's order, and the title of
 * their printed dossier, in localStorage. Nothing is sent anywhere. Every change is announced to
 * the page (and, by the browser's storage event, to the site's other open tabs).
 */
import { parseItemKey, uniqueKeys } from './items';

const ITEMS = 'collection';
const TITLE = 'collection-title';
/** The event a page hears when its own tab changed the collection. */
const CHANGED = 'collection-change';

/** The stored item keys, in order; empty when nothing (or something unreadable) is stored. */
export function readCollection(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(ITEMS) ?? '[]');
    return Array.isArray(stored) ? uniqueKeys(stored.filter((key): key is string => typeof key === 'string' && parseItemKey(key) !== undefined)) : [];
  } catch {
    return [];
  }
}

/** Stores the keys; false when the browser refuses to store (storage disabled or full). */
export function writeCollection(keys: readonly string[]): boolean {
  try {
    if (keys.length === 0) localStorage.removeItem(ITEMS);
    else localStorage.setItem(ITEMS, JSON.stringify(uniqueKeys(keys)));
  } catch {
    return false;
  }
  dispatchEvent(new Event(CHANGED));
  return true;
}

/** Adds the key at the end, or removes it; what the collection holds afterwards, or undefined when it could not be stored. */
export function toggleItem(key: string): { added: boolean; count: number } | undefined {
  const keys = readCollection();
  const added = !keys.includes(key);
  const next = added ? [...keys, key] : keys.filter((other) => other !== key);
  return writeCollection(next) ? { added, count: next.length } : undefined;
}

/** Calls back whenever the collection changes, in this tab or another. */
export function onCollectionChange(callback: () => void): void {
  addEventListener(CHANGED, callback);
  addEventListener('storage', (event) => {
    if (event.key === ITEMS || event.key === null) callback();
  });
}

/** The dossier's title the reader set, or ''. */
export function readTitle(): string {
  try {
    return localStorage.getItem(TITLE) ?? '';
  } catch {
    return '';
  }
}

/** Stores the dossier's title ('' forgets it). */
export function writeTitle(title: string): void {
  try {
    if (title) localStorage.setItem(TITLE, title);
    else localStorage.removeItem(TITLE);
  } catch {
    // Not stored: the title stays on the page until it is left.
  }
}
