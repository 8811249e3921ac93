import { normalizeWithOrigins } from './normalize';
import { isTitleSection, METADATA_ANCHOR, type SearchSection } from './sections';

/** Where the query words occur in one section, as [start, end) ranges of its original text. */
export interface SectionMatch {
  section: SearchSection;
  /** Indexes (into the query words) of the words this section contains. */
  words: Set<number>;
  ranges: [number, number][];
}

/** How one document answers a query. */
export interface Assessment {
  /** Every word of the query occurs in the document. */
  complete: boolean;
  /** Not complete, but every character of the query occurs in the document (a 相关结果). */
  related: boolean;
  /** The section to link to and quote: the first (metadata, clauses, narrative) holding every word, else the one holding most. */
  best?: SectionMatch;
  /** For ordering complete matches: title matches first, then the more matching sections and occurrences. */
  score: number;
}

// A reader's next query checks mostly the same documents again: their normalized text is kept.
const normalizedTexts = new Map<string, ReturnType<typeof normalizeWithOrigins>>();
function normalized(text: string) {
  let result = normalizedTexts.get(text);
  if (!result) normalizedTexts.set(text, (result = normalizeWithOrigins(text)));
  return result;
}

/** Finds the query words (already normalized) in one section's text. */
export function matchSection(section: SearchSection, words: string[]): SectionMatch {
  const { text, origins } = normalized(section.text);
  const ranges: [number, number][] = [];
  const found = new Set<number>();
  words.forEach((word, wordIndex) => {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      found.add(wordIndex);
      const last = origins[at + word.length - 1];
      ranges.push([origins[at], last + (section.text.codePointAt(last)! > 0xffff ? 2 : 1)]);
    }
  });
  return { section, words: found, ranges: mergeRanges(ranges) };
}

/**
 * Checks a document against the query. Pagefind has found it by the query's character pairs;
 * this confirms each word occurs whole, picks the clause to open, and scores it.
 */
export function assessDocument(sections: SearchSection[], words: string[]): Assessment {
  const matches = sections.map((section) => matchSection(section, words)).filter((match) => match.words.size > 0);
  const found = new Set(matches.flatMap((match) => [...match.words]));
  const complete = words.length > 0 && found.size === words.length;
  const holdsAll = (match: SectionMatch) => match.words.size === words.length;

  const titleMatch = matches.find((match) => isTitleSection(match.section) && holdsAll(match));
  // No section holds every word: quote the text that holds most of them (metadata only as a last resort).
  const best =
    matches.find(holdsAll) ??
    [...matches].sort((a, b) => Number(a.section.anchor === METADATA_ANCHOR) - Number(b.section.anchor === METADATA_ANCHOR) || b.words.size - a.words.size)[0];
  const occurrences = matches.reduce((sum, match) => sum + match.ranges.length, 0);
  const score = (titleMatch ? 1000 : 0) + matches.filter(holdsAll).length * 10 + occurrences;
  // Pagefind skips query tokens the index lacks, so a candidate may lack part of the query altogether.
  const text = new Set(sections.flatMap((section) => [...normalized(section.text).text]));
  const related = !complete && words.every((word) => [...word].every((char) => text.has(char)));
  return { complete, related, best, score };
}

/** An excerpt of about `length` characters around the first match, with the matches inside it. */
export function excerpt(match: SectionMatch, length = 80): { text: string; ranges: [number, number][]; cutStart: boolean; cutEnd: boolean } {
  const { text } = match.section;
  const first = match.ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  const ranges = match.ranges
    .filter(([from, to]) => from < end && to > start)
    .map(([from, to]): [number, number] => [Math.max(from, start) - start, Math.min(to, end) - start]);
  return { text: text.slice(start, end), ranges, cutStart: start > 0, cutEnd: end < text.length };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
