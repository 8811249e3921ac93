/**
 * The searchable parts of a document. Each is indexed on its own (so a match points to it) and its
 * original text travels with the result, so the browser can check, excerpt and highlight it.
 */
export interface SearchSection {
  /** Anchor on the document page: a clause, a passage, or "metadata" (title, number, issuers). */
  anchor: string;
  /** What the reader sees before the excerpt, e.g. the clause heading or "发文字号". */
  label: string;
  /** The original text. */
  text: string;
  /**
   * On the section of an issuing body (label 发文机关): every name it goes by, full name first (short
   * names, aliases, abbreviations, English name), whether it leads the document (is its first issuer),
   * and how many bodies issued the document.
   */
  issuer?: { names: string[]; lead: boolean; bodies: number };
  /** On a report passage that restates the document (its narrative): the document's own text ranks before it. */
  restatement?: true;
}

/** The anchor of a document's metadata block. */
export const METADATA_ANCHOR = 'metadata';

/** The label of a narrative passage of the report: what is neither metadata nor this is a clause. */
export const NARRATIVE_LABEL = '报告正文的论述';

/** A section of a document's record that is one of its clauses (its anchor is the clause's id). */
export const isClauseSection = (section: SearchSection): boolean => section.anchor !== METADATA_ANCHOR && section.label !== NARRATIVE_LABEL;

/** The label of an issuing body's section. */
export const ISSUER_LABEL = '发文机关';

/** What the reader sees as the title of a result in the report's overview (/overview/), which belongs to no document. */
export const OVERVIEW_RESULT_TITLE = '报告综述';

/** Labels of the metadata sections whose match means "this document by name". */
const TITLE_LABELS = ['标题', '正式标题', '报告所列名称'] as const;

/** A section naming the document: one of its titles. */
export const isTitleSection = (section: SearchSection): boolean =>
  section.anchor === METADATA_ANCHOR && (TITLE_LABELS as readonly string[]).includes(section.label);

/**
 * What the search page needs of one document (or of the report's overview) to check, rank and show it as a result. Kept out of the
 * Pagefind index (whose metadata Pagefind would index as words too) and published beside it
 * (SEARCH_RECORDS_FILE, or `searchRecordFile(<Pagefind's id of the page>)` in a larger collection).
 */
export interface SearchRecord {
  /** A policy document, or the report's overview (its paragraphs belonging to no document). */
  kind: 'document' | 'overview';
  /** The document page, or /overview/. */
  url: string;
  title: string;
  documentNumber: string;
  /** The month shown beside the title, e.g. "2023年8月" ("" for the overview). */
  date: string;
  sections: SearchSection[];
}

/** The text of an issuing body's section: its full name, then its other names, e.g. 工业和信息化部（工信部、MIIT、Ministry of Industry and Information Technology）. */
export function issuerText([name, ...others]: string[]): string {
  return `${name}（${others.join('、')}）`;
}

/**
 * A section as published: anchor, label and text, and 1 on a report passage restating the
 * document; an issuing body's section has its names, whether it leads and how many bodies issued
 * the document in place of the text, which is made from the names (issuerText).
 */
type PublishedSection = [anchor: string, label: string, text: string, restatement?: 1] | [anchor: string, label: string, names: string[], lead: 0 | 1, bodies: number];

/** A search record as published: arrays in place of objects, about a fifth fewer bytes gzipped than the objects' JSON. */
export type PublishedRecord = [kind: SearchRecord['kind'], url: string, title: string, documentNumber: string, date: string, sections: PublishedSection[]];

export function encodeRecord({ kind, url, title, documentNumber, date, sections }: SearchRecord): PublishedRecord {
  const encode = ({ anchor, label, text, issuer, restatement }: SearchSection): PublishedSection => {
    if (issuer) return [anchor, label, issuer.names, issuer.lead ? 1 : 0, issuer.bodies];
    return restatement ? [anchor, label, text, 1] : [anchor, label, text];
  };
  return [kind, url, title, documentNumber, date, sections.map(encode)];
}

export function decodeRecord([kind, url, title, documentNumber, date, sections]: PublishedRecord): SearchRecord {
  const decode = ([anchor, label, content, ...rest]: PublishedSection): SearchSection => {
    if (Array.isArray(content)) return { anchor, label, text: issuerText(content), issuer: { names: content, lead: rest[0] === 1, bodies: rest[1]! } };
    return rest[0] === 1 ? { anchor, label, text: content, restatement: true } : { anchor, label, text: content };
  };
  return { kind, url, title, documentNumber, date, sections: sections.map(decode) };
}

/**
 * Up to this many documents, the search records are published together in one file, fetched by the
 * first query (some 30 KB gzipped at 100 documents, one request where a page of results would
 * make ten), so that later queries download no record. A larger collection publishes one file per
 * record, and the page fetches those of the candidates it checks.
 */
export const RECORDS_IN_ONE_FILE_UP_TO = 100;

/** Whether a collection of so many documents publishes its search records in one file (SEARCH_RECORDS_FILE). */
export const recordsInOneFile = (documents: number): boolean => documents <= RECORDS_IN_ONE_FILE_UP_TO;

/** Where every search record of a small collection is published, below the base path: an object of the records (PublishedRecord) by Pagefind's id of their pages. */
export const SEARCH_RECORDS_FILE = 'search/records.json';

/** Where a document's search record (PublishedRecord) is published in a larger collection, below the base path: named by Pagefind's id of its page. */
export function searchRecordFile(pagefindId: string): string {
  return `search/records/${pagefindId}.json`;
}
