import { z } from 'astro/zod';
import { label, slug } from './common';

/** Kinds of issuing body, coarse enough to be uncontroversial. */
export const ministryKinds = {
  'state-council': '国务院',
  ministry: '国务院组成部门',
  agency: '国务院直属机构及部委管理的国家局',
  academy: '科研机构与科技团体',
} as const;

/** An English abbreviation of a body's name: capital letters, as it is written (MIIT, MOFCOM). */
const abbreviation = z
  .string({ error: 'expected an English abbreviation, e.g. MIIT' })
  .regex(/^[A-Z]{2,10}$/, 'expected an English abbreviation of 2 to 10 capital letters A–Z, e.g. MIIT or MOFCOM');

/** An issuing body in `content/ministries.yaml`. */
export const ministrySchema = z.strictObject({
  /** Permanent id, used in `/ministries/<id>/`. */
  id: slug,
  /** Full official name, e.g. 国家发展和改革委员会. */
  name: label,
  /** Short forms the documents themselves use, e.g. 国家发展改革委, 发改委. */
  shortNames: z.array(label).default([]),
  /** Other forms readers type, e.g. 国家发改委. */
  aliases: z.array(label).default([]),
  /** English name, without an abbreviation (those go in `abbreviations`). */
  nameEn: label.refine((value) => !/\([^)]*\)\s*$/.test(value), {
    error: (issue) => `"${String(issue.input)}" ends with an abbreviation in brackets; give the English name alone and the abbreviation in \`abbreviations\`, e.g. nameEn: Ministry of Finance, abbreviations: [MOF]`,
  }),
  /** The body's usual English abbreviations, e.g. MIIT, NDRC (only established ones: search finds its documents by them). */
  abbreviations: z.array(abbreviation).default([]),
  /** Kind of body. */
  kind: z.enum(Object.keys(ministryKinds) as [keyof typeof ministryKinds], {
    error: `expected one of: ${Object.keys(ministryKinds).join(', ')}`,
  }),
});

export type Ministry = z.infer<typeof ministrySchema>;
