/**
 * The JSON Schema (draft 2020-12) of policies.json, ministries.json and topics.json, served as
 * /data/schema.json. Every description is English, a line break, then Chinese; DATA.md's field
 * tables are generated from these descriptions (`npm run data:docs`). The enums come from the
 * content schemas, so a new status or kind of body reaches the data schema by itself.
 */
import { ministryKinds } from '../../schemas/ministry';
import { NOT_FOUND, periodSources, statusLabels, successorDateKinds } from '../../schemas/policy';
import { DATA_VERSION } from './records';
import { SITE_NAME } from '../site/identity';

/** A JSON Schema, loosely typed. */
export type JsonSchema = { [keyword: string]: unknown };

/** Adds a bilingual description to a schema. */
function d(en: string, zh: string, schema: JsonSchema): JsonSchema {
  return { description: `${en}\n${zh}`, ...schema };
}

/** The same schema, also allowing null (the data writes null for a value the content does not have). */
function orNull(schema: JsonSchema): JsonSchema {
  return typeof schema.type === 'string' ? { ...schema, type: [schema.type, 'null'] } : { anyOf: [schema, { type: 'null' }] };
}

function object(properties: Record<string, JsonSchema>): JsonSchema {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false };
}

function array(items: JsonSchema): JsonSchema {
  return { type: 'array', items };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

export interface DataSchemaOptions {
  /**
   * Whether the build knows its origin: site URLs are then absolute (format "uri"), else site paths.
   * Left out (for DATA.md), URL fields are described without saying which.
   */
  absolute?: boolean;
  /** The schema's own URL, as its `$id`, when absolute. */
  id?: string;
}

/** The schema, for one build. */
export function dataSchema({ absolute, id }: DataSchemaOptions): JsonSchema {
  // Left out for DATA.md, whose conventions say when URLs are absolute.
  const urlNote =
    absolute === undefined
      ? { en: '', zh: '' }
      : absolute
        ? { en: ' Absolute URL.', zh: '（绝对网址）' }
        : { en: ' A site path: this build did not know its origin (SITE).', zh: '（站内路径：构建时未设置 SITE）' };
  const urlFormat = absolute ? 'uri' : 'uri-reference';
  const pageUrl = (en: string, zh: string) => d(`${en}${urlNote.en}`, `${zh.replace(/。$/, '')}${urlNote.zh}。`, { type: 'string', format: urlFormat });

  const header: Record<string, JsonSchema> = {
    version: d('Version of the structure of the data files (major.minor): minor grows when fields are added, major when any changes.', '数据文件结构的版本号（主版本.次版本）：新增字段时次版本加一，其他变化时主版本加一。', {
      type: 'string',
      pattern: '^\\d+\\.\\d+$',
    }),
    generated: d('Date and time of the build that wrote the file (UTC).', '生成本文件的构建时间（UTC）。', { type: 'string', format: 'date-time' }),
    site: pageUrl("The site's home page.", '本站首页。'),
    schema: pageUrl('This JSON Schema.', '本 JSON Schema 的地址。'),
    license: d('Terms of use of the data.', '数据的使用许可。', {
      ...object({
        spdx: d('SPDX identifier of the licence.', '许可协议的 SPDX 标识。', { type: 'string' }),
        name: d('Name of the licence.', '许可协议名称。', { type: 'string' }),
        url: d('Text of the licence.', '许可协议文本的链接。', { type: 'string', format: 'uri' }),
        attribution: d('How to credit the source.', '署名方式。', { type: 'string' }),
        scope: d('What the licence covers and what it does not.', '许可的适用范围。', ref('bilingual')),
      }),
    }),
    source: d('Where the content comes from.', '内容来源。', {
      ...object({
        en: d('In English.', '英文说明。', { type: 'string' }),
        zh: d('In Chinese.', '中文说明。', { type: 'string' }),
        url: pageUrl('The about page: sources, method, corrections.', '“关于本站”页面：来源、核对方法与更正。'),
      }),
    }),
  };

  const ministryRef = object({
    id: d('Id of the issuing body (see ministries.json).', '发文机关编号（见 ministries.json）。', ref('id')),
    name: d('Full official name.', '正式全称。', { type: 'string' }),
  });
  const topicRef = object({
    id: d('Id of the topic (see topics.json).', '主题编号（见 topics.json）。', ref('id')),
    name: d('Name of the topic.', '主题名称。', { type: 'string' }),
  });

  const policy = object({
    id: d('Permanent id of the document, used in its URL.', '文件的永久编号，用于其网址。', ref('id')),
    url: pageUrl("The document's page.", '本站文件页。'),
    title: d('Short title as the report names it, without 《》.', '报告所用的简称（不含书名号）。', { type: 'string' }),
    officialTitle: d('Official title from the record.', '正式标题（依据公开记录）。', { type: 'string' }),
    reportTitle: d('The 文件名称 cell of Table 1, verbatim; null for a document outside Table 1.', '报告表1“文件名称”原文；表1以外的文件为 null。', orNull({ type: 'string' })),
    documentNumber: d('发文字号 (standard 〔〕 brackets) or order number; null when there is none.', '发文字号（标准〔〕括号）或令号；无则为 null。', orNull({ type: 'string' })),
    timelineMonth: d(
      "Month the site places the document at: the report's date, else the month signed, else the month published.",
      '本站时间线所用的月份：报告所载时间，否则为成文月份，再否则为发布月份。',
      ref('yearMonth'),
    ),
    reportDate: d("The report's date (Table 1 时间).", '报告表1所载时间。', orNull(ref('yearMonth'))),
    signed: d('成文日期, only where confirmed.', '成文日期，仅在已核实时给出。', orNull(ref('date'))),
    published: d('发布日期, only where confirmed.', '发布日期，仅在已核实时给出。', orNull(ref('date'))),
    inForce: d('施行日期, only where confirmed.', '施行日期，仅在已核实时给出。', orNull(ref('date'))),
    issuers: d('Issuing bodies in official order.', '发文机关，按正式排序。', { ...array(ministryRef), minItems: 1 }),
    reportIssuers: d("The report's 主要发文部门 text, verbatim.", '报告表1“主要发文部门”原文。', orNull({ type: 'string' })),
    issuersComplete: d('Whether issuers is the full official list.', '发文机关是否为完整的正式名单。', { type: 'boolean' }),
    topics: d('Topics of the document (every clause topic included).', '文件的主题（包含全部条款的主题）。', { ...array(topicRef), minItems: 1 }),
    tableRow: d('Table 1 序号; null for a document the report cites only in its narrative.', '报告表1序号；仅在正文中引用的文件为 null。', orNull({ type: 'integer', minimum: 1 })),
    status: d('Status as of a month, with its basis.', '现行状态、核对月份及依据。', {
      ...object({
        state: d('Status code.', '状态代码。', { type: 'string', enum: Object.keys(statusLabels) }),
        label: d('The status as readers see it.', '状态的中文说明。', { type: 'string', enum: Object.values(statusLabels) }),
        asOf: d('Month the status was last checked.', '状态的核对月份。', ref('yearMonth')),
        since: d('Day or month the status took effect (e.g. the successor in force, the period over); null when not given.', '该状态的起始日期或月份（如继任文件施行、实施期结束）；未给出则为 null。', orNull({ anyOf: [ref('date'), ref('yearMonth')] })),
        basis: d('The fact the status rests on, with the level of its source.', '状态的依据及资料层级。', { type: 'string' }),
        successor: d('The document that replaced this one (present when state is "replaced").', '替代本文件的新文件（状态为 replaced 时给出）。', {
          type: ['object', 'null'],
          properties: {
            policy: d('Id of the successor when it is on this site.', '新文件在本站的编号（如收录）。', orNull(ref('id'))),
            url: d("The successor's page when it is on this site.", '新文件在本站的链接（如收录）。', orNull({ type: 'string', format: urlFormat })),
            title: d('Title of the successor.', '新文件标题。', orNull({ type: 'string' })),
            documentNumber: d("The successor's 发文字号, or \"{NOT_FOUND}\" where no public record shows it.", `新文件的发文字号，未见记录时为“${NOT_FOUND}”。`, orNull({ type: 'string' })),
            date: d("The successor's date, a day or a month, or \"{NOT_FOUND}\".", `新文件的日期（日或月），未见记录时为“${NOT_FOUND}”。`, orNull({ anyOf: [ref('date'), ref('yearMonth'), { const: NOT_FOUND }] })),
            dateKind: d('What date is: signed (成文日期), issued (印发日期) or published (公布日期).', '日期的类别：成文日期（signed）、印发日期（issued）或公布日期（published）。', { type: ['string', 'null'], enum: [...Object.keys(successorDateKinds), null] }),
            inForce: d("The successor's 施行日期, where known.", '新文件的施行日期（如已知）。', orNull(ref('date'))),
            issuers: d("The successor's issuing bodies in official order (empty for a successor on this site: see its own record).", '新文件的发文机关，按正式排序（本站收录的新文件为空，见其自身记录）。', array(object({
              id: d('Id of the body.', '机关编号。', ref('id')),
              name: d('Full name.', '全称。', { type: 'string' }),
              url: pageUrl("The body's page.", '本站机关页。'),
            }))),
          },
          required: ['policy', 'url', 'title', 'documentNumber', 'date', 'dateKind', 'inForce', 'issuers'],
          additionalProperties: false,
        }),
      }),
    }),
    period: d("The document's own period (实施期限/规划期).", '文件自身的实施期限或规划期。', object({
      text: d(`The period, e.g. 2023—2024年; null where none is known (the site shows ${NOT_FOUND}).`, `实施期限，如“2023—2024年”；未知则为 null（本站显示“${NOT_FOUND}”）。`, orNull({ type: 'string' })),
      source: d("report: the report's reading; record: the checked public record; null when unknown.", 'report：据报告；record：据公开资料核对；未知则为 null。', { type: ['string', 'null'], enum: [...Object.keys(periodSources), null] }),
      basis: d('What the period rests on, or why it is unknown.', '实施期限的依据，或未知的原因。', orNull({ type: 'string' })),
    })),
    sourceUrl: d('原文链接 on an official government domain (gov.cn); null when not known.', '官方网站（gov.cn）原文链接；未知则为 null。', orNull({ type: 'string', format: 'uri' })),
    notes: d('Editorial notes where the report and the record differ.', '编者注：报告与公开记录不一致之处。', array(
      object({
        field: d('The field the note is about, e.g. reportDate.', '编者注所涉字段，如 reportDate。', { type: 'string' }),
        report: d('What the report says.', '报告所载。', { type: 'string' }),
        record: d('What the record says.', '公开记录所载。', { type: 'string' }),
        basis: d('On what basis the record is known.', '依据。', { type: 'string' }),
      }),
    )),
    clauses: d("Table 1 相关内容, one clause per line, in order (empty for a document outside Table 1).", '报告表1“相关内容”，每条一项，按原顺序（表1以外的文件为空）。', array(
      object({
        id: d('Permanent anchor of the clause in its document.', '条款在文件页中的永久锚点。', ref('id')),
        heading: d('Lead phrase of the clause.', '条款标题（首句要点）。', { type: 'string' }),
        text: d("The clause, word for word as the report's Table 1 prints it.", '条款全文，与报告表1逐字一致。', { type: 'string' }),
        topics: d('Topic ids of the clause.', '条款的主题编号。', { ...array(ref('id')), minItems: 1 }),
        url: pageUrl('Permanent link to the clause (#anchor on the document page).', '条款的永久链接（文件页锚点）。'),
      }),
    )),
    narrative: d("The report's narrative passages about the document, word for word.", '报告正文中关于本文件的论述，逐字收录。', {
      ...array(
        object({
          id: d('Permanent anchor of the passage.', '论述段落的永久锚点。', ref('id')),
          text: d('The passage, word for word.', '论述全文。', { type: 'string' }),
          url: pageUrl('Permanent link to the passage.', '论述的永久链接。'),
        }),
      ),
      minItems: 1,
    }),
  });

  const ministry = object({
    id: d('Permanent id of the body, used in its URL.', '发文机关的永久编号，用于其网址。', ref('id')),
    url: pageUrl("The body's page.", '本站发文机关页。'),
    name: d('Full official name.', '正式全称。', { type: 'string' }),
    shortNames: d('Short forms the documents themselves use.', '文件中使用的简称。', array({ type: 'string' })),
    aliases: d('Other forms readers use.', '其他常见叫法。', array({ type: 'string' })),
    nameEn: d('English name.', '英文名称。', { type: 'string' }),
    abbreviations: d('Usual English abbreviations, e.g. MIIT.', '常用英文缩写，如 MIIT。', array({ type: 'string' })),
    kind: d('Kind of body.', '机构类别代码。', { type: 'string', enum: Object.keys(ministryKinds) }),
    kindLabel: d('Kind of body, in Chinese.', '机构类别。', { type: 'string', enum: Object.values(ministryKinds) }),
    led: d('Ids of the documents it issued as first issuer, oldest first.', '以首位发文机关（牵头）发布的文件编号，由旧到新。', array(ref('id'))),
    coIssued: d('Ids of the documents it co-issued (not first), oldest first.', '联合发布（非首位）的文件编号，由旧到新。', array(ref('id'))),
  });

  const topic = object({
    id: d('Permanent id of the topic, used in its URL.', '主题的永久编号，用于其网址。', ref('id')),
    url: pageUrl("The topic's page.", '本站主题页。'),
    name: d('Name of the topic.', '主题名称。', { type: 'string' }),
    description: d('What the topic covers.', '主题范围说明。', { type: 'string' }),
    policies: d('Ids of the documents on the topic, oldest first.', '涉及本主题的文件编号，由旧到新。', array(ref('id'))),
    clauses: d('The clauses on the topic, in document order.', '涉及本主题的条款，按文件顺序。', array(
      object({
        policy: d('Id of the document.', '文件编号。', ref('id')),
        clause: d('Id of the clause in that document.', '条款编号。', ref('id')),
        url: pageUrl('Permanent link to the clause.', '条款的永久链接。'),
      }),
    )),
  });

  const file = (key: string, items: string, en: string, zh: string) =>
    d(`${key}.json: ${en}`, `${key}.json：${zh}`, object({ ...header, [key]: d(en, zh, array(ref(items))) }));

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...(absolute && id ? { $id: id } : {}),
    title: `${SITE_NAME} open data, version ${DATA_VERSION}`,
    description:
      'Schema of policies.json, ministries.json and topics.json; each file matches one of $defs/policiesFile, $defs/ministriesFile, $defs/topicsFile.\n' +
      'policies.json、ministries.json 与 topics.json 的结构说明；每个文件分别对应 $defs 中的 policiesFile、ministriesFile、topicsFile。',
    oneOf: [ref('policiesFile'), ref('ministriesFile'), ref('topicsFile')],
    $defs: {
      policiesFile: file('policies', 'policy', 'every document, oldest first.', '全部政策文件，由旧到新。'),
      ministriesFile: file('ministries', 'ministry', 'every issuing body, ordered by id.', '全部发文机关，按编号排序。'),
      topicsFile: file('topics', 'topic', 'every topic, ordered by id.', '全部主题，按编号排序。'),
      policy: d('A policy document.', '一份政策文件。', policy),
      ministry: d('An issuing body.', '一个发文机关。', ministry),
      topic: d('A topic.', '一个主题。', topic),
      id: d('A permanent id: ASCII lower-case kebab case.', '永久编号：小写 ASCII 字母、数字与连字符。', { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
      yearMonth: d('A month, YYYY-MM.', '年月，格式 YYYY-MM。', { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
      date: d('A calendar date, YYYY-MM-DD.', '日期，格式 YYYY-MM-DD。', { type: 'string', format: 'date' }),
      bilingual: d('Text in English and Chinese.', '中英文说明。', object({ en: { type: 'string' }, zh: { type: 'string' } })),
    },
  };
}
