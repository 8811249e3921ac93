/**
 * The open data files (`/data/…`), built from the content collections at build time. Everything is
 * derived here once: the JSON files, and from their records the CSV files and the Atom feed.
 * Pure: callers pass the collections (getPolicies() & co. in Astro, loadCorpus() in scripts and tests).
 */
import { ministryKinds, type Ministry } from '../schemas/ministry';
import { statusLabels, type Policy } from '../schemas/policy';
import type { Topic } from '../schemas/topic';
import type { CsvColumn } from './csv';
import { timelineMonth } from './timeline';
import { absoluteUrl, anchorPath, dataPath, homePath, indexPath, ministryPath, policyPath, topicPath } from './urls';
import { ministryRoles } from './views';

/** Version of the files' structure: the minor number grows when fields are added, the major when any changes. */
export const DATA_VERSION = '1.0';

/** The data files, by name (the name is also the file under `/data/`). */
export const dataFiles = {
  policies: 'policies.json',
  ministries: 'ministries.json',
  topics: 'topics.json',
  schema: 'schema.json',
  policiesCsv: 'policies.csv',
  clausesCsv: 'clauses.csv',
} as const;

/** When this build ran: SOURCE_DATE_EPOCH (seconds) when set, for reproducible builds, else now. Read once per build. */
export const buildTime: string = (() => {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
})();

/** Bilingual text. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** The terms every data file carries (the same as on /about/). */
export const license = {
  spdx: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: '中国镁产业政策文库',
  scope: {
    en: 'The metadata, topic assignments and editorial notes compiled by this site are licensed under CC BY 4.0; credit "中国镁产业政策文库". The policy documents themselves are official documents, which Article 5 of the Copyright Law of the PRC places outside its protection. Clause and narrative texts are quoted word for word from the source report; the rights in the report remain with its author.',
    zh: '本站整理的元数据、主题标注和编者注以 CC BY 4.0 许可发布，使用时请注明“中国镁产业政策文库”。政策文件本身属于《中华人民共和国著作权法》第五条所列不适用该法保护的官方文件。条款与论述的文字逐字引自来源报告，报告原文的权利归其作者。',
  },
} as const;

/** Where the content comes from (the same as on /about/). */
const sourceDescription: Bilingual = {
  en: "A report on China's magnesium-industry policy: its Table 1 (12 documents) and one document its narrative cites, quoted word for word. Official titles, full issuer lists, exact dates, status and official links come from checked public records; where the report and the record differ, an editorial note (notes) says so.",
  zh: '一份关于我国镁产业政策的报告：其表1所列12份文件及报告正文引用的1份文件，逐字收录。正式标题、完整的发文机关、确切日期、现行状态与官方原文链接依据核对过的公开记录；报告与公开记录不一致之处见编者注（notes）。',
};

/** A clause of a document, as published. */
export interface ClauseRecord {
  id: string;
  heading: string;
  text: string;
  /** Topic ids. */
  topics: string[];
  url: string;
}

/** A narrative passage, as published. */
export interface PassageRecord {
  id: string;
  text: string;
  url: string;
}

/** A document in policies.json. Absent values are null, so that every record has every key. */
export interface PolicyRecord {
  id: string;
  url: string;
  title: string;
  officialTitle: string;
  reportTitle: string | null;
  documentNumber: string | null;
  timelineMonth: string;
  reportDate: string | null;
  signed: string | null;
  published: string | null;
  inForce: string | null;
  issuers: { id: string; name: string }[];
  reportIssuers: string | null;
  issuersComplete: boolean;
  topics: { id: string; name: string }[];
  tableRow: number | null;
  status: {
    state: keyof typeof statusLabels;
    label: string;
    asOf: string;
    basis: string;
    successor: {
      policy: string | null;
      url: string | null;
      title: string | null;
      documentNumber: string | null;
      date: string | null;
    } | null;
  };
  sourceUrl: string | null;
  notes: { field: string; report: string; record: string; basis: string }[];
  clauses: ClauseRecord[];
  narrative: PassageRecord[];
}

/** An issuing body in ministries.json. */
export interface MinistryRecord {
  id: string;
  url: string;
  name: string;
  shortNames: string[];
  aliases: string[];
  nameEn: string;
  kind: keyof typeof ministryKinds;
  kindLabel: string;
  /** Ids of the documents it issued first (lead issuer), oldest first. */
  led: string[];
  /** Ids of the documents it co-issued (not first), oldest first. */
  coIssued: string[];
}

/** A topic in topics.json. */
export interface TopicRecord {
  id: string;
  url: string;
  name: string;
  description: string;
  /** Ids of the documents on the topic, oldest first. */
  policies: string[];
  /** The clauses on the topic, in document order. */
  clauses: { policy: string; clause: string; url: string }[];
}

/** The fields every data file starts with. */
export interface DataHeader {
  version: string;
  generated: string;
  site: string;
  schema: string;
  license: typeof license;
  source: Bilingual & { url: string };
}

export interface PoliciesFile extends DataHeader {
  policies: PolicyRecord[];
}
export interface MinistriesFile extends DataHeader {
  ministries: MinistryRecord[];
}
export interface TopicsFile extends DataHeader {
  topics: TopicRecord[];
}

/** What the data is built from. */
export interface OpenDataInput {
  /** Every document, oldest first (getPolicies()). */
  policies: readonly (Policy & { id: string })[];
  /** Registries (any order: the files list them by id). */
  ministries: ReadonlyMap<string, Ministry> | readonly Ministry[];
  topics: ReadonlyMap<string, Topic> | readonly Topic[];
  /** The deployed origin (Astro's `site`), when known: URLs are then absolute. */
  site: URL | undefined;
  /** ISO date-time of the build. */
  generated?: string;
}

/** The three JSON files. */
export interface OpenData {
  policies: PoliciesFile;
  ministries: MinistriesFile;
  topics: TopicsFile;
}

function registry<T extends { id: string }>(entries: ReadonlyMap<string, T> | readonly T[]): Map<string, T> {
  return entries instanceof Map ? new Map(entries) : new Map((entries as readonly T[]).map((entry) => [entry.id, entry]));
}

/** Registry entries ordered by id: an order that does not depend on how a collection returns them. */
function sortedById<T extends { id: string }>(map: Map<string, T>): T[] {
  return [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function find<T>(map: Map<string, T>, id: string, what: string): T {
  const value = map.get(id);
  if (value === undefined) throw new Error(`unknown ${what} id "${id}"`);
  return value;
}

/** Builds policies.json, ministries.json and topics.json. */
export function buildOpenData(input: OpenDataInput): OpenData {
  const { policies, site } = input;
  const ministries = registry(input.ministries);
  const topics = registry(input.topics);
  const url = (path: string) => absoluteUrl(path, site);
  const header: DataHeader = {
    version: DATA_VERSION,
    generated: input.generated ?? buildTime,
    site: url(homePath()),
    schema: url(dataPath(dataFiles.schema)),
    license,
    source: { ...sourceDescription, url: url(indexPath('about')) },
  };

  const policyRecords = policies.map((policy): PolicyRecord => {
    const successor = policy.status.successor;
    return {
      id: policy.id,
      url: url(policyPath(policy.id)),
      title: policy.title,
      officialTitle: policy.officialTitle,
      reportTitle: policy.reportTitle ?? null,
      documentNumber: policy.documentNumber ?? null,
      timelineMonth: timelineMonth(policy),
      reportDate: policy.reportDate ?? null,
      signed: policy.signed ?? null,
      published: policy.published ?? null,
      inForce: policy.inForce ?? null,
      issuers: policy.issuers.map((id) => ({ id, name: find(ministries, id, 'ministry').name })),
      reportIssuers: policy.reportIssuers ?? null,
      issuersComplete: policy.issuersComplete,
      topics: policy.topics.map((id) => ({ id, name: find(topics, id, 'topic').name })),
      tableRow: policy.tableRow ?? null,
      status: {
        state: policy.status.state,
        label: statusLabels[policy.status.state],
        asOf: policy.status.asOf,
        basis: policy.status.basis,
        successor: successor
          ? {
              policy: successor.policy ?? null,
              url: successor.policy ? url(policyPath(successor.policy)) : null,
              title: successor.title ?? null,
              documentNumber: successor.documentNumber ?? null,
              date: successor.date ?? null,
            }
          : null,
      },
      sourceUrl: policy.sourceUrl ?? null,
      notes: policy.notes.map(({ field, report, record, basis }) => ({ field, report, record, basis })),
      clauses: policy.clauses.map((clause) => ({
        id: clause.id,
        heading: clause.heading,
        text: clause.text,
        topics: [...clause.topics],
        url: url(anchorPath(policy.id, clause.id)),
      })),
      narrative: policy.narrative.map((passage) => ({ id: passage.id, text: passage.text, url: url(anchorPath(policy.id, passage.id)) })),
    };
  });

  const ministryRecords = sortedById(ministries).map((ministry): MinistryRecord => {
    const { led, coIssued } = ministryRoles([...policies], ministry.id);
    return {
      id: ministry.id,
      url: url(ministryPath(ministry.id)),
      name: ministry.name,
      shortNames: [...ministry.shortNames],
      aliases: [...ministry.aliases],
      nameEn: ministry.nameEn,
      kind: ministry.kind,
      kindLabel: ministryKinds[ministry.kind],
      led: led.map((policy) => policy.id),
      coIssued: coIssued.map((policy) => policy.id),
    };
  });

  const topicRecords = sortedById(topics).map(
    (topic): TopicRecord => ({
      id: topic.id,
      url: url(topicPath(topic.id)),
      name: topic.name,
      description: topic.description,
      policies: policies.filter((policy) => policy.topics.includes(topic.id)).map((policy) => policy.id),
      clauses: policyRecords.flatMap((policy) =>
        policy.clauses.filter((clause) => clause.topics.includes(topic.id)).map((clause) => ({ policy: policy.id, clause: clause.id, url: clause.url })),
      ),
    }),
  );

  return {
    policies: { ...header, policies: policyRecords },
    ministries: { ...header, ministries: ministryRecords },
    topics: { ...header, topics: topicRecords },
  };
}

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
  { name: 'status_basis', value: (p) => p.status.basis, description: { en: 'The fact the status rests on.', zh: '现行状态的依据。' } },
  { name: 'successor_title', value: (p) => p.status.successor?.title, description: { en: 'Title of the document that replaced this one.', zh: '替代本文件的新文件标题。' } },
  { name: 'successor_document_number', value: (p) => p.status.successor?.documentNumber, description: { en: "The successor's 发文字号.", zh: '新文件的发文字号。' } },
  { name: 'successor_date', value: (p) => p.status.successor?.date, description: { en: "The successor's date (YYYY-MM-DD).", zh: '新文件的日期（YYYY-MM-DD）。' } },
  { name: 'successor_url', value: (p) => p.status.successor?.url, description: { en: "The successor's page, when it is on this site.", zh: '新文件在本站的链接（如收录）。' } },
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
