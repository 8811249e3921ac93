/**
 * What a search should find, worked out from the content (no Pagefind, no ranking), for the browser
 * tests: every document, and the report's overview (id OVERVIEW_ID), holding each word of a query
 * in one of its search sections, where the word stands whole (highlight.ts: MOF is not in MOFCOM).
 */
import { findWords } from '../../src/lib/search/highlight';
import { OVERVIEW_ID, searchTargets } from '../../src/lib/search/index-documents';
import { queryWords, type VariantMap } from '../../src/lib/search/normalize';
import type { SearchSection } from '../../src/lib/search/sections';
import { variantsFor } from '../../src/lib/search/variants';
import type { Corpus } from '../../src/loaders/load-corpus';

export { OVERVIEW_ID };

export interface SearchTruth {
  /** The traditional → simplified table the search page is given. */
  variants: VariantMap;
  /** Each document's (and the overview's) search sections, by id. */
  targets: Map<string, SearchSection[]>;
  /** The ids holding every word of the query, documents in corpus order, the overview last. */
  holders: (query: string) => string[];
  /** The same, for words already normalized (queryWords). */
  holdersOf: (words: string[]) => string[];
  /** The documents (not the overview) holding every word of the query. */
  documentHolders: (query: string) => string[];
}

export function searchTruth(corpus: Corpus): SearchTruth {
  const variants = variantsFor(JSON.stringify([corpus.policies.map((policy) => policy.data), corpus.ministries, corpus.topics]));
  const targets = searchTargets(corpus);
  const holdersOf = (words: string[]) =>
    [...targets]
      .filter(([, sections]) => words.length > 0 && words.every((word) => sections.some((section) => findWords(section.text, [word]).found.size > 0)))
      .map(([id]) => id);
  const holders = (query: string) => holdersOf(queryWords(query, variants));
  return { variants, targets, holders, holdersOf, documentHolders: (query) => holders(query).filter((id) => id !== OVERVIEW_ID) };
}

/** The id of a result link's target: a document's id, or OVERVIEW_ID for /overview/ (under any base path). */
export function resultId(href: string): string {
  const path = new URL(href, 'http://localhost').pathname;
  if (/\/overview\/$/.test(path)) return OVERVIEW_ID;
  const id = /\/policies\/([^/]+)\/$/.exec(path)?.[1];
  if (!id) throw new Error(`a result link that is neither a document nor the overview: ${href}`);
  return id;
}

/**
 * The status line that states an exact count: the documents holding the query, and the overview when
 * it holds it too; `allowRelated`: followed or not by a count of 相关结果.
 */
export function exactStatus(query: string, holding: string[], allowRelated = false): RegExp {
  const documents = holding.filter((id) => id !== OVERVIEW_ID).length;
  const overview = holding.includes(OVERVIEW_ID);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const relatedPart = allowRelated ? '(，另有 \\d+ 份相关结果)?' : '';
  if (documents === 0 && overview) return new RegExp(`^${escape(`只在报告综述中找到“${query.trim()}”`)}${relatedPart}$`);
  if (documents === 0) return new RegExp(`^${escape(`没有找到包含“${query.trim()}”的文件`)}$`);
  return new RegExp(`^找到 ${documents} 份文件${overview ? '及报告综述' : ''}${relatedPart}$`);
}
