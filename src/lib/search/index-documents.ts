import type { Corpus } from '../../loaders/load-corpus';
import type { Ministry } from '../../schemas/ministry';
import { sectionHeadingId } from '../../schemas/page-ids';
import { formatDate, formatMonth } from '../content/dates';
import { timelineMonth } from '../content/timeline';
import { TABLE_1_CAPTION } from '../content/views';
import { documentFilters } from './facets';
import { indexTokens, normalizeText } from './normalize';
import { ISSUER_LABEL, issuerText, isTitleSection, METADATA_ANCHOR, NARRATIVE_LABEL, OVERVIEW_RESULT_TITLE, type SearchRecord, type SearchSection } from './sections';
import { SITE_LANGUAGE } from '../site/identity';
import { overviewPath, policyPath } from '../site/urls';

/** A page for the search index: the page Pagefind indexes, and its search record. */
export interface IndexDocument {
  /** The document page's URL (or /overview/), also the page's URL in Pagefind's index. */
  url: string;
  /** The page Pagefind indexes: the character-pair tokens, filters and sort keys. */
  html: string;
  record: SearchRecord;
}

/** The id the search tests and judgments give the report's overview among the documents' ids (no policy id can be it: see searchTargets). */
export const OVERVIEW_ID = 'overview';

/** Every name a body goes by, full name first: short names, aliases, English abbreviations, English name. */
export function issuerNames(ministry: Ministry): string[] {
  return [ministry.name, ...ministry.shortNames, ...ministry.aliases, ...ministry.abbreviations, ministry.nameEn];
}

/** An issuing body's search section: its names, e.g. 工业和信息化部（工信部、MIIT、Ministry of Industry and Information Technology）. */
function issuerSection(ministry: Ministry, lead: boolean, bodies: number): SearchSection {
  const names = issuerNames(ministry);
  return { anchor: METADATA_ANCHOR, label: ISSUER_LABEL, text: issuerText(names), issuer: { names, lead, bodies } };
}

/**
 * The searchable sections of every document, metadata first (titles, number, each issuing body in
 * official order, the report's issuers, the dates, the period), then clauses and narrative in page order.
 */
export function searchSections(corpus: Corpus): Map<string, SearchSection[]> {
  const ministries = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry]));
  return new Map(
    corpus.policies.map(({ id, data }) => {
      const field = (label: string, text: string | undefined): SearchSection[] => (text ? [{ anchor: METADATA_ANCHOR, label, text }] : []);
      const date = (label: string, isoDate: string | undefined) => field(label, isoDate && formatDate(isoDate));
      const metadata = [
        ...field('标题', data.title),
        ...field('正式标题', data.officialTitle),
        ...field('报告所列名称', data.reportTitle),
        ...field('发文字号', data.documentNumber),
        ...data.issuers.map((issuerId, index) => issuerSection(ministries.get(issuerId)!, index === 0, data.issuers.length)),
        ...field('报告所列发文部门', data.reportIssuers),
        ...date('成文日期', data.signed),
        ...date('发布日期', data.published),
        ...date('施行日期', data.inForce),
        ...field('实施期限', data.period && 'text' in data.period ? data.period.text : undefined),
      ];
      return [
        id,
        [
          ...metadata,
          ...data.clauses.map((clause) => ({ anchor: clause.id, label: clause.heading, text: clause.text })),
          ...data.narrative.map((passage): SearchSection => ({ anchor: passage.id, label: NARRATIVE_LABEL, text: passage.text, restatement: true })),
        ],
      ];
    }),
  );
}

/**
 * The searchable sections of the report's overview that belong to no document: the paragraphs of its
 * introduction, the lead sentence of each section and the caption of Table 1, each found at its
 * anchor on /overview/. (The passages it quotes are searched in their documents.)
 */
export function overviewSections(corpus: Corpus): SearchSection[] {
  const { overview } = corpus;
  return [
    ...overview.paragraphs.map((paragraph) => ({ anchor: paragraph.id, label: '引言', text: paragraph.text })),
    ...overview.sections.map((section) => ({ anchor: sectionHeadingId(section.id), label: '小节', text: section.heading })),
    { anchor: 'table-1-heading', label: '表1', text: TABLE_1_CAPTION },
  ];
}

/** Everything search finds, by id: each document's sections, and the overview's as OVERVIEW_ID. */
export function searchTargets(corpus: Corpus): Map<string, SearchSection[]> {
  const targets = searchSections(corpus);
  if (targets.has(OVERVIEW_ID)) throw new Error(`a policy id "${OVERVIEW_ID}" would be taken for the report's overview in the search tests`);
  return targets.set(OVERVIEW_ID, overviewSections(corpus));
}

/**
 * Sort keys of a page: one per order, so that the overview, which has no date, comes last in both
 * (a page without the key would be left out of sorted results altogether).
 */
const sortKeys = (newest: string, oldest: string) => `<span data-pagefind-sort="newest:${newest}"></span><span data-pagefind-sort="oldest:${oldest}"></span>`;

/**
 * One Pagefind page per document, which Pagefind ranks (the search page then checks and ranks the
 * candidates it shows first, rank.ts): the title's tokens in a heading, which Pagefind weights
 * highest, then each clause's and metadata field's distinct tokens, so a token counts once for
 * every section that holds it (each section tokenized on its own, so no pair spans two sections).
 * The search page finds the sections themselves in the record, so Pagefind needs neither anchors nor text.
 * A last page holds the overview's own sections, without filters: a filter leaves it out.
 */
export function indexDocuments(corpus: Corpus, base: string): IndexDocument[] {
  const registries = { ministries: new Map(corpus.ministries.map((ministry) => [ministry.id, ministry])), topics: new Map(corpus.topics.map((topic) => [topic.id, topic])) };
  const sectionsById = searchSections(corpus);
  const tokensOf = (section: SearchSection) => indexTokens(normalizeText(section.text));
  const documents = corpus.policies.map(({ id, data }): IndexDocument => {
    const sections = sectionsById.get(id)!;
    const titleTokens = new Set(sections.filter(isTitleSection).flatMap(tokensOf));
    // The report's passages restate the document's clauses: they add only the tokens no clause holds.
    const ownTokens = sections.filter((section) => !isTitleSection(section) && !section.restatement).flatMap(tokensOf);
    const listed = new Set(ownTokens);
    const narrativeTokens = new Set(sections.filter((section) => section.restatement).flatMap(tokensOf).filter((token) => !listed.has(token)));
    const url = policyPath(id, base);
    const month = timelineMonth(data);
    const record: SearchRecord = { kind: 'document', url, title: data.title, documentNumber: data.documentNumber ?? '', date: formatMonth(month), sections };
    const filters = documentFilters(data, registries).map(([key, value]) => `<span data-pagefind-filter="${key}:${escapeHtml(value)}"></span>`);
    return { url, record, html: page(`${filters.join('')}\n${sortKeys(month, month)}`, [...titleTokens], [...ownTokens, ...narrativeTokens]) };
  });
  const url = overviewPath(undefined, base);
  const sections = overviewSections(corpus);
  const record: SearchRecord = { kind: 'overview', url, title: OVERVIEW_RESULT_TITLE, documentNumber: '', date: '', sections };
  return [...documents, { url, record, html: page(sortKeys('0000-00', '9999-99'), [], sections.flatMap(tokensOf)) }];
}

/** The HTML Pagefind indexes: filters and sort keys, the title's tokens in a heading, the others in a paragraph. */
function page(keys: string, titleTokens: string[], bodyTokens: string[]): string {
  return `<!doctype html><html lang="${SITE_LANGUAGE}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>
${keys}
<h1>${titleTokens.join(' ')}</h1>
<p>${bodyTokens.join(' ')}</p>
</main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
