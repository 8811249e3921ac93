import { formatDate, formatMonth } from '../content/dates';
import { documentDate } from '../content/timeline';
import { SITE_NAME } from '../site/identity';
import { readableDate } from '../content/status';
import { statusLabels } from '../../schemas/status-labels';
import type { PolicyStatus } from '../../schemas/policy';

/** What a citation needs to know of a document. */
export interface CitableDocument {
  officialTitle: string;
  documentNumber?: string;
  signed?: string;
  published?: string;
  reportDate?: string;
  /** Full names of the issuing bodies, in official order. */
  issuerNames: string[];
  issuersComplete: boolean;
  /** Its status; a replaced document's citation says so. */
  status?: { state: PolicyStatus; since?: string };
}

/** The clause being cited, if any. */
export interface CitedClause {
  heading: string;
}

/** The note a citation of a replaced document carries, e.g. 已被替代，自2025年8月28日起; empty otherwise. */
export function replacedNote(document: CitableDocument): string {
  if (document.status?.state !== 'replaced') return '';
  return document.status.since ? `${statusLabels.replaced}，自${readableDate(document.status.since)}起` : statusLabels.replaced;
}

/** The document's date for a citation, a day or a month (documentDate). */
export function citationDate(document: CitableDocument): { iso: string; chinese: string } {
  const date = documentDate(document);
  return { iso: date, chinese: date.length > 7 ? formatDate(date) : formatMonth(date) };
}

/**
 * GB/T 7714-2015 reference for a policy document published online ([EB/OL]): at most three
 * responsible bodies then "等", title: document number (and the clause), (date)[access date]. URL.
 */
export function gbt7714Citation(document: CitableDocument, url: string, accessed: string, clause?: CitedClause): string {
  const names = document.issuerNames;
  const authors = names.length > 3 || !document.issuersComplete ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
  const other = [document.documentNumber, clause && `“${clause.heading}”条`].filter(Boolean).join(', ');
  const title = other ? `${document.officialTitle}: ${other}` : document.officialTitle;
  const note = replacedNote(document);
  return `${authors}. ${title}[EB/OL]. (${citationDate(document).iso})[${accessed}]. ${url}.${note ? ` （${note}）` : ''}`;
}

/** A plain citation in running Chinese text. */
export function plainCitation(document: CitableDocument, url: string, accessed: string, clause?: CitedClause): string {
  const issuers = `${document.issuerNames.slice(0, 3).join('、')}${document.issuerNames.length > 3 || !document.issuersComplete ? '等' : ''}`;
  const number = document.documentNumber ? `（${document.documentNumber}）` : '';
  const date = citationDate(document);
  const clausePart = clause ? `，“${clause.heading}”条` : '';
  const note = replacedNote(document);
  return `${issuers}：《${document.officialTitle}》${number}，${date.chinese}${note ? `（${note}）` : ''}${clausePart}。${SITE_NAME}，${url}，访问日期：${formatDate(accessed)}。`;
}

/** The citable facts of a document, with its issuers' full names. */
export function citableDocument(
  policy: Omit<CitableDocument, 'issuerNames'> & { issuers: string[] },
  ministryName: (id: string) => string,
): CitableDocument {
  const { officialTitle, documentNumber, signed, published, reportDate, issuersComplete, status } = policy;
  const citedStatus = status ? { status: { state: status.state, ...(status.since ? { since: status.since } : {}) } } : {};
  return { officialTitle, documentNumber, signed, published, reportDate, issuersComplete, issuerNames: policy.issuers.map(ministryName), ...citedStatus };
}
