import type { Clause, Policy } from '../schemas/policy';
import { timelineYear } from './timeline';

/** The fields the views read; PolicyDoc satisfies it. */
type Doc = Policy & { id: string };

/** Documents grouped by timeline year, in the order given (each group keeps that order). */
export function groupByYear<T extends Doc>(policies: T[]): { year: string; policies: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const policy of policies) {
    const year = timelineYear(policy);
    groups.set(year, [...(groups.get(year) ?? []), policy]);
  }
  return [...groups].map(([year, members]) => ({ year, policies: members }));
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

/** The documents that share topics with this one, most shared topics first (ties: closest in time). */
export function relatedPolicies<T extends Doc>(policy: T, policies: T[], limit = 4): { policy: T; sharedTopics: string[] }[] {
  const position = policies.indexOf(policy);
  return policies
    .filter((other) => other.id !== policy.id)
    .map((other) => ({ policy: other, sharedTopics: other.topics.filter((topic) => policy.topics.includes(topic)) }))
    .filter((related) => related.sharedTopics.length > 0)
    .sort(
      (a, b) =>
        b.sharedTopics.length - a.sharedTopics.length ||
        Math.abs(policies.indexOf(a.policy) - position) - Math.abs(policies.indexOf(b.policy) - position),
    )
    .slice(0, limit);
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
