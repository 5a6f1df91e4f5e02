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

/** A facet file as read: each report's place (an index into the manifest's `places`), kind digit and year bit mask. */
export interface FacetColumns {
  place: Int32Array;
  kind: Uint8Array;
  years: Float64Array;
}

/** A facet file's columns as typed arrays. */
export function readFacetColumns(chunk: FacetChunk): FacetColumns {
  return {
    place: Int32Array.from(chunk.p),
    kind: Uint8Array.from(chunk.k, (digit) => Number(digit)),
    years: Float64Array.from(chunk.y),
  };
}

/** Whether bit `bit` of a year mask is set (masks may pass 32 bits). */
function hasBit(mask: number, bit: number): boolean {
  return Math.floor(mask / 2 ** bit) % 2 === 1;
}

/** Report i of a chunk's filter values, names resolved. */
function facetAt(c: FacetColumns, i: number, v: FacetVocabulary): Facet {
  const [p, city] = v.places[c.place[i]!] ?? [-1, -1];
  return {
    province: v.provinces[p] ?? null,
    city: v.cities[city] ?? null,
    kind: v.kinds[c.kind[i]!]?.value ?? '',
    years: v.years.filter((_, bit) => hasBit(c.years[i]!, bit)),
  };
}

/** Filters as indexes into the vocabularies: per place whether its province and its city pass, the kind and year bit (−1: any). */
interface IndexedFilters {
  province: Uint8Array;
  city: Uint8Array;
  kind: number;
  year: number;
}

/**
 * The filter values of reports by id, from the facet files read (`chunks`, `size` reports each),
 * kept as columns: a result of 100,000 candidates is filtered and counted by index, with no
 * object or string per report.
 */
export class FacetLookup {
  readonly #v: FacetVocabulary;
  readonly #size: number;
  readonly #chunks: Map<number, FacetColumns>;

  constructor(v: FacetVocabulary, size: number, chunks: Map<number, FacetColumns>) {
    this.#v = v;
    this.#size = size;
    this.#chunks = chunks;
  }

  #columns(id: number): FacetColumns {
    const c = this.#chunks.get(Math.floor(id / this.#size));
    if (!c) throw new RangeError(`no filter values loaded for report ${id}`);
    return c;
  }

  /** Report id's filter values, names resolved. */
  facet(id: number): Facet {
    return facetAt(this.#columns(id), id % this.#size, this.#v);
  }

  #indexed(filters: SearchFilters): IndexedFilters {
    const v = this.#v;
    const byPlace = (wanted: string, at: 0 | 1, names: string[]) =>
      Uint8Array.from(v.places, (place) => (!wanted || names[place[at]] === wanted ? 1 : 0));
    return {
      province: byPlace(filters.province, 0, v.provinces),
      city: byPlace(filters.city, 1, v.cities),
      kind: filters.kind ? v.kinds.findIndex((k) => k.value === filters.kind) : -1,
      year: filters.year ? v.years.indexOf(Number(filters.year)) : -1,
    };
  }

  /** Which of the four filters report i of `c` fails, as bits (province 1, city 2, kind 4, year 8). */
  #fails(c: FacetColumns, i: number, f: IndexedFilters, filters: SearchFilters): number {
    const place = c.place[i]!;
    return (
      (f.province[place] ? 0 : 1) |
      (f.city[place] ? 0 : 2) |
      (filters.kind && c.kind[i] !== f.kind ? 4 : 0) |
      (filters.year && (f.year < 0 || !hasBit(c.years[i]!, f.year)) ? 8 : 0)
    );
  }

  /** A test of whether a report passes the filters. */
  passing(filters: SearchFilters): (id: number) => boolean {
    const f = this.#indexed(filters);
    return (id) => this.#fails(this.#columns(id), id % this.#size, f, filters) === 0;
  }

  /**
   * Each filter's values among these reports with how many have each, most first (then by
   * name), counting the reports that pass the other filters.
   */
  count(ids: ArrayLike<number>, filters: SearchFilters): Facets {
    const v = this.#v;
    const f = this.#indexed(filters);
    const provinces = new Int32Array(v.provinces.length);
    const cities = new Int32Array(v.cities.length);
    const kinds = new Int32Array(v.kinds.length);
    const masks = new Map<number, number>();
    for (let n = 0; n < ids.length; n++) {
      const id = ids[n]!;
      const c = this.#columns(id);
      const i = id % this.#size;
      const fails = this.#fails(c, i, f, filters);
      // A value of a filter counts when every other filter passes.
      if (fails & (fails - 1)) continue;
      const [p, city] = v.places[c.place[i]!] ?? [-1, -1];
      if (p >= 0 && (fails === 0 || fails === 1)) provinces[p]!++;
      if (city >= 0 && (fails === 0 || fails === 2)) cities[city]!++;
      if (fails === 0 || fails === 4) kinds[c.kind[i]!]!++;
      if (fails === 0 || fails === 8) masks.set(c.years[i]!, (masks.get(c.years[i]!) ?? 0) + 1);
    }
    const years = new Int32Array(v.years.length);
    for (const [mask, n] of masks) v.years.forEach((_, bit) => hasBit(mask, bit) && (years[bit]! += n));
    const listed = (names: string[], counts: Int32Array): [string, number][] =>
      names
        .map((name, k): [string, number] => [name, counts[k]!])
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
    return {
      province: listed(v.provinces, provinces),
      city: listed(v.cities, cities),
      year: listed(v.years.map(String), years),
      kind: listed(
        v.kinds.map((k) => k.value),
        kinds,
      ),
    };
  }
}
