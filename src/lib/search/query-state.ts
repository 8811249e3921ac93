/**
 * The search page's state and its URL: `/search/?q=…&year=…&ministry=…&topic=…&status=…&sort=…`.
 * Read from the URL (values a facet does not offer are dropped), written back to it, and turned
 * into Pagefind's filter and sort options. Pure: the page passes `location.search` in.
 */
import type { Facet, FacetKey } from './facets';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchState {
  query: string;
  filters: Partial<Record<FacetKey, string>>;
  sort: SortOrder;
}

/** The state a URL's query string describes; filter values that are not offered are ignored. */
export function readSearchState(search: string, facets: readonly Facet[]): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const facet of facets) {
    const value = params.get(facet.key);
    if (value && facet.values.some((option) => option.value === value)) filters[facet.key] = value;
  }
  const sort = params.get('sort');
  return { query: params.get('q') ?? '', filters, sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance' };
}

/** The query string ("?q=…", or "" for the bare page) that restores a state. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const [key, value] of Object.entries(state.filters)) if (value) params.set(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** A filter is set. */
export const isFiltered = (state: SearchState): boolean => Object.values(state.filters).some(Boolean);

/**
 * Pagefind's filter and sort options for a state. Browsing (a filter and no query) lists the newest
 * first when the reader asked for relevance, which means nothing without a query.
 */
export function pagefindOptions(state: SearchState, facets: readonly Facet[], browsing: boolean): { filters: Record<string, string>; sort?: { newest: 'desc' } | { oldest: 'asc' } } {
  const filters: Record<string, string> = {};
  for (const facet of facets) {
    const value = state.filters[facet.key];
    if (value) filters[facet.key] = facet.values.find((option) => option.value === value)!.indexValue;
  }
  const order = state.sort === 'relevance' && browsing ? 'newest' : state.sort;
  // One sort key per order (index-documents.ts), so that the undated overview comes last in both.
  return { filters, sort: order === 'relevance' ? undefined : order === 'newest' ? { newest: 'desc' } : { oldest: 'asc' } };
}
