import { describe, expect, it } from 'vitest';
import { documentFilters, searchFacets } from '../../src/lib/search/facets';
import { loadCorpus } from '../../src/loaders/load-corpus';

const corpus = loadCorpus(process.cwd());
const registries = { ministries: new Map(corpus.ministries.map((ministry) => [ministry.id, ministry])), topics: new Map(corpus.topics.map((topic) => [topic.id, topic])) };
const policies = corpus.policies.map((policy) => policy.data);

describe('search facets: the index and the page agree', () => {
  const facets = searchFacets(policies, registries);

  it('offers year (newest first), issuing body, topic and status', () => {
    expect(facets.map((facet) => facet.key)).toEqual(['year', 'ministry', 'topic', 'status']);
    const years = facets[0].values.map((value) => value.value);
    expect(years).toEqual([...years].sort().reverse());
    expect(facets[1].values.find((value) => value.value === 'ndrc')).toEqual({ value: 'ndrc', indexValue: '国家发展和改革委员会', label: '国家发展改革委' });
  });

  it('files every document under values the page offers, and every offered body or year holds a document', () => {
    const offered = new Set(facets.flatMap((facet) => facet.values.map((value) => `${facet.key}:${value.indexValue}`)));
    const filed = new Set(policies.flatMap((policy) => documentFilters(policy, registries).map(([key, value]) => `${key}:${value}`)));
    expect([...filed].filter((value) => !offered.has(value))).toEqual([]);
    for (const facet of facets.filter((facet) => facet.key === 'year' || facet.key === 'ministry')) {
      for (const value of facet.values) expect(filed.has(`${facet.key}:${value.indexValue}`), `${facet.key} ${value.value}`).toBe(true);
    }
  });
});
