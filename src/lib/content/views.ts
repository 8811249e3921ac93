import type { Clause, Policy } from '../../schemas/policy';
import { timelineYear } from './timeline';

/** The fields the views read; PolicyDoc satisfies it. */
type Doc = Policy & { id: string };

/** Documents grouped by timeline year, in the order given (each group keeps that order). */
export function groupByYear<T extends Doc>(policies: T[]): { year: string; policies: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const policy of policies) {
    const year = timelineYear(policy);
    const group = groups.get(year);
    if (group) group.push(policy);
    else groups.set(year, [policy]);
  }
  return [...groups].map(([year, members]) => ({ year, policies: members }));
}

/**
 * The home, ministry and topic pages show at most this many documents in full, so that they stay light
 * as the collection grows; the rest are a filtered search away (and on the year pages).
 */
export const LISTED_IN_FULL = 50;

/** The newest `LISTED_IN_FULL` of documents given oldest first (kept in that order), and how many are left out. */
export function newestListed<T>(oldestFirst: T[]): { listed: T[]; omitted: number } {
  const listed = oldestFirst.slice(-LISTED_IN_FULL);
  return { listed, omitted: oldestFirst.length - listed.length };
}

/** The years that have documents, oldest first. */
export function yearsOf(policies: Doc[]): string[] {
  return [...new Set(policies.map(timelineYear))].sort();
}

/** The documents a body led (first issuer) and those it co-issued. */
export function ministryRoles<T extends Doc>(policies: T[], ministryId: string): { led: T[]; coIssued: T[] } {
  return {
    led: policies.filter((policy) => policy.issuers[0] === ministryId),
    coIssued: policies.filter((policy) => policy.issuers.indexOf(ministryId) > 0),
  };
}

/**
 * The successors outside this site that a body issued, each with the document of this site it
 * replaced: what a body's page lists when the site holds none of its own documents.
 */
export function successorsIssuedBy<T extends Doc>(policies: T[], ministryId: string): { predecessor: T; successor: NonNullable<Doc['status']['successor']> }[] {
  return policies.flatMap((policy) => {
    const successor = policy.status.successor;
    return successor && !successor.policy && successor.issuers?.includes(ministryId) ? [{ predecessor: policy, successor }] : [];
  });
}

/** The bodies that issued documents together with this one, with how many, most first. */
export function coIssuers(policies: Doc[], ministryId: string): { id: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const policy of policies) {
    if (!policy.issuers.includes(ministryId)) continue;
    for (const other of policy.issuers) {
      if (other !== ministryId) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}

/** The clauses on a topic, grouped by document, in the documents' order. */
export function clausesOnTopic<T extends Doc>(policies: T[], topicId: string): { policy: T; clauses: Clause[] }[] {
  return policies
    .map((policy) => ({ policy, clauses: policy.clauses.filter((clause) => clause.topics.includes(topicId)) }))
    .filter((group) => group.clauses.length > 0);
}

/** How many clauses groups such as those of `clausesOnTopic` hold in all. */
export function clauseCount(groups: { clauses: Clause[] }[]): number {
  return groups.reduce((sum, group) => sum + group.clauses.length, 0);
}

/** How far either side in time related documents are looked for, so that a large collection stays linear. */
const RELATED_WINDOW = 60;

/**
 * The documents that share topics with the one at `position` in `policies` (oldest first): most shared
 * topics first, then closest in time; looked for within RELATED_WINDOW documents either side, so
 * that a large collection stays linear.
 */
export function relatedPolicies<T extends Doc>(policies: T[], position: number, limit = 4): { policy: T; sharedTopics: string[] }[] {
  const policy = policies[position];
  const start = Math.max(0, position - RELATED_WINDOW);
  return policies
    .slice(start, position + RELATED_WINDOW + 1)
    .map((other, offset) => ({ policy: other, distance: Math.abs(start + offset - position), sharedTopics: other.topics.filter((topic) => policy.topics.includes(topic)) }))
    .filter((related) => related.policy !== policy && related.sharedTopics.length > 0)
    .sort((a, b) => b.sharedTopics.length - a.sharedTopics.length || a.distance - b.distance)
    .slice(0, limit)
    .map(({ policy: other, sharedTopics }) => ({ policy: other, sharedTopics }));
}

/** The years before and after a year, among those that have documents. */
export function neighbouringYears(years: string[], year: string): { previous?: string; next?: string } {
  const index = years.indexOf(year);
  return { previous: years[index - 1], next: years[index + 1] };
}

/** The name to show where space is short: the first short name, else the full name. */
export function shortName(ministry: { name: string; shortNames: string[] }): string {
  return ministry.shortNames[0] ?? ministry.name;
}

/** The English name with the body's usual abbreviations, e.g. "Ministry of Finance (MOF)". */
export function englishName(ministry: { nameEn: string; abbreviations: readonly string[] }): string {
  return ministry.abbreviations.length > 0 ? `${ministry.nameEn} (${ministry.abbreviations.join(', ')})` : ministry.nameEn;
}

/** The caption of the report's Table 1 on /overview/, as the report prints it. */
export const TABLE_1_CAPTION = '表1　我国镁产业相关政策';
