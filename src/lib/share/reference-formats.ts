/**
 * A document or clause as reference managers import it: RIS (EndNote, NoteExpress, CNKI E-Study,
 * Zotero), BibTeX for biblatex, and CSL-JSON (Zotero, Mendeley, Pandoc), besides the site's own
 * GB/T 7714 list (citation.ts). Written by hand: citation-js 0.8, the library for this, weighs
 * 74 KB gzipped in a browser bundle and, measured on these documents, writes BibTeX with an empty
 * title and a 文号 stripped of its Chinese characters.
 *
 * One kind of record in each format, the one that keeps a 文号 and corporate authors: RIS
 * `GOVDOC` (which RIS readers map to a report), CSL `report`, biblatex `@online` (GB/T 7714's
 * [EB/OL], with the 文号 and clause in `titleaddon`, as the GB/T style prints them).
 */
import { SITE_NAME } from '../site/identity';
import { citationDate, gbt7714Citation, replacedNote, type CitableDocument, type CitedClause } from './citation';

/** One cited work: a document, or a clause of one. */
export interface Reference {
  /** `<policy-id>` or `<policy-id>.<clause-id>`: the citation key. */
  key: string;
  /** The short title the site lists the document by. */
  shortTitle?: string;
  document: CitableDocument;
  clause?: CitedClause;
  /** Absolute URL of what is cited. */
  url: string;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
}

/** The formats a reader can export, with what a download is called and typed. */
export const exportFormats = {
  gbt: { label: 'GB/T 7714', extension: 'txt', mediaType: 'text/plain;charset=utf-8' },
  ris: { label: 'RIS', extension: 'ris', mediaType: 'application/x-research-info-systems;charset=utf-8' },
  bibtex: { label: 'BibTeX', extension: 'bib', mediaType: 'application/x-bibtex;charset=utf-8' },
  csl: { label: 'CSL-JSON', extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json;charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof exportFormats;

/** The text of the references in a format. */
export function formatReferences(format: ExportFormat, references: readonly Reference[]): string {
  switch (format) {
    case 'gbt':
      return gbt7714List(references);
    case 'ris':
      return references.map(risRecord).join('');
    case 'bibtex':
      return references.map(biblatexEntry).join('\n');
    case 'csl':
      return `${JSON.stringify(references.map(cslItem), null, 2)}\n`;
  }
}

/** A numbered GB/T 7714 reference list, one reference a line. */
export function gbt7714List(references: readonly Reference[]): string {
  const line = (reference: Reference) => gbt7714Citation(reference.document, reference.url, reference.accessed, reference.clause);
  if (references.length === 1) return `${line(references[0])}\n`;
  return references.map((reference, index) => `[${index + 1}] ${line(reference)}\n`).join('');
}

/** A note on the reference: a list of issuers the site knows to be incomplete, a replaced document. */
function notes(reference: Reference): string[] {
  const replaced = replacedNote(reference.document);
  return [...(reference.document.issuersComplete ? [] : ['发文机关未全部列出']), ...(replaced ? [replaced] : [])];
}

/** `工信部联原〔2023〕130号, “…”条`: what follows the title in GB/T 7714. */
function titleAddition(reference: Reference): string {
  return [reference.document.documentNumber, reference.clause && `“${reference.clause.heading}”条`].filter(Boolean).join(', ');
}

/** One RIS record (tags of two capitals, two spaces, a hyphen, a space; CRLF line ends, as the specification has them). */
export function risRecord(reference: Reference): string {
  const { document, clause } = reference;
  const date = citationDate(document).iso;
  const [year, month = '', day = ''] = date.split('-');
  const [accessedYear, accessedMonth, accessedDay] = reference.accessed.split('-');
  const lines: [string, string | undefined][] = [
    ['TY', 'GOVDOC'],
    ['ID', reference.key],
    ['TI', document.officialTitle],
    ['ST', reference.shortTitle],
    ['SE', clause && `“${clause.heading}”条`],
    ...document.issuerNames.map((name): [string, string] => ['AU', name]),
    ['PY', year],
    ['DA', `${year}/${month}/${day}/`],
    ['SN', document.documentNumber],
    ['DB', SITE_NAME],
    ['LA', 'zh-CN'],
    ['UR', reference.url],
    ['Y2', `${accessedYear}/${accessedMonth}/${accessedDay}/`],
    ...notes(reference).map((note): [string, string] => ['N1', note]),
    ['ER', ''],
  ];
  return lines
    .filter((line): line is [string, string] => line[1] !== undefined)
    .map(([tag, value]) => `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, ' ')}\r\n`)
    .join('');
}

/** Escapes a biblatex field's text: the characters TeX gives a meaning. */
function tex(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (char) =>
    char === '\\' ? '\\textbackslash{}' : char === '^' ? '\\textasciicircum{}' : char === '~' ? '\\textasciitilde{}' : `\\${char}`,
  );
}

/** One biblatex entry. Corporate authors in double braces, so that no name is split into first and last. */
export function biblatexEntry(reference: Reference): string {
  const { document } = reference;
  const addition = titleAddition(reference);
  const fields: [string, string | undefined][] = [
    ['author', document.issuerNames.map((name) => `{${tex(name)}}`).join(' and ') + (document.issuersComplete ? '' : ' and others')],
    ['title', tex(document.officialTitle)],
    ['shorttitle', reference.shortTitle && tex(reference.shortTitle)],
    ['titleaddon', addition ? tex(addition) : undefined],
    ['number', document.documentNumber && tex(document.documentNumber)],
    ['date', citationDate(document).iso],
    ['organization', tex(SITE_NAME)],
    ['langid', 'chinese'],
    ['url', reference.url],
    ['urldate', reference.accessed],
    ['note', notes(reference).map(tex).join('；') || undefined],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `  ${name} = {${value}},`)
    .join('\n');
  return `@online{${reference.key},\n${body}\n}\n`;
}

/** `{ "date-parts": [[2023, 8, 22]] }` of YYYY, YYYY-MM or YYYY-MM-DD. */
function dateParts(date: string): { 'date-parts': number[][] } {
  return { 'date-parts': [date.split('-').map(Number)] };
}

/** One CSL-JSON item (CSL 1.0.2). */
export function cslItem(reference: Reference): Record<string, unknown> {
  const { document, clause } = reference;
  const note = notes(reference).join('；');
  return {
    id: reference.key,
    type: 'report',
    title: document.officialTitle,
    ...(reference.shortTitle ? { 'title-short': reference.shortTitle } : {}),
    ...(clause ? { section: clause.heading } : {}),
    author: document.issuerNames.map((literal) => ({ literal })),
    issued: dateParts(citationDate(document).iso),
    ...(document.documentNumber ? { number: document.documentNumber } : {}),
    source: SITE_NAME,
    language: 'zh-CN',
    URL: reference.url,
    accessed: dateParts(reference.accessed),
    ...(note ? { note } : {}),
  };
}
