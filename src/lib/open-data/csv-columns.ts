/**
 * The columns of policies.csv and clauses.csv, each with what it means (DATA.md is generated from
 * these descriptions), made from the JSON records of records.ts.
 */
import type { CsvColumn } from './csv';
import type { Bilingual, ClauseRecord, PolicyRecord } from './records';

/** A CSV column with what it means, for DATA.md. */
export interface DescribedColumn<Row> extends CsvColumn<Row> {
  description: Bilingual;
}

/** Separator of several values in one cell: ids are joined by a space, names by "；" (names may contain "、"). */
const ID_SEPARATOR = ' ';
const NAME_SEPARATOR = '；';

function joinNames(names: string[]): string {
  for (const name of names) {
    if (name.includes(NAME_SEPARATOR)) throw new Error(`"${name}" contains "${NAME_SEPARATOR}", the CSV separator of names`);
  }
  return names.join(NAME_SEPARATOR);
}

/** The columns of policies.csv: one row per document. */
export const policyColumns: readonly DescribedColumn<PolicyRecord>[] = [
  { name: 'id', value: (p) => p.id, description: { en: 'Permanent id of the document.', zh: '文件的永久编号。' } },
  { name: 'url', value: (p) => p.url, description: { en: "The document's page on this site.", zh: '本站文件页链接。' } },
  { name: 'title', value: (p) => p.title, description: { en: 'Short title as the report names it, without 《》.', zh: '报告所用的简称（不含书名号）。' } },
  { name: 'official_title', value: (p) => p.officialTitle, description: { en: 'Official title from the record.', zh: '正式标题（依据公开记录）。' } },
  { name: 'report_title', value: (p) => p.reportTitle, description: { en: 'The 文件名称 cell of Table 1, verbatim; empty for a document outside Table 1.', zh: '报告表1“文件名称”原文；表1以外的文件为空。' } },
  { name: 'document_number', value: (p) => p.documentNumber, description: { en: '发文字号 or order number; empty when there is none.', zh: '发文字号或令号；无则为空。' } },
  { name: 'timeline_month', value: (p) => p.timelineMonth, description: { en: "Month the site places the document at (YYYY-MM): the report's date, else the month signed, else published.", zh: '本站时间线所用的月份（YYYY-MM）：报告所载时间，否则为成文月份，再否则为发布月份。' } },
  { name: 'report_date', value: (p) => p.reportDate, description: { en: "The report's date (Table 1 时间), YYYY-MM.", zh: '报告表1所载时间（YYYY-MM）。' } },
  { name: 'signed', value: (p) => p.signed, description: { en: '成文日期 (YYYY-MM-DD), only where confirmed.', zh: '成文日期（YYYY-MM-DD），仅在已核实时给出。' } },
  { name: 'published', value: (p) => p.published, description: { en: '发布日期 (YYYY-MM-DD), only where confirmed.', zh: '发布日期（YYYY-MM-DD），仅在已核实时给出。' } },
  { name: 'in_force', value: (p) => p.inForce, description: { en: '施行日期 (YYYY-MM-DD), only where confirmed.', zh: '施行日期（YYYY-MM-DD），仅在已核实时给出。' } },
  { name: 'issuer_ids', value: (p) => p.issuers.map((issuer) => issuer.id).join(ID_SEPARATOR), description: { en: 'Ids of the issuing bodies in official order, separated by spaces.', zh: '发文机关编号，按正式排序，以空格分隔。' } },
  { name: 'issuers', value: (p) => joinNames(p.issuers.map((issuer) => issuer.name)), description: { en: 'Full names of the issuing bodies, in the same order, separated by "；".', zh: '发文机关全称，顺序同上，以“；”分隔。' } },
  { name: 'report_issuers', value: (p) => p.reportIssuers, description: { en: "The report's 主要发文部门 text, verbatim.", zh: '报告表1“主要发文部门”原文。' } },
  { name: 'issuers_complete', value: (p) => p.issuersComplete, description: { en: 'true when the issuers are the full official list.', zh: '发文机关是否为完整的正式名单（true/false）。' } },
  { name: 'topic_ids', value: (p) => p.topics.map((topic) => topic.id).join(ID_SEPARATOR), description: { en: 'Topic ids, separated by spaces.', zh: '主题编号，以空格分隔。' } },
  { name: 'topics', value: (p) => joinNames(p.topics.map((topic) => topic.name)), description: { en: 'Topic names, in the same order, separated by "；".', zh: '主题名称，顺序同上，以“；”分隔。' } },
  { name: 'table_row', value: (p) => p.tableRow, description: { en: 'Table 1 序号; empty for a document the report cites only in its narrative.', zh: '报告表1序号；仅在正文中引用的文件为空。' } },
  { name: 'status', value: (p) => p.status.state, description: { en: 'in-force, replaced, period-ended or unknown.', zh: '现行状态代码：in-force、replaced、period-ended、unknown。' } },
  { name: 'status_label', value: (p) => p.status.label, description: { en: 'The status as readers see it.', zh: '现行状态（中文）。' } },
  { name: 'status_as_of', value: (p) => p.status.asOf, description: { en: 'Month the status was last checked (YYYY-MM).', zh: '现行状态的核对月份（YYYY-MM）。' } },
  { name: 'status_since', value: (p) => p.status.since, description: { en: 'Day or month the status took effect (YYYY-MM-DD or YYYY-MM); empty when not given.', zh: '该状态的起始日期或月份（YYYY-MM-DD 或 YYYY-MM）；未给出则为空。' } },
  { name: 'status_basis', value: (p) => p.status.basis, description: { en: 'The fact the status rests on, with the level of its source.', zh: '现行状态的依据及资料层级。' } },
  { name: 'successor_title', value: (p) => p.status.successor?.title, description: { en: 'Title of the document that replaced this one.', zh: '替代本文件的新文件标题。' } },
  { name: 'successor_document_number', value: (p) => p.status.successor?.documentNumber, description: { en: "The successor's 发文字号, or 未见公开记录.", zh: '新文件的发文字号，或“未见公开记录”。' } },
  { name: 'successor_date', value: (p) => p.status.successor?.date, description: { en: "The successor's date (YYYY-MM-DD or YYYY-MM), or 未见公开记录.", zh: '新文件的日期（YYYY-MM-DD 或 YYYY-MM），或“未见公开记录”。' } },
  { name: 'successor_date_kind', value: (p) => p.status.successor?.dateKind, description: { en: "What successor_date is: signed (成文日期), issued (印发日期) or published (公布日期).", zh: '新文件日期的类别：signed（成文日期）、issued（印发日期）、published（公布日期）。' } },
  { name: 'successor_in_force', value: (p) => p.status.successor?.inForce, description: { en: "The successor's 施行日期 (YYYY-MM-DD), where known.", zh: '新文件的施行日期（YYYY-MM-DD），如已知。' } },
  { name: 'successor_issuer_ids', value: (p) => p.status.successor?.issuers.map((issuer) => issuer.id).join(ID_SEPARATOR), description: { en: "Ids of the successor's issuing bodies, separated by spaces.", zh: '新文件发文机关编号，以空格分隔。' } },
  { name: 'successor_issuers', value: (p) => (p.status.successor ? joinNames(p.status.successor.issuers.map((issuer) => issuer.name)) : undefined), description: { en: "Full names of the successor's issuing bodies, separated by \"；\".", zh: '新文件发文机关全称，以“；”分隔。' } },
  { name: 'successor_url', value: (p) => p.status.successor?.url, description: { en: "The successor's page, when it is on this site.", zh: '新文件在本站的链接（如收录）。' } },
  { name: 'period', value: (p) => p.period.text ?? '未见公开记录', description: { en: "The document's own period (实施期限/规划期), e.g. 2023—2024年; 未见公开记录 where none is known.", zh: '文件自身的实施期限或规划期，如“2023—2024年”；未知则为“未见公开记录”。' } },
  { name: 'period_source', value: (p) => p.period.source, description: { en: "Where the period comes from: report (the report's reading) or record (the checked public record); empty when unknown.", zh: '实施期限的来源：report（据报告）或 record（据公开资料核对）；未知则为空。' } },
  { name: 'period_basis', value: (p) => p.period.basis, description: { en: 'What the period rests on, or why it is unknown.', zh: '实施期限的依据，或未知的原因。' } },
  { name: 'source_url', value: (p) => p.sourceUrl, description: { en: 'Link to the text on an official government domain.', zh: '官方网站原文链接。' } },
  { name: 'clause_count', value: (p) => p.clauses.length, description: { en: 'Number of clauses (rows of clauses.csv).', zh: '条款数（即 clauses.csv 中的行数）。' } },
  {
    name: 'notes',
    value: (p) => p.notes.map((note) => `[${note.field}] 报告：${note.report}｜记录：${note.record}｜依据：${note.basis}`).join('\n'),
    description: { en: 'Editorial notes, one per line: [field] what the report says｜what the record says｜the basis.', zh: '编者注，每行一条：[字段] 报告所载｜公开记录所载｜依据。' },
  },
];

/** A clause with the document it belongs to: a row of clauses.csv. */
export interface ClauseRow {
  policy: PolicyRecord;
  clause: ClauseRecord;
  number: number;
}

/** The columns of clauses.csv: one row per clause, in document then clause order. */
export const clauseColumns: readonly DescribedColumn<ClauseRow>[] = [
  { name: 'policy_id', value: (r) => r.policy.id, description: { en: 'Id of the document.', zh: '文件编号。' } },
  { name: 'policy_title', value: (r) => r.policy.title, description: { en: "The document's short title.", zh: '文件简称。' } },
  { name: 'document_number', value: (r) => r.policy.documentNumber, description: { en: "The document's 发文字号 or order number.", zh: '文件的发文字号或令号。' } },
  { name: 'clause_number', value: (r) => r.number, description: { en: 'Position of the clause in its document, from 1.', zh: '条款在文件中的序号（从1起）。' } },
  { name: 'clause_id', value: (r) => r.clause.id, description: { en: 'Permanent id of the clause (its anchor).', zh: '条款的永久编号（页面锚点）。' } },
  { name: 'heading', value: (r) => r.clause.heading, description: { en: 'Lead phrase of the clause.', zh: '条款标题（首句要点）。' } },
  { name: 'text', value: (r) => r.clause.text, description: { en: "The clause, word for word as the report's Table 1 prints it.", zh: '条款全文，与报告表1逐字一致。' } },
  { name: 'topic_ids', value: (r) => r.clause.topics.join(ID_SEPARATOR), description: { en: 'Topic ids of the clause, separated by spaces.', zh: '条款的主题编号，以空格分隔。' } },
  {
    name: 'topics',
    value: (r) => joinNames(r.clause.topics.map((id) => r.policy.topics.find((topic) => topic.id === id)?.name ?? id)),
    description: { en: 'Topic names, in the same order, separated by "；".', zh: '主题名称，顺序同上，以“；”分隔。' },
  },
  { name: 'url', value: (r) => r.clause.url, description: { en: 'Permanent link to the clause in its document (#anchor).', zh: '条款的永久链接（文件页锚点）。' } },
];

/** The rows of clauses.csv. */
export function clauseRows(policies: readonly PolicyRecord[]): ClauseRow[] {
  return policies.flatMap((policy) => policy.clauses.map((clause, index) => ({ policy, clause, number: index + 1 })));
}
