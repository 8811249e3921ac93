import { findWords, type Range } from './highlight';
import { normalizeWithOrigins } from './normalize';
import { isTitleSection, METADATA_ANCHOR, type SearchSection } from './sections';

/** Where the query words occur in one section, as [start, end) ranges of its original text. */
export interface SectionMatch {
  section: SearchSection;
  /** Indexes (into the query words) of the words this section contains. */
  words: Set<number>;
  ranges: Range[];
}

/** How one document answers a query. */
export interface Assessment {
  /** Every word of the query occurs in the document. */
  complete: boolean;
  /** Not complete, but every character of the query occurs in the document (a 相关结果). */
  related: boolean;
  /**
   * The section to link to and quote: the title naming the whole query, else the section holding
   * every word closest together, else the section holding the first query word the document holds.
   */
  best?: SectionMatch;
  /** For ordering complete matches, higher first (see `assessDocument`). */
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
  const { found, ranges } = findWords(section.text, words, normalized(section.text));
  return { section, words: found, ranges };
}

/**
 * The length of the shortest stretch of a section's normalized text that holds every word, or
 * Infinity when a word is missing. A one-word query spans the word itself.
 */
export function wordSpan(section: SearchSection, words: string[]): number {
  const { text } = normalized(section.text);
  const starts = words.map((word) => {
    const at: number[] = [];
    for (let from = text.indexOf(word); from !== -1; from = text.indexOf(word, from + 1)) at.push(from);
    return at;
  });
  if (words.length === 0 || starts.some((at) => at.length === 0)) return Infinity;
  let shortest = Infinity;
  // The shortest stretch begins where some word does; from there, each word is best taken at its next occurrence.
  starts.forEach((at, first) => {
    for (const start of at) {
      const ends = words.map((word, index) => {
        const next = index === first ? start : starts[index].find((from) => from >= start);
        return next === undefined ? Infinity : next + word.length;
      });
      shortest = Math.min(shortest, Math.max(...ends) - start);
    }
  });
  return shortest;
}

/** Words this many characters apart or more count as equally far (still closer than in different sections). */
const FAR = 1000;

/**
 * Checks a document against the query. Pagefind has found it by the query's character pairs;
 * this confirms each word occurs whole, picks the section to open, and scores it. Complete
 * matches rank, each rule deciding only between documents the rules before it tie:
 * 1. a title holds every word (the document by name);
 * 2. one section holds every word, the words closest together first;
 * 3. more sections holding every word, and more occurrences.
 * Among sections equally close, the first in page order is opened: metadata, the document's own
 * clauses, then the report's narrative, which restates them.
 */
export function assessDocument(sections: SearchSection[], words: string[]): Assessment {
  const matches = sections.map((section) => matchSection(section, words)).filter((match) => match.words.size > 0);
  const found = new Set(matches.flatMap((match) => [...match.words]));
  const complete = words.length > 0 && found.size === words.length;
  const holdsAll = (match: SectionMatch) => match.words.size === words.length;

  const titleMatch = matches.find((match) => isTitleSection(match.section) && holdsAll(match));
  const spans = new Map(matches.filter(holdsAll).map((match) => [match, wordSpan(match.section, words)]));
  // Sorting is stable: equally close sections keep their page order.
  const closest = [...spans.keys()].sort((a, b) => spans.get(a)! - spans.get(b)!)[0];
  const best = titleMatch ?? closest ?? firstWordSection(matches, found);

  const closeness = closest ? Math.max(FAR - spans.get(closest)!, 1) : 0;
  const occurrences = matches.reduce((sum, match) => sum + match.ranges.length, 0);
  const weight = Math.min(spans.size * 10 + occurrences, 1e6 - 1);
  // The rules as one number (the page sorts by it): a title match outweighs any closeness (0 to FAR),
  // and a step of closeness any weight (kept below 1e6).
  const score = ((titleMatch ? FAR + 1 : 0) + closeness) * 1e6 + weight;
  // Pagefind skips query tokens the index lacks, so a candidate may lack part of the query altogether.
  const text = new Set(sections.flatMap((section) => [...normalized(section.text).text]));
  const related = !complete && words.every((word) => [...word].every((char) => text.has(char)));
  return { complete, related, best, score };
}

/**
 * When no section holds every word: the section holding the first query word the document holds,
 * the one holding most words, clauses and passages before metadata (which names, not discusses).
 */
function firstWordSection(matches: SectionMatch[], found: Set<number>): SectionMatch | undefined {
  const first = Math.min(...found);
  const isMetadata = (match: SectionMatch) => Number(match.section.anchor === METADATA_ANCHOR);
  return matches.filter((match) => match.words.has(first)).sort((a, b) => b.words.size - a.words.size || isMetadata(a) - isMetadata(b))[0];
}

/** An excerpt of about `length` characters around the first match, with the matches inside it. */
export function excerpt(match: SectionMatch, length = 80): { text: string; ranges: Range[]; cutStart: boolean; cutEnd: boolean } {
  const { text } = match.section;
  const first = match.ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  const ranges = match.ranges
    .filter(([from, to]) => from < end && to > start)
    .map(([from, to]): Range => [Math.max(from, start) - start, Math.min(to, end) - start]);
  return { text: text.slice(start, end), ranges, cutStart: start > 0, cutEnd: end < text.length };
}
