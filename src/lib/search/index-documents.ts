import type { Corpus } from '../../loaders/load-corpus';
import { formatMonth } from '../content/dates';
import { timelineMonth } from '../content/timeline';
import { documentFilters } from './facets';
import { indexTokens, normalizeText } from './normalize';
import { isTitleSection, METADATA_ANCHOR, NARRATIVE_LABEL, type SearchRecord, type SearchSection } from './sections';
import { SITE_LANGUAGE } from '../site/identity';
import { policyPath } from '../site/urls';

/** A document for the search index: the page Pagefind indexes, and the document's search record. */
export interface IndexDocument {
  /** The document page's URL, also the page's URL in Pagefind's index. */
  url: string;
  /** The page Pagefind indexes: the document's character-pair tokens, filters and sort key. */
  html: string;
  record: SearchRecord;
}

/** The searchable sections of every document, metadata first, then clauses and narrative in page order. */
export function searchSections(corpus: Corpus): Map<string, SearchSection[]> {
  const ministries = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry]));
  return new Map(
    corpus.policies.map(({ id, data }) => {
      const issuerNames = data.issuers.map((issuerId) => {
        const { name, shortNames, aliases } = ministries.get(issuerId)!;
        const others = [...shortNames, ...aliases];
        return others.length > 0 ? `${name}（${others.join('、')}）` : name;
      });
      const field = (label: string, text: string | undefined): SearchSection[] => (text ? [{ anchor: METADATA_ANCHOR, label, text }] : []);
      const metadata = [
        ...field('标题', data.title),
        ...field('正式标题', data.officialTitle),
        ...field('报告所列名称', data.reportTitle),
        ...field('发文字号', data.documentNumber),
        ...field('发文机关', issuerNames.join('；')),
        ...field('报告所列发文部门', data.reportIssuers),
      ];
      return [
        id,
        [
          ...metadata,
          ...data.clauses.map((clause) => ({ anchor: clause.id, label: clause.heading, text: clause.text })),
          ...data.narrative.map((passage) => ({ anchor: passage.id, label: NARRATIVE_LABEL, text: passage.text })),
        ],
      ];
    }),
  );
}

/**
 * One Pagefind page per document, which Pagefind ranks (the search page then checks and ranks the
 * candidates it shows first, rank.ts): the title's tokens in a heading, which Pagefind weights
 * highest, then each clause's and metadata field's distinct tokens, so a token counts once for
 * every section that holds it (each section tokenized on its own, so no pair spans two sections).
 * The search page finds the sections themselves in the record, so Pagefind needs neither anchors nor text.
 */
export function indexDocuments(corpus: Corpus, base: string): IndexDocument[] {
  const registries = { ministries: new Map(corpus.ministries.map((ministry) => [ministry.id, ministry])), topics: new Map(corpus.topics.map((topic) => [topic.id, topic])) };
  const sectionsById = searchSections(corpus);
  return corpus.policies.map(({ id, data }) => {
    const sections = sectionsById.get(id)!;
    const tokensOf = (section: SearchSection) => indexTokens(normalizeText(section.text));
    const titleTokens = new Set(sections.filter(isTitleSection).flatMap(tokensOf));
    // The report's passages restate the document's clauses: they add only the tokens no clause holds.
    const narrativeAnchors = new Set(data.narrative.map((passage) => passage.id));
    const ownTokens = sections.filter((section) => !isTitleSection(section) && !narrativeAnchors.has(section.anchor)).flatMap(tokensOf);
    const listed = new Set(ownTokens);
    const narrativeTokens = new Set(sections.filter((section) => narrativeAnchors.has(section.anchor)).flatMap(tokensOf).filter((token) => !listed.has(token)));
    const bodyTokens = [...ownTokens, ...narrativeTokens];
    const url = policyPath(id, base);
    const record: SearchRecord = {
      url,
      title: data.title,
      documentNumber: data.documentNumber ?? '',
      date: formatMonth(timelineMonth(data)),
      sections,
    };
    const filters = documentFilters(data, registries);
    const html = `<!doctype html><html lang="${SITE_LANGUAGE}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>
${filters.map(([key, value]) => `<span data-pagefind-filter="${key}:${escapeHtml(value)}"></span>`).join('')}
<span data-pagefind-sort="date:${timelineMonth(data)}"></span>
<h1>${[...titleTokens].join(' ')}</h1>
<p>${bodyTokens.join(' ')}</p>
</main></body></html>`;
    return { url, html, record };
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
