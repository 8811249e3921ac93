import { z } from 'astro/zod';
import { documentNumber, isoDate, label, officialUrl, passage, slug, text, yearMonth, type FieldIssue } from './common';
import { dateIssues } from './date-rules';
import { policyPageIds } from './page-ids';
import { NOT_FOUND, periodSources, statusLabels, successorDateKinds } from './status-labels';

/** Ids the other registries define; a reference to anything else fails validation. */
export interface KnownIds {
  ministries: ReadonlySet<string>;
  topics: ReadonlySet<string>;
}

export { NOT_FOUND, periodSources, statusLabels, successorDateKinds };

/** A reference to a registry entry that must exist (`reference()` alone accepts unknown ids). */
function registryId(known: ReadonlySet<string> | undefined, what: string, file: string) {
  return slug.refine((id) => !known || known.has(id), {
    error: (issue) => `unknown ${what} id "${String(issue.input)}"; expected an id listed in ${file}`,
  });
}

/** A date as a day "YYYY-MM-DD" or, where only the month is known, "YYYY-MM". */
const dayOrMonth = z.union([isoDate, yearMonth], { error: 'expected a quoted date "YYYY-MM-DD" or month "YYYY-MM", e.g. "2025-08-28"' });

/** A value that was looked for: the value, or the literal 未见公开记录 where no record shows it. */
function orNotFound<T extends z.ZodType>(schema: T) {
  return z.union([z.literal(NOT_FOUND), schema], { error: `expected the value, or "${NOT_FOUND}" where no public record shows it` });
}

function successorSchema(ministryId: z.ZodType<string>) {
  return z
    .strictObject({
      /** Id of the successor when it is on this site; alone, its title, 发文字号 and date come from that file. */
      policy: slug.optional(),
      /** Title of the successor, without 《》 (required when it is not on this site). */
      title: label.optional(),
      /** Its 发文字号, or 未见公开记录 (required when it is not on this site). */
      documentNumber: orNotFound(documentNumber).optional(),
      /** Its date, a day or a month, or 未见公开记录 (required when it is not on this site). */
      date: orNotFound(dayOrMonth).optional(),
      /** What `date` is: signed (成文日期), issued (印发日期) or published (公布日期). */
      dateKind: z.enum(Object.keys(successorDateKinds) as [keyof typeof successorDateKinds], { error: `expected one of: ${Object.keys(successorDateKinds).join(', ')}` }).optional(),
      /** 施行日期 of the successor, where known. */
      inForce: isoDate.optional(),
      /** Its issuing bodies in official order, as registry ids (required when it is not on this site). */
      issuers: z.array(ministryId).min(1, 'list at least one issuing body id of the successor').optional(),
    })
    .refine(
      (successor) => successor.policy || successor.title,
      'a successor must name the policy that replaced this one: give its `title`, `documentNumber`, `date` and `issuers`, or `policy`: the id of its policy file on this site',
    )
    .superRefine((successor, ctx) => {
      if (successor.policy || !successor.title) return;
      for (const field of ['documentNumber', 'date', 'issuers'] as const) {
        if (successor[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `required for a successor that is not on this site${field === 'issuers' ? ': its issuing body ids' : `: the value, or "${NOT_FOUND}" where no public record shows it`}`,
          });
        }
      }
    });
}

function statusSchema(ministryId: z.ZodType<string>) {
  return z
    .strictObject({
      /** in-force | replaced | period-ended | unknown. */
      state: z.enum(Object.keys(statusLabels) as [keyof typeof statusLabels], {
        error: `expected one of: ${Object.keys(statusLabels).join(', ')}`,
      }),
      /** The month the status was last checked. */
      asOf: yearMonth,
      /** The fact the status rests on and the level of its source, one sentence. */
      basis: text,
      /** The day or month the status took effect (the successor in force, the period over); required when replaced or period-ended. */
      since: dayOrMonth.optional(),
      /** The document that replaced this one (required when state is `replaced`). */
      successor: successorSchema(ministryId).optional(),
    })
    .refine((status) => status.state !== 'replaced' || status.successor, {
      path: ['successor'],
      message: 'state "replaced" needs a successor naming the policy that replaced it',
    })
    .refine((status) => (status.state !== 'replaced' && status.state !== 'period-ended') || status.since, {
      path: ['since'],
      message: 'a status of "replaced" or "period-ended" needs `since`: the day or month it took effect, e.g. the successor\'s date',
    });
}

/** The document's own period (实施期限/规划期): its text with where it comes from, or why it is unknown. */
const periodSchema = z.union(
  [
    z.strictObject({
      /** The period as readers see it, e.g. 2023—2024年, 至2025年, "十四五"时期（2021—2025年）. */
      text: label,
      /** report: the report's reading; record: the checked public record. */
      source: z.enum(Object.keys(periodSources) as [keyof typeof periodSources]),
      /** What the period rests on, one sentence. */
      basis: text,
    }),
    z.strictObject({
      /** The literal 未见公开记录. */
      unknown: z.literal(NOT_FOUND),
      /** Why no period is known, one sentence. */
      basis: text,
    }),
  ],
  {
    error: `expected a period { text: "2023—2024年", source: report or record, basis: "…" }, or { unknown: "${NOT_FOUND}", basis: "why" } where no period is known`,
  },
);

const noteSchema = z.strictObject({
  /** The field the note is about, e.g. reportDate. */
  field: text,
  /** What the report says. */
  report: text,
  /** What the record says. */
  record: text,
  /** On what basis the record is known. */
  basis: text,
});

/**
 * Builds the schema of a policy document (frontmatter plus body blocks); with `known`, references
 * are checked; with `today` (the build's day, "YYYY-MM-DD"), no date may lie after the build.
 */
export function policySchema(known?: KnownIds, today?: string) {
  const ministryId = registryId(known?.ministries, 'ministry', 'ministries.yaml');
  const topicId = registryId(known?.topics, 'topic', 'topics.yaml');
  const anchor = slug.refine((id) => !policyPageIds.has(id), {
    error: (issue) => `"${String(issue.input)}" is an id the policy page already uses for itself; choose another id`,
  });

  const clause = z.strictObject({
    /** Permanent anchor: `/policies/<policy>/#<id>`. */
    id: anchor,
    /** Lead phrase or number of the clause. */
    heading: label,
    /** Topic ids, at least one. */
    topics: z.array(topicId).min(1, 'every clause needs at least one topic id in its topics="…" attribute'),
    /** The clause, word for word as the report's Table 1 prints it. */
    text: passage,
  });

  const narrative = z.strictObject({
    /** Permanent anchor of the passage. */
    id: anchor,
    /** The report's narrative passage about this document, word for word. */
    text: passage,
  });

  return z
    .strictObject({
      /** Short title as the report names it, without 《》. */
      title: label,
      /** The 文件名称 cell of Table 1, verbatim. */
      reportTitle: label.optional(),
      /** Official title from the record. */
      officialTitle: label,
      /** 发文字号 or order number, standard 〔〕 brackets. */
      documentNumber: documentNumber.optional(),
      /** The report's date (Table 1 时间) as YYYY-MM. */
      reportDate: yearMonth.optional(),
      /** 成文日期, only where confirmed. */
      signed: isoDate.optional(),
      /** 发布日期, only where confirmed. */
      published: isoDate.optional(),
      /** 施行日期, only where confirmed. */
      inForce: isoDate.optional(),
      /** Issuing bodies in official order, as registry ids. */
      issuers: z.array(ministryId).min(1, 'list at least one issuing body id'),
      /** The report's 主要发文部门 text, verbatim. */
      reportIssuers: label.optional(),
      /** Whether `issuers` is the full official list. */
      issuersComplete: z.boolean({ error: 'expected true or false' }),
      /** Topic ids of the document (every clause topic included). */
      topics: z.array(topicId).min(1, 'list at least one topic id'),
      /** Table 1 序号; absent for a document the report cites only in its narrative. */
      tableRow: z.number({ error: 'expected the Table 1 row number' }).int().positive().optional(),
      /** Status as of a date, with its basis. */
      status: statusSchema(ministryId),
      /** The document's own period (实施期限/规划期), or why it is unknown; every real document gives one. */
      period: periodSchema.optional(),
      /** 原文链接 on an official domain. */
      sourceUrl: officialUrl.optional(),
      /** Editorial notes where the report and the record differ. */
      notes: z.array(noteSchema).default([]),
      /** Table 1 相关内容, one clause per line, in order. */
      clauses: z.array(clause),
      /** The report's narrative passages about this document. */
      narrative: z.array(narrative).min(1, 'expected the report\'s narrative passage in a <Narrative> block'),
    })
    .superRefine((policy, ctx) => {
      const issues = [...anchorIssues(policy), ...repeatIssues(policy), ...clauseTopicIssues(policy, known), ...tableIssues(policy), ...dateIssues(policy, today)];
      for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
    });
}

/** Every clause and passage has an anchor of its own. */
function anchorIssues(policy: { clauses: { id: string }[]; narrative: { id: string }[] }): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  const anchors = [
    ...policy.clauses.map((clause, index) => ({ id: clause.id, path: ['clauses', index, 'id'] })),
    ...policy.narrative.map((passage, index) => ({ id: passage.id, path: ['narrative', index, 'id'] })),
  ];
  for (const { id, path } of anchors) {
    if (seen.has(id)) issues.push({ path, message: `duplicate anchor id "${id}" in this policy file; every clause and passage needs its own id` });
    seen.add(id);
  }
  return issues;
}

/** An issuer or topic is listed once (in the frontmatter and in each clause's topics="…"). */
function repeatIssues(policy: { issuers: string[]; topics: string[]; clauses: { topics: string[] }[] }): FieldIssue[] {
  const lists = [
    { path: ['issuers'], values: policy.issuers, what: 'issuing body' },
    { path: ['topics'], values: policy.topics, what: 'topic' },
    ...policy.clauses.map((clause, index) => ({ path: ['clauses', index, 'topics'], values: clause.topics, what: 'topic' })),
  ];
  return lists.flatMap(({ path, values, what }) =>
    values
      .map((value, index) => ({ value, index }))
      .filter(({ value, index }) => values.indexOf(value) < index)
      .map(({ value, index }) => ({ path: [...path, index], message: `"${value}" is listed twice; list each ${what} once` })),
  );
}

/** A clause's topics are among the document's. */
function clauseTopicIssues(policy: { topics: string[]; clauses: { topics: string[] }[] }, known: KnownIds | undefined): FieldIssue[] {
  return policy.clauses.flatMap((clause, index) =>
    clause.topics
      // An unknown topic is reported once, by topicId.
      .filter((topic) => !policy.topics.includes(topic) && (!known || known.topics.has(topic)))
      .map((topic) => ({ path: ['clauses', index, 'topics'], message: `topic "${topic}" is missing from the frontmatter's topics` })),
  );
}

/** A Table 1 document carries what its row says; any other needs a date to sit on the timeline. */
function tableIssues(policy: {
  tableRow?: number;
  reportTitle?: string;
  reportDate?: string;
  reportIssuers?: string;
  signed?: string;
  published?: string;
  clauses: unknown[];
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (policy.tableRow !== undefined) {
    for (const field of ['reportTitle', 'reportDate', 'reportIssuers'] as const) {
      if (!policy[field]) issues.push({ path: [field], message: `required for a policy in Table 1 (tableRow ${policy.tableRow})` });
    }
    if (policy.clauses.length === 0) issues.push({ path: ['clauses'], message: 'a policy in Table 1 needs its 相关内容 as <Clause> blocks' });
  } else if (!policy.signed && !policy.published) {
    issues.push({ path: ['signed'], message: 'a policy outside Table 1 needs a signed or published date to be placed on the timeline' });
  }
  return issues;
}

export type Policy = z.infer<ReturnType<typeof policySchema>>;
export type Clause = Policy['clauses'][number];
export type PolicyStatus = keyof typeof statusLabels;
export type Successor = NonNullable<Policy['status']['successor']>;
export type Period = NonNullable<Policy['period']>;
