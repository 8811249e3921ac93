/**
 * Finding the query in a text and marking it: the one implementation used by the search results
 * (rank.ts, search-page.ts) and by the page a result opens (HighlightTerms.astro).
 */
import { normalizeChar, normalizeWithOrigins } from './normalize';

/** A match: [start, end) in the original text's UTF-16 units. */
export type Range = [number, number];

const LATIN = /[a-z]/;
const DIGIT = /[0-9]/;

/** The normalized character of the original text just before `at` (step -1) or at `at` (step +1), "" at either end or for a dropped one. */
function neighbour(text: string, at: number, step: -1 | 1): string {
  if (step === -1) {
    if (at === 0) return '';
    const code = text.codePointAt(at - 1)!;
    // The second half of a character outside the Basic Multilingual Plane: step over both halves.
    const start = at >= 2 && code >= 0xdc00 && code <= 0xdfff ? at - 2 : at - 1;
    return normalizeChar(String.fromCodePoint(text.codePointAt(start)!));
  }
  return at < text.length ? normalizeChar(String.fromCodePoint(text.codePointAt(at)!)) : '';
}

/**
 * Whether a match of `word` at [from, to) of the original text stands whole: a Latin word is not part
 * of a longer one (MOF is not found in MOFCOM, nor CAS in CAST), and a number not part of a longer
 * number (5万吨 is not found in 7.5万吨, nor 24% in 124%). Chinese text has no word boundaries: any
 * substring stands. A bracket, space or quote between (dropped by normalization) is a boundary.
 */
function standsWhole(text: string, from: number, to: number, word: string): boolean {
  const [first, last] = [word[0], word[word.length - 1]];
  if (!/[a-z0-9]/.test(first) && !/[a-z0-9]/.test(last)) return true;
  const before = neighbour(text, from, -1);
  const after = neighbour(text, to, 1);
  if (LATIN.test(first) && /[a-z0-9]/.test(before)) return false;
  if (LATIN.test(last) && /[a-z0-9]/.test(after)) return false;
  if (DIGIT.test(first) && (DIGIT.test(before) || (before === '.' && DIGIT.test(neighbour(text, from - 1, -1))))) return false;
  if (DIGIT.test(last) && (DIGIT.test(after) || (after === '.' && DIGIT.test(neighbour(text, to + 1, 1))))) return false;
  return true;
}

/** Where a normalized word occurs, standing whole (standsWhole), as start indexes into the normalized text. */
export function wordPositions(text: string, word: string, normalized = normalizeWithOrigins(text)): number[] {
  const positions: number[] = [];
  if (!word) return positions;
  for (let at = normalized.text.indexOf(word); at !== -1; at = normalized.text.indexOf(word, at + 1)) {
    const [from, to] = originalRange(text, normalized.origins, at, word.length);
    if (standsWhole(text, from, to, word)) positions.push(at);
  }
  return positions;
}

/** The range of the original text a stretch of the normalized text came from. */
function originalRange(text: string, origins: readonly number[], at: number, length: number): Range {
  const last = origins[at + length - 1];
  // A character outside the Basic Multilingual Plane is two UTF-16 units: the range takes both.
  return [origins[at], last + (text.codePointAt(last)! > 0xffff ? 2 : 1)];
}

/**
 * Every occurrence of each (normalized) word in a text, as ranges of the original text, with the
 * words that occur; touching or overlapping ranges are merged. Latin words and numbers count only
 * where they stand whole (standsWhole). A text checked often can pass its normalized form.
 */
export function findWords(text: string, words: readonly string[], normalized = normalizeWithOrigins(text)): { found: Set<number>; ranges: Range[] } {
  const ranges: Range[] = [];
  const found = new Set<number>();
  words.forEach((word, wordIndex) => {
    for (const at of wordPositions(text, word, normalized)) {
      found.add(wordIndex);
      ranges.push(originalRange(text, normalized.origins, at, word.length));
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
