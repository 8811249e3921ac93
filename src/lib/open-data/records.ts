/**
 * The open data files (`/data/…`), built from the content collections at build time. Everything is
 * derived here once: the JSON records, from which the CSV files (csv-columns.ts) and the Atom feed
 * (feed.ts) are made.
 * Pure: callers pass the collections (getCorpus() in Astro, loadCorpus() in scripts and tests).
 */
import { ministryKinds, type Ministry } from '../../schemas/ministry';
import { periodSources, statusLabels, successorDateKinds, type Policy } from '../../schemas/policy';
import type { Topic } from '../../schemas/topic';
import { timelineMonth } from '../content/timeline';
import { absoluteUrl, anchorPath, dataPath, homePath, indexPath, ministryPath, policyPath, topicPath } from '../site/urls';
import { ministryRoles } from '../content/views';
import { buildDate } from '../site/build-time';
import { SITE_NAME } from '../site/identity';

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

/** When this build ran (see build-time.ts), to the second. Read once per build. */
export const buildTime: string = buildDate().toISOString().replace(/\.\d{3}Z$/, 'Z');

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
  attribution: SITE_NAME,
  scope: {
    en: `The metadata, topic assignments and editorial notes compiled by this site are licensed under CC BY 4.0; credit "${SITE_NAME}". The policy documents themselves are official documents, which Article 5 of the Copyright Law of the PRC places outside its protection. Clause and narrative texts are quoted word for word from the source report; the rights in the report remain with its author.`,
    zh: `本站整理的元数据、主题标注和编者注以 CC BY 4.0 许可发布，使用时请注明“${SITE_NAME}”。政策文件本身属于《中华人民共和国著作权法》第五条所列不适用该法保护的官方文件。条款与论述的文字逐字引自来源报告，报告原文的权利归其作者。`,
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
    /** The day or month the status took effect; null when not given (in force from the start, or unknown). */
    since: string | null;
    basis: string;
    successor: {
      policy: string | null;
      url: string | null;
      title: string | null;
      /** 发文字号, or 未见公开记录. */
      documentNumber: string | null;
      /** A day, a month, or 未见公开记录. */
      date: string | null;
      dateKind: keyof typeof successorDateKinds | null;
      inForce: string | null;
      issuers: { id: string; name: string; url: string }[];
    } | null;
  };
  /** The document's own period: its text and source, or null text where unknown (then basis says why). */
  period: {
    text: string | null;
    source: keyof typeof periodSources | null;
    basis: string | null;
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
  abbreviations: string[];
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
  /** Every document, oldest first (as getCorpus() gives them). */
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
        since: policy.status.since ?? null,
        basis: policy.status.basis,
        successor: successor
          ? {
              policy: successor.policy ?? null,
              url: successor.policy ? url(policyPath(successor.policy)) : null,
              title: successor.title ?? null,
              documentNumber: successor.documentNumber ?? null,
              date: successor.date ?? null,
              dateKind: successor.dateKind ?? null,
              inForce: successor.inForce ?? null,
              issuers: (successor.issuers ?? []).map((id) => ({ id, name: find(ministries, id, 'ministry').name, url: url(ministryPath(id)) })),
            }
          : null,
      },
      period: policy.period && 'text' in policy.period
        ? { text: policy.period.text, source: policy.period.source, basis: policy.period.basis }
        : { text: null, source: null, basis: policy.period?.basis ?? null },
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
      abbreviations: [...ministry.abbreviations],
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
