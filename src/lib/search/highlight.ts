/**
 * Finding the query in a text and marking it: the one implementation used by the search results
 * (rank.ts, search-page.ts) and by the page a result opens (HighlightTerms.astro).
 */
import { normalizeWithOrigins } from './normalize';

/** A match: [start, end) in the original text's UTF-16 units. */
export type Range = [number, number];

/**
 * Every occurrence of each (normalized) word in a text, as ranges of the original text, with the
 * words that occur; touching or overlapping ranges are merged. A text checked often can pass its
 * normalized form.
 */
export function findWords(text: string, words: readonly string[], normalized = normalizeWithOrigins(text)): { found: Set<number>; ranges: Range[] } {
  const ranges: Range[] = [];
  const found = new Set<number>();
  words.forEach((word, wordIndex) => {
    for (let at = normalized.text.indexOf(word); at !== -1; at = normalized.text.indexOf(word, at + 1)) {
      found.add(wordIndex);
      const last = normalized.origins[at + word.length - 1];
      // A character outside the Basic Multilingual Plane is two UTF-16 units: the range takes both.
      ranges.push([normalized.origins[at], last + (text.codePointAt(last)! > 0xffff ? 2 : 1)]);
    }
  });
  return { found, ranges: mergeRanges(ranges) };
}

/** Appends `text` to `parent`, each range wrapped in a `<mark>`; the text goes in as text, never as HTML. */
export function appendMarked(parent: Node, text: string, ranges: readonly Range[]): void {
  const document = parent.ownerDocument ?? (parent as Document);
  let at = 0;
  for (const [from, to] of ranges) {
    parent.appendChild(document.createTextNode(text.slice(at, from)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(from, to);
    parent.appendChild(mark);
    at = to;
  }
  parent.appendChild(document.createTextNode(text.slice(at)));
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
