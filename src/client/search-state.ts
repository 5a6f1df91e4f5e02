import type { SearchFilters } from '../lib/search/facets.ts';
import { searchSorts, type SearchSort } from '../lib/search/run.ts';
import { maxQueryLength } from '../lib/search/tokens.ts';

/** Results shown per step. */
export const pageSize = 10;

/** What the search page shows, all of it kept in the URL so Back, Forward and reload return to it. */
export interface SearchState {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** Results shown: a multiple of `pageSize`. */
  shown: number;
}

/** The state in the page's URL; a query longer than `maxQueryLength` is cut, a bad sort or count falls back to the default. */
export function readState(search = location.search): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  const n = Number(params.get('n'));
  return {
    q: Array.from(params.get('q') ?? '')
      .slice(0, maxQueryLength)
      .join(''),
    filters: {
      province: params.get('province') ?? '',
      city: params.get('city') ?? '',
      year: params.get('year') ?? '',
      kind: params.get('kind') ?? '',
    },
    sort: searchSorts.find((s) => s === sort) ?? 'relevance',
    shown: Number.isInteger(n) && n > pageSize ? Math.min(Math.ceil(n / pageSize) * pageSize, 1000) : pageSize,
  };
}

/** The URL query string for a state, defaults left out. */
export function stateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const [k, v] of Object.entries(state.filters) as [string, string][]) if (v) params.set(k, v);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.shown > pageSize) params.set('n', String(state.shown));
  return params.size ? `?${params.toString()}` : '';
}

/** Records the state in the URL: a new history entry when `push`, else in place. */
export function writeState(state: SearchState, push: boolean): void {
  const url = `${location.pathname}${stateQuery(state)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
