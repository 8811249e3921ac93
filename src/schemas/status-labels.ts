/**
 * The words readers see for a status, a successor's date and a period's source, without zod, so
 * that browser code (the citation panel) can use them without the schemas.
 */

/** Status values, with the label readers see. */
export const statusLabels = {
  'in-force': '现行有效',
  replaced: '已被替代',
  'period-ended': '实施期已结束',
  unknown: '待核',
} as const;

/** What the site writes where a 发文字号 or date was looked for and not found. */
export const NOT_FOUND = '未见公开记录';

/** Kinds of date a successor outside this site is known by, with the label readers see. */
export const successorDateKinds = {
  signed: '成文日期',
  issued: '印发日期',
  published: '公布日期',
} as const;

/** Where a document's period comes from, with the note readers see. */
export const periodSources = {
  report: '据报告',
  record: '据公开资料核对',
} as const;

/** A status id. */
export type PolicyStatusId = keyof typeof statusLabels;
