import { z } from 'astro/zod';
import { startsLikeFormula } from '../lib/open-data/csv';
import { documentNumberProblem } from './document-number';

/** A problem a cross-field rule found: the path of the field and what is wrong. */
export interface FieldIssue {
  path: PropertyKey[];
  message: string;
}

/** A permanent URL id: ASCII, lower-case kebab case (it appears in public URLs and anchors). */
export const slug = z
  .string({ error: 'expected an id in lower-case kebab case, e.g. "energy-carbon"' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected an id in lower-case ASCII kebab case, e.g. "energy-carbon"');

/** Text that must say something. */
export const text = z.string({ error: 'expected text' }).trim().min(1, 'must not be empty');

/** The most characters a clause, narrative passage or overview paragraph may have; the longest real one has 377. */
export const MAX_PASSAGE_LENGTH = 5_000;

/** A clause, narrative passage or paragraph: text of at most MAX_PASSAGE_LENGTH characters, so that a run-away block shows. */
export const passage = text.refine((value) => [...value].length <= MAX_PASSAGE_LENGTH, {
  error: (issue) =>
    `is ${[...String(issue.input)].length.toLocaleString('en')} characters long; the limit is ${MAX_PASSAGE_LENGTH.toLocaleString('en')} characters per clause or passage: split it into several blocks`,
});

/**
 * A title, heading or name: text that does not begin like a spreadsheet formula (=, +, -, @),
 * which a spreadsheet would run when it opens the CSV files of the open data.
 */
export const label = text.refine((value) => !startsLikeFormula(value), {
  error: (issue) => `starts with "${String(issue.input)[0]}", which a spreadsheet would run as a formula; a title or name starts with its first word`,
});

/** A calendar date written `YYYY-MM-DD` (quoted in YAML so it stays a string). */
export const isoDate = z
  .string({ error: 'expected a quoted date "YYYY-MM-DD", e.g. "2023-08-25"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date "YYYY-MM-DD", e.g. "2023-08-25"')
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isRealDate(value), 'is not a real calendar date');

/** A month written `YYYY-MM`. */
export const yearMonth = z
  .string({ error: 'expected a quoted month "YYYY-MM", e.g. "2023-08"' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM", e.g. "2023-08" for the report\'s "2023.8"');

/** A 发文字号 with standard 〔〕 brackets, or an order number such as 国家发展改革委令第7号 (see document-number.ts). */
export const documentNumber = z.string({ error: 'expected a 发文字号 such as "工信部联原〔2023〕130号"' }).superRefine((value, ctx) => {
  const message = documentNumberProblem(value);
  if (message) ctx.addIssue({ code: 'custom', message });
});

/** A link to an official government domain (gov.cn and its subdomains); reprint sites are never linked. */
export const officialUrl = z
  .string({ error: 'expected an https URL on an official domain' })
  .refine((value) => isOfficialUrl(value), 'expected an http(s) URL on an official government domain (gov.cn or *.gov.cn); reprint sites are not linked');

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isOfficialUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'https:' || protocol === 'http:') && (hostname === 'gov.cn' || hostname.endsWith('.gov.cn'));
  } catch {
    return false;
  }
}
