import type { Corpus } from '../../loaders/corpus';
import { statusLabels } from '../../schemas/policy';
import { formatMonth } from '../dates';
import { timelineMonth, timelineYear } from '../timeline';
import { indexTokens, normalizeText } from './normalize';
import { METADATA_ANCHOR, type SearchSection } from './sections';

/** A page for Pagefind to index: the document's searchable sections as tokens, its facets and metadata. */
export interface IndexDocument {
  url: string;
  html: string;
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
          ...data.narrative.map((passage) => ({ anchor: passage.id, label: '报告正文的论述', text: passage.text })),
        ],
      ];
    }),
  );
}

/** The pages Pagefind indexes: one per document, each section under its own anchor so that a match names it. */
export function indexDocuments(corpus: Corpus, base: string): IndexDocument[] {
  const topics = new Map(corpus.topics.map((topic) => [topic.id, topic.name]));
  const ministries = new Map(corpus.ministries.map((ministry) => [ministry.id, ministry.name]));
  const sectionsById = searchSections(corpus);
  return corpus.policies.map(({ id, data }) => {
    const sections = sectionsById.get(id)!;
    const byAnchor = Map.groupBy(sections, (section) => section.anchor);
    const body = [...byAnchor]
      .map(([anchor, group]) => {
        const tokens = group.map((section) => `<p>${indexTokens(normalizeText(section.text))}</p>`).join('');
        return `<h2 id="${anchor}">${anchor}</h2>${tokens}`;
      })
      .join('\n');
    const meta = {
      title: data.title,
      policy: id,
      documentNumber: data.documentNumber ?? '',
      date: formatMonth(timelineMonth(data)),
      sections: JSON.stringify(sections),
    };
    const filters = [
      ['year', timelineYear(data)],
      ...data.issuers.map((issuer) => ['ministry', ministries.get(issuer)!]),
      ...data.topics.map((topic) => ['topic', topics.get(topic)!]),
      ['status', statusLabels[data.status.state]],
    ];
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(data.title)}</title></head><body><main data-pagefind-body>
${Object.entries(meta).map(([key, value]) => `<span data-pagefind-meta="${key}:${escapeHtml(value)}"></span>`).join('')}
${filters.map(([key, value]) => `<span data-pagefind-filter="${key}:${escapeHtml(value)}"></span>`).join('')}
<span data-pagefind-sort="date:${timelineMonth(data)}"></span>
${body}
</main></body></html>`;
    return { url: `${base.replace(/\/?$/, '/')}policies/${id}/`, html };
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
