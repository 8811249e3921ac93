/**
 * The search page's facets (year, issuing body, topic, status), defined once: the index files each
 * document under its values (Pagefind filters, index-documents.ts) and the search page offers the
 * same values as buttons (search.astro), so the two always agree.
 */
import type { Ministry } from '../../schemas/ministry';
import { statusLabels, type Policy } from '../../schemas/policy';
import type { Topic } from '../../schemas/topic';
import { timelineYear } from '../content/timeline';

export type FacetKey = 'year' | 'ministry' | 'topic' | 'status';

/** A facet as the search page offers it: its URL parameter, label, and values (URL value, value in the index, label). */
export interface Facet {
  key: FacetKey;
  label: string;
  values: { value: string; indexValue: string; label: string }[];
}

/** What a document is filed under: the fields the facets read. */
type Faceted = Pick<Policy, 'reportDate' | 'signed' | 'published' | 'tableRow' | 'issuers' | 'topics' | 'status'>;

/** The registries that name the values. */
interface Registries {
  ministries: ReadonlyMap<string, Ministry>;
  topics: ReadonlyMap<string, Topic>;
}

/** For each facet: its label, the values a document has (by id), and how a value is written in the index and on its button. */
const definitions: Record<FacetKey, { label: string; of: (policy: Faceted) => string[]; name: (value: string, registries: Registries) => { indexValue: string; label: string } }> = {
  year: { label: '年份', of: (policy) => [timelineYear(policy)], name: (year) => ({ indexValue: year, label: `${year}年` }) },
  ministry: {
    label: '发文机关',
    of: (policy) => policy.issuers,
    name: (id, { ministries }) => {
      const ministry = ministries.get(id)!;
      return { indexValue: ministry.name, label: ministry.shortNames[0] ?? ministry.name };
    },
  },
  topic: { label: '主题', of: (policy) => policy.topics, name: (id, { topics }) => ({ indexValue: topics.get(id)!.name, label: topics.get(id)!.name }) },
  status: { label: '状态', of: (policy) => [policy.status.state], name: (state) => ({ indexValue: statusLabels[state as keyof typeof statusLabels], label: statusLabels[state as keyof typeof statusLabels] }) },
};

/** A document's Pagefind filters, as [facet, value in the index] pairs. */
export function documentFilters(policy: Faceted, registries: Registries): [FacetKey, string][] {
  return (Object.keys(definitions) as FacetKey[]).flatMap((key) => definitions[key].of(policy).map((value): [FacetKey, string] => [key, definitions[key].name(value, registries).indexValue]));
}

/**
 * The facets the search page offers: years newest first, the issuing bodies that issued a document
 * (registry order), every topic (registry order), every status.
 */
export function searchFacets(policies: readonly Faceted[], registries: Registries): Facet[] {
  const years = [...new Set(policies.map(timelineYear))].sort().reverse();
  const usedMinistries = [...registries.ministries.keys()].filter((id) => policies.some((policy) => policy.issuers.includes(id)));
  const offered: Record<FacetKey, string[]> = { year: years, ministry: usedMinistries, topic: [...registries.topics.keys()], status: Object.keys(statusLabels) };
  return (Object.keys(definitions) as FacetKey[]).map((key) => ({
    key,
    label: definitions[key].label,
    values: offered[key].map((value) => ({ value, ...definitions[key].name(value, registries) })),
  }));
}
