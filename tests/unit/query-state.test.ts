import { describe, expect, it } from 'vitest';
import type { Facet } from '../../src/lib/search/facets';
import { isFiltered, pagefindOptions, readSearchState, searchStateQuery } from '../../src/lib/search/query-state';

const facets: Facet[] = [
  { key: 'year', label: '年份', values: [{ value: '2023', indexValue: '2023', label: '2023年' }] },
  { key: 'ministry', label: '发文机关', values: [{ value: 'ndrc', indexValue: '国家发展和改革委员会', label: '国家发展改革委' }] },
];

describe('search page state and URL', () => {
  it('reads the query, offered filters and sort from the URL', () => {
    expect(readSearchState('?q=%E9%95%81&ministry=ndrc&sort=newest', facets)).toEqual({ query: '镁', filters: { ministry: 'ndrc' }, sort: 'newest' });
  });

  it('drops values no facet offers and sorts it does not know', () => {
    expect(readSearchState('?year=1999&ministry=%3Cimg%3E&sort=random&topic=x', facets)).toEqual({ query: '', filters: {}, sort: 'relevance' });
  });

  it('writes back what it reads, and nothing for the bare page', () => {
    const state = readSearchState('?q=%E7%9B%90%E6%B9%96+%E9%94%82&year=2023&sort=oldest', facets);
    expect(readSearchState(searchStateQuery(state), facets)).toEqual(state);
    expect(searchStateQuery({ query: '', filters: {}, sort: 'relevance' })).toBe('');
  });

  it("gives Pagefind the index's value of a filter, and newest first when browsing", () => {
    const state = readSearchState('?ministry=ndrc', facets);
    expect(isFiltered(state)).toBe(true);
    expect(pagefindOptions(state, facets, true)).toEqual({ filters: { ministry: '国家发展和改革委员会' }, sort: { newest: 'desc' } });
    expect(pagefindOptions({ ...state, query: '镁' }, facets, false)).toEqual({ filters: { ministry: '国家发展和改革委员会' }, sort: undefined });
    expect(pagefindOptions({ ...state, sort: 'oldest' }, facets, false).sort).toEqual({ oldest: 'asc' });
  });
});
