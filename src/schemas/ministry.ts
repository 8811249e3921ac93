import { z } from 'astro/zod';
import { label, slug } from './common';

/** Kinds of issuing body, coarse enough to be uncontroversial. */
export const ministryKinds = {
  'state-council': '国务院',
  ministry: '国务院组成部门',
  agency: '国务院直属机构及部委管理的国家局',
  academy: '科研机构与科技团体',
} as const;

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
  /** English name. */
  nameEn: label,
  /** Kind of body. */
  kind: z.enum(Object.keys(ministryKinds) as [keyof typeof ministryKinds], {
    error: `expected one of: ${Object.keys(ministryKinds).join(', ')}`,
  }),
});

export type Ministry = z.infer<typeof ministrySchema>;
