import type { FacetChunk, SearchManifest } from './format.ts';

/**
 * Filter values: how `facets/<c>.json` stores each report's province, city, kind and years against
 * the manifest's vocabularies, and how a result's candidates are filtered and counted by them.
 */

/** A report's filter values, names resolved. */
export interface Facet {
  province: string | null;
  city: string | null;
  kind: string;
  /** Years the report reviews or plans; decoded newest first (the manifest's order). */
  years: number[];
}

/** The manifest's part that facet chunks index into. */
export type FacetVocabulary = Pick<SearchManifest, 'provinces' | 'cities' | 'places' | 'years' | 'kinds'>;

/** Filters a user can set; empty strings mean no filter. */
export interface SearchFilters {
  province: string;
  city: string;
  year: string;
  kind: string;
}

/** Counts of each filter value among the results (ignoring that filter itself). */
export type Facets = Record<keyof SearchFilters, [string, number][]>;

/** Filter counts of an empty result. */
export const noFacets: Facets = { province: [], city: [], year: [], kind: [] };

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');

/**
 * The vocabularies of every report's filter values (provinces and cities by name, years newest
 * first, places as first met in id order, `kinds` as given) and the reports' values against
 * them, `chunk` reports a file, in id order.
 */
export function encodeFacets(
  rows: Facet[],
  kinds: SearchManifest['kinds'],
  chunk: number,
): { vocabulary: FacetVocabulary; chunks: FacetChunk[] } {
  const names = (of: (f: Facet) => string | null) => [...new Set(rows.map(of).filter((p): p is string => p !== null))].sort(byName);
  const provinces = names((f) => f.province);
  const cities = names((f) => f.city);
  const years = [...new Set(rows.flatMap((f) => f.years))].sort((a, b) => b - a);
  const places: [number, number][] = [];
  const placeIndex = new Map<string, number>();
  const placeOf = (province: string | null, city: string | null): number => {
    const key = `${province ?? ''}|${city ?? ''}`;
    let at = placeIndex.get(key);
    if (at === undefined) {
      placeIndex.set(key, (at = places.length));
      places.push([province === null ? -1 : provinces.indexOf(province), city === null ? -1 : cities.indexOf(city)]);
    }
    return at;
  };
  const chunks: FacetChunk[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    chunks.push({
      p: slice.map((f) => placeOf(f.province, f.city)),
      k: slice.map((f) => kinds.findIndex((k) => k.value === f.kind)).join(''),
      // Bit i stands for years[i]; a product, not a shift, so more than 31 years still fit.
      y: slice.map((f) => f.years.reduce((mask, y) => mask + 2 ** years.indexOf(y), 0)),
    });
  }
  return { vocabulary: { provinces, cities, places, years, kinds }, chunks };
}

/** The filter values of a chunk's reports: `encodeFacets`'s inverse, years newest first. */
export function decodeFacets(chunk: FacetChunk, v: FacetVocabulary): Facet[] {
  return chunk.p.map((place, i) => {
    const [p, city] = v.places[place] ?? [-1, -1];
    const mask = chunk.y[i]!;
    return {
      province: v.provinces[p] ?? null,
      city: v.cities[city] ?? null,
      kind: v.kinds[Number(chunk.k[i])]?.value ?? '',
      years: v.years.filter((_, bit) => Math.floor(mask / 2 ** bit) % 2 === 1),
    };
  });
}

/** Whether a report passes the filters, leaving out `skip` (to count what that filter would leave). */
export function passes(f: Facet, filters: SearchFilters, skip?: keyof SearchFilters): boolean {
  return (
    (skip === 'province' || !filters.province || f.province === filters.province) &&
    (skip === 'city' || !filters.city || f.city === filters.city) &&
    (skip === 'year' || !filters.year || f.years.includes(Number(filters.year))) &&
    (skip === 'kind' || !filters.kind || f.kind === filters.kind)
  );
}

/** Each filter's values among these reports with how many have each, most first, counting the reports the other filters pass. */
export function countFacets(facetOf: (id: number) => Facet, ids: ArrayLike<number>, filters: SearchFilters): Facets {
  const count = (key: keyof SearchFilters, values: (f: Facet) => (string | null)[]) => {
    const counts = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) {
      const f = facetOf(ids[i]!);
      if (!passes(f, filters, key)) continue;
      for (const v of values(f)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
  };
  return {
    province: count('province', (f) => [f.province]),
    city: count('city', (f) => [f.city]),
    year: count('year', (f) => f.years.map(String)),
    kind: count('kind', (f) => [f.kind]),
  };
}
