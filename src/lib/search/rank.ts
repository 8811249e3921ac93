import { findWords, wordPositions, type Range } from './highlight';
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
  /** Not complete, but every character of the query's Chinese words occurs in the document, and its other words whole (a 相关结果). */
  related: boolean;
  /**
   * The section to link to and quote: the title naming the whole query, else the section holding
   * every word closest together (the document's own text before the report's restatement of it),
   * else the section holding the first query word the document holds. Words that name an issuing
   * body (see `assessDocument`) are left to that body's section.
   */
  best?: SectionMatch;
  /**
   * The issuing bodies of the document the query names, first issuer first: the full name, followed
   * by the name the query used when it is another (工业和信息化部（MIIT）).
   */
  issuers: string[];
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
 * The length of the shortest stretch of a section's normalized text that holds every word (each
 * where it stands whole, highlight.ts), or Infinity when a word is missing. A one-word query spans
 * the word itself.
 */
export function wordSpan(section: SearchSection, words: string[]): number {
  const starts = words.map((word) => wordPositions(section.text, word, normalized(section.text)));
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

/**
 * The issuing bodies a query names, and the words that name them: a word that is one of a body's
 * names as a whole (工信部, MIIT, 国家发改委), or consecutive words that are one together (Ministry
 * of Finance). A word that only occurs inside a name (国务院 in 国务院国资委) names no body. For each
 * body named, `as` is the name the query used.
 */
export function namedIssuers(sections: SearchSection[], words: string[]): { words: Set<number>; sections: SearchSection[]; as: string[] } {
  const named = { words: new Set<number>(), sections: [] as SearchSection[], as: [] as string[] };
  for (const section of sections) {
    if (!section.issuer) continue;
    const names = new Map(section.issuer.names.map((name) => [normalized(name).text, name]));
    let as: string | undefined;
    for (let first = 0; first < words.length; first += 1) {
      for (let last = first; last < words.length; last += 1) {
        const name = names.get(words.slice(first, last + 1).join(''));
        if (name === undefined) continue;
        as ??= name;
        for (let index = first; index <= last; index += 1) named.words.add(index);
      }
    }
    if (as === undefined) continue;
    named.sections.push(section);
    named.as.push(as);
  }
  return named;
}

/** Words this many characters apart or more count as equally far (still closer than in different sections). */
const FAR = 1000;
/**
 * How the sections hold the query (rule 2 of assessDocument): one of the document's own sections
 * (a title, a field, a clause, an overview paragraph) holds every word; only a report passage
 * restating the document does; or the words are spread over several sections.
 */
const HOLDING = { own: 2, restated: 1, spread: 0 } as const;

/**
 * Checks a document against the query. Pagefind has found it by the query's character pairs;
 * this confirms each word occurs whole, picks the section to open, and scores it. Words that name
 * one of the document's issuing bodies (namedIssuers) say which body's documents the reader wants:
 * the rules below apply to the other words (to all of them when every word names a body). Complete
 * matches rank, each rule deciding only between documents the rules before it tie:
 * 1. a title holds every word (the document by name);
 * 2. one of the document's own sections holds every word; else a report passage restating it does;
 *    else the words are spread over several sections;
 * 3. the words stand closest together (in the section where they do; words naming bodies alone
 *    count as closest);
 * 4. the document is more the named body's own: it leads the document, then fewer bodies issued it
 *    (NDRC finds first what the NDRC issued alone);
 * 5. more sections holding every word, and more occurrences.
 * Among sections equally close, the first in page order is opened: metadata, then the clauses.
 */
export function assessDocument(sections: SearchSection[], words: string[]): Assessment {
  const matches = sections.map((section) => matchSection(section, words)).filter((match) => match.words.size > 0);
  const found = new Set(matches.flatMap((match) => [...match.words]));
  const complete = words.length > 0 && found.size === words.length;
  const named = namedIssuers(sections, words);
  const byIssuerAlone = named.words.size === words.length && words.length > 0;
  const focus = byIssuerAlone ? words.map((_, index) => index) : words.map((_, index) => index).filter((index) => !named.words.has(index));
  const holdsFocus = (match: SectionMatch) => focus.every((index) => match.words.has(index));

  const titleMatch = matches.find((match) => isTitleSection(match.section) && holdsFocus(match));
  const holders = matches.filter(holdsFocus);
  const own = holders.filter((match) => !match.section.restatement);
  const holding = byIssuerAlone || own.length > 0 ? HOLDING.own : holders.length > 0 ? HOLDING.restated : HOLDING.spread;
  const focusWords = focus.map((index) => words[index]);
  const spans = new Map((own.length > 0 ? own : holders).map((match) => [match, wordSpan(match.section, focusWords)]));
  // Sorting is stable: equally close sections keep their page order.
  const closest = [...spans.keys()].sort((a, b) => spans.get(a)! - spans.get(b)!)[0];
  const issuerMatch = matches.find((match) => match.section === named.sections[0]);
  const best = titleMatch ?? (byIssuerAlone ? issuerMatch : closest) ?? firstWordSection(matches, focus.filter((index) => found.has(index)), found);

  const closeness = byIssuerAlone ? FAR : closest ? Math.max(FAR - spans.get(closest)!, 1) : 0;
  // Rule 4 as a number below 200: 100 when a named body leads, and 1 to 98 more, the fewer bodies the more.
  const issuerRank = named.sections.length === 0 ? 0 : (named.sections.some((section) => section.issuer!.lead) ? 100 : 0) + 99 - Math.min(named.sections[0].issuer!.bodies, 98);
  const occurrences = matches.reduce((sum, match) => sum + match.ranges.length, 0);
  const weight = Math.min(holders.length * 10 + occurrences, 999);
  // The rules as one number (the page sorts by it), each step of a rule outweighing every later rule.
  const score = ((((titleMatch ? 1 : 0) * 3 + holding) * (FAR + 1) + closeness) * 200 + issuerRank) * 1000 + weight;
  // Pagefind skips query tokens the index lacks, so a candidate may lack part of the query altogether.
  // Only Chinese words are related by their characters: the letters of MOF or the digits of 13.5% are no clue.
  const related = !complete && isRelated(sections, words, found);
  const issuers = named.sections.map((section, index) => {
    const [name] = section.issuer!.names;
    return named.as[index] === name ? name : `${name}（${named.as[index]}）`;
  });
  return { complete, related, best, issuers, score };
}

/** Every character of the query's Chinese words occurs in the document, and its other words whole (`found`). */
function isRelated(sections: SearchSection[], words: string[], found: Set<number>): boolean {
  const text = new Set(sections.flatMap((section) => [...normalized(section.text).text]));
  return words.every((word, index) => (/\p{Script=Han}/u.test(word) ? [...word].every((char) => text.has(char)) : found.has(index)));
}

/**
 * When no section holds every word: the section holding the first query word the document holds
 * (of `preferred`, the words not naming a body, if it holds any), the one holding most words,
 * clauses and passages before metadata (which names, not discusses).
 */
function firstWordSection(matches: SectionMatch[], preferred: number[], found: Set<number>): SectionMatch | undefined {
  const first = Math.min(...(preferred.length > 0 ? preferred : found));
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
