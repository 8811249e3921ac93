/** The fields that place a document in time (absent as undefined in content, as null in the open data). */
interface Dated {
  reportDate?: string | null;
  signed?: string | null;
  published?: string | null;
  tableRow?: number | null;
}

/**
 * The month a document sits at on the timeline: the report's Table 1 date, or for a document
 * the report cites only in its narrative, the month it was signed (else published).
 */
export function timelineMonth(policy: Dated): string {
  const month = policy.reportDate ?? (policy.signed ?? policy.published)?.slice(0, 7);
  if (!month) throw new Error('a document needs a report date, a signed date or a published date');
  return month;
}

/**
 * The date that stands for a document where one date is shown (citations, the feed): published,
 * else signed, else its timeline month ("YYYY-MM").
 */
export function documentDate(policy: Dated): string {
  return policy.published ?? policy.signed ?? timelineMonth(policy);
}

/** The year of a document on the timeline, e.g. "2023". */
export function timelineYear(policy: Dated): string {
  return timelineMonth(policy).slice(0, 4);
}

/**
 * Orders documents oldest first: by timeline month, then by the earliest exact date known
 * (which puts the narrative-only document of 2022-07 before row 4, released in October), then by row.
 */
export function compareChronologically(a: Dated, b: Dated): number {
  return (
    timelineMonth(a).localeCompare(timelineMonth(b)) ||
    earliestDate(a).localeCompare(earliestDate(b)) ||
    (a.tableRow ?? 0) - (b.tableRow ?? 0)
  );
}

function earliestDate(policy: Dated): string {
  return [policy.signed, policy.published].filter((date): date is string => Boolean(date)).sort()[0] ?? '9999';
}
