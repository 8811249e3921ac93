/**
 * Dates that make sense: every year from 1949 to the build's, the signed date first, a status
 * checked no later than the build, and the report's month near the dates on record.
 */
import type { FieldIssue } from './common';
import { documentNumberYear } from './document-number';

/** The first year a date may have: the founding of the People's Republic. */
export const FIRST_YEAR = 1949;

/** How far, in months, the report's month may lie from the signed or published date. */
export const REPORT_DATE_TOLERANCE = 12;

/** The dated fields of a policy. */
interface Dated {
  documentNumber?: string;
  reportDate?: string;
  signed?: string;
  published?: string;
  inForce?: string;
  status: { asOf: string; since?: string; successor?: { documentNumber?: string; date?: string; inForce?: string } };
}

/**
 * Every date rule on one policy. `today` ("YYYY-MM-DD") is the build's day; without it, the rules
 * that need it (the latest year, the status month) are left out.
 */
export function dateIssues(policy: Dated, today?: string): FieldIssue[] {
  return [...yearIssues(policy, today), ...orderIssues(policy), ...asOfIssues(policy, today), ...reportDateIssues(policy)];
}

/** Each date and 发文字号 year lies from 1949 to the build's year (a policy may come into force the year after). */
function yearIssues(policy: Dated, today: string | undefined): FieldIssue[] {
  const buildYear = today ? yearOf(today) : undefined;
  const dates = [
    { path: ['reportDate'], value: policy.reportDate },
    { path: ['signed'], value: policy.signed },
    { path: ['published'], value: policy.published },
    { path: ['inForce'], value: policy.inForce, nextYear: true },
    { path: ['status', 'since'], value: policy.status.since },
    { path: ['status', 'successor', 'date'], value: policy.status.successor?.date },
    { path: ['status', 'successor', 'inForce'], value: policy.status.successor?.inForce, nextYear: true },
  ];
  const numbers = [
    { path: ['documentNumber'], value: policy.documentNumber },
    { path: ['status', 'successor', 'documentNumber'], value: policy.status.successor?.documentNumber },
  ];
  const issues: FieldIssue[] = [];
  for (const { path, value, nextYear } of dates) {
    const year = value === undefined ? undefined : yearOf(value);
    const latest = buildYear === undefined ? undefined : nextYear ? { year: buildYear + 1, what: 'the year after this build' } : { year: buildYear, what: 'the year of this build' };
    const message = year === undefined ? undefined : yearProblem(year, latest);
    if (message) issues.push({ path, message: `"${value}" ${message}` });
  }
  for (const { path, value } of numbers) {
    const year = value === undefined ? undefined : documentNumberYear(value);
    const message = year === undefined ? undefined : yearProblem(year, buildYear === undefined ? undefined : { year: buildYear, what: 'the year of this build' });
    if (message) issues.push({ path, message: `the year ${String(year).padStart(4, '0')} of the 发文字号 ${message}` });
  }
  return issues;
}

function yearProblem(year: number, latest: { year: number; what: string } | undefined): string | undefined {
  const range = `expected a year from ${FIRST_YEAR} to ${latest?.year ?? 'this year'}`;
  if (year < FIRST_YEAR) return `is before ${FIRST_YEAR}; ${range}`;
  if (latest && year > latest.year) return `is after ${latest.year}, ${latest.what}; ${range}`;
  return undefined;
}

/** A policy is signed first: published and in force on that day or later. */
function orderIssues(policy: Dated): FieldIssue[] {
  const { signed, published, inForce } = policy;
  const issues: FieldIssue[] = [];
  if (signed && published && isDay(signed) && isDay(published) && published < signed) {
    issues.push({ path: ['published'], message: `"${published}" is before the signed date "${signed}"; a policy is published on or after the day it is signed` });
  }
  if (signed && inForce && isDay(signed) && isDay(inForce) && inForce < signed) {
    issues.push({ path: ['inForce'], message: `"${inForce}" is before the signed date "${signed}"; a policy comes into force on or after the day it is signed` });
  }
  return issues;
}

/** The status was checked no later than the month of the build. */
function asOfIssues(policy: Dated, today: string | undefined): FieldIssue[] {
  const { asOf } = policy.status;
  if (!today || !/^\d{4}-\d{2}$/.test(asOf) || asOf <= today.slice(0, 7)) return [];
  return [{ path: ['status', 'asOf'], message: `"${asOf}" is after ${today.slice(0, 7)}, the month of this build; asOf is the month the status was last checked` }];
}

/** The report's month lies within a year of the signed or published date, when either is known. */
function reportDateIssues(policy: Dated): FieldIssue[] {
  const { reportDate } = policy;
  if (!reportDate || !/^\d{4}-\d{2}$/.test(reportDate)) return [];
  const onRecord = [
    { label: 'signed', value: policy.signed },
    { label: 'published', value: policy.published },
  ].filter((date): date is { label: string; value: string } => date.value !== undefined && isDay(date.value));
  if (onRecord.length === 0) return [];
  const nearest = onRecord
    .map((date) => ({ ...date, months: Math.abs(monthIndex(reportDate) - monthIndex(date.value)) }))
    .reduce((best, date) => (date.months < best.months ? date : best));
  if (nearest.months <= REPORT_DATE_TOLERANCE) return [];
  return [
    {
      path: ['reportDate'],
      message: `"${reportDate}" is ${nearest.months} months from the ${nearest.label} date "${nearest.value}"; expected the report's month within ${REPORT_DATE_TOLERANCE} months of the signed or published date`,
    },
  ];
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function yearOf(value: string): number | undefined {
  const year = /^(\d{4})-\d{2}/.exec(value)?.[1];
  return year === undefined ? undefined : Number(year);
}

/** Months since year 0 of a "YYYY-MM" or "YYYY-MM-DD" value. */
function monthIndex(value: string): number {
  return Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
}
