/**
 * Search text normalization, shared by the index (at build time) and the browser. It works one
 * character at a time, so a match in normalized text maps straight back to the original text.
 */

/** Traditional → simplified characters (only those the corpus needs; built by variants.ts). */
export type VariantMap = Readonly<Record<string, string>>;

/** Dropped from searchable text: whitespace, quotes, and every kind of bracket around a document number. */
const DROPPED = /^[\s〔〕［］[\]()（）﹝﹞【】〖〗「」『』《》〈〉“”"'‘’]$/u;

/** Dashes and swung dashes, as a range is written (2024—2025年, 2024-2025, 2024～2025): all read as "-". */
const DASH = /^[-\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d~\u301c\uff5e]$/u;

/** One character, normalized: full-width to half-width, lower case, any dash to "-", traditional to simplified; "" if dropped. */
export function normalizeChar(char: string, variants?: VariantMap): string {
  // Most characters are CJK ideographs, which only the variants change, or ASCII letters and digits:
  // they skip the Unicode normalization, which the search page would otherwise run on every character of every record.
  const code = char.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return variants?.[char] ?? char;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return char;
  if (code >= 0x41 && code <= 0x5a) return char.toLowerCase();
  if (DROPPED.test(char)) return '';
  const folded = char.normalize('NFKC').toLowerCase();
  if (DROPPED.test(folded)) return '';
  if (DASH.test(folded)) return '-';
  return variants ? [...folded].map((c) => variants[c] ?? c).join('') : folded;
}

/** Normalized text with, for each of its UTF-16 units, the index of the original character it came from. */
export function normalizeWithOrigins(text: string, variants?: VariantMap): { text: string; origins: number[] } {
  let normalized = '';
  const origins: number[] = [];
  let index = 0;
  for (const char of text) {
    const folded = normalizeChar(char, variants);
    normalized += folded;
    for (let unit = 0; unit < folded.length; unit += 1) origins.push(index);
    index += char.length;
  }
  return { text: normalized, origins };
}

/** Normalized text. */
export function normalizeText(text: string, variants?: VariantMap): string {
  return normalizeWithOrigins(text, variants).text;
}

/**
 * The words of a query: split on spaces, normalized, empty and repeated ones dropped. A word is also
 * split where Latin letters meet Chinese characters (MIIT镁渣 is MIIT and 镁渣: the corpus never
 * writes them together), and a full stop between digits, as some input methods type a decimal point,
 * is the point (4。5亿吨 is 4.5亿吨).
 */
export function queryWords(query: string, variants?: VariantMap): string[] {
  const words = query
    .split(/[\s\u3000]+/)
    .map((word) => normalizeText(word, variants).replace(/(?<=\d)[。｡](?=\d)/gu, '.'))
    .flatMap((word) => word.split(/(?<=[a-z])(?=\p{Script=Han})|(?<=\p{Script=Han})(?=[a-z])/u));
  return [...new Set(words.filter(Boolean))];
}

/**
 * Pagefind sees text as ASCII tokens: each character becomes a short base-36 code, and every
 * character and every pair of neighbouring characters is indexed. Any substring of two or more
 * characters is then the set of its pairs, and a single character is a token of its own, so no
 * word segmentation is involved: every document containing the query is found, in any browser.
 * (A character is not looked up as the prefix of its pairs: Pagefind loads only the index chunk
 * the term itself falls in, so at a few thousand documents, where the pairs of a common character
 * fill several chunks, a prefix search found about half of the documents holding it.)
 * Codes: 3 digits below 35·36² (all common CJK ideographs), "z" + 4 digits above.
 */
const SHORT_CODES = 35 * 36 * 36;

/** The prefix-free code of one character. */
export function charCode(char: string): string {
  const point = char.codePointAt(0)!;
  return point < SHORT_CODES ? point.toString(36).padStart(3, '0') : `z${point.toString(36).padStart(4, '0')}`;
}

/**
 * A character's own token: its code after "zz", with which no code begins (the first of a long
 * code's four digits stays below "z": code points end at U+10FFFF, below 35·36³). The tokens of
 * single characters then sort after every pair, into index chunks of their own: a common character
 * is in most documents, and a pair query should not download that list.
 */
export const characterToken = (char: string): string => `zz${charCode(char)}`;

/** The index tokens of normalized text: each distinct pair of neighbouring characters, and each distinct character. */
export function indexTokens(normalized: string): string[] {
  const chars = [...normalized];
  const codes = chars.map(charCode);
  const pairs = codes.slice(1).map((code, index) => codes[index] + code);
  return [...new Set([...pairs, ...chars.map(characterToken)])];
}

/** At most this many pairs are asked for per word: each pair may mean one more index chunk to download. */
const MAX_PAIRS_PER_WORD = 4;

/**
 * The Pagefind query for normalized words: the pairs of each word (a one-character word is its
 * character's token), and of a long word at most four of them, evenly spaced, first and last
 * included. Each pair may mean one more index chunk to download; the few documents that hold the
 * pairs asked for but not the word are dropped by the check in rank.ts.
 */
export function queryTokens(words: string[]): string {
  return words
    .map((word) => {
      const codes = [...word].map(charCode);
      if (codes.length === 1) return characterToken(word);
      const pairs = codes.slice(1).map((code, index) => codes[index] + code);
      if (pairs.length <= MAX_PAIRS_PER_WORD) return pairs.join(' ');
      return Array.from({ length: MAX_PAIRS_PER_WORD }, (_, index) => pairs[Math.round((index * (pairs.length - 1)) / (MAX_PAIRS_PER_WORD - 1))]).join(' ');
    })
    .join(' ');
}
