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
 * Pagefind index (whose metadata Pagefind would index as words too) and fetched for shown results only,
 * from `searchRecordFile(<Pagefind's id of the page>)`.
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

/** Where a document's search record is published, below the base path: named by Pagefind's id of its page. */
export function searchRecordFile(pagefindId: string): string {
  return `search/records/${pagefindId}.json`;
}
