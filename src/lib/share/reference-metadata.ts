/**
 * The <meta> tags that reference managers read from a page: Highwire Press `citation_*` (Zotero's
 * "Embedded Metadata" translator, Google Scholar, Mendeley, EndNote's capture) and Dublin Core
 * (Zotero reads `DC.*` through its RDF translator). A document is described as a report: the
 * issuing bodies as its authors and institution, the 发文字号 as its number.
 */
import { documentDate } from '../content/timeline';
import { SITE_LANGUAGE } from '../site/identity';
import type { CitableDocument, CitedClause } from './citation';

/** One `<meta name="…" content="…">` tag. */
export interface MetaTag {
  name: string;
  content: string;
}

/** The Dublin Core namespace, declared with `<link rel="schema.DC">` beside the `DC.*` tags. */
export const DUBLIN_CORE_NAMESPACE = 'http://purl.org/dc/elements/1.1/';

/** What Zotero files a document under as its report type (Dublin Core's `type`). */
export const DOCUMENT_TYPE = '政策文件';

/** The title a reference manager records: the document's official title, and the clause, as the site's own citation names it. */
export function referenceTitle(document: CitableDocument, clause?: CitedClause): string {
  return clause ? `${document.officialTitle}：“${clause.heading}”条` : document.officialTitle;
}

/**
 * The Highwire Press and Dublin Core tags of a document or clause page. `url` is the page's
 * permanent absolute URL, or undefined when the build has no SITE (then, as with the canonical
 * link, no URL is given rather than a wrong one, and the tools take the address they are on).
 */
export function referenceMetaTags(document: CitableDocument, url: string | undefined, clause?: CitedClause): MetaTag[] {
  const title = referenceTitle(document, clause);
  const date = documentDate(document);
  // Issuing bodies joined as one institution; "、" is how Chinese lists them.
  const institution = document.issuerNames.join('、');
  const tag = (name: string, content: string | undefined): MetaTag[] => (content ? [{ name, content }] : []);
  const highwire = [
    ...tag('citation_title', title),
    // One tag per body, in official order; a name holds no ";" or "," for the tools to split on.
    ...document.issuerNames.flatMap((name) => tag('citation_author', name)),
    // Google Scholar's form: "2021/12/03", or "2022/03" for a month.
    ...tag('citation_publication_date', date.replaceAll('-', '/')),
    ...tag('citation_date', date.replaceAll('-', '/')),
    // With an institution, Zotero saves a report, and the 文号 as its report number.
    ...tag('citation_technical_report_institution', institution),
    ...tag('citation_technical_report_number', document.documentNumber),
    ...tag('citation_publisher', institution),
    // Highwire names the language by its ISO 639-1 code.
    ...tag('citation_language', 'zh'),
    ...tag('citation_public_url', url),
    ...tag('citation_abstract_html_url', url),
  ];
  const dublinCore = [
    ...tag('DC.title', title),
    ...document.issuerNames.flatMap((name) => tag('DC.creator', name)),
    ...tag('DC.date', date),
    ...tag('DC.identifier', url),
    ...tag('DC.identifier', document.documentNumber),
    ...tag('DC.language', SITE_LANGUAGE),
    ...tag('DC.type', DOCUMENT_TYPE),
    ...tag('DC.publisher', institution),
  ];
  return [...highwire, ...dublinCore];
}
