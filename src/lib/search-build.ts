import { anchoredText } from './anchored-text.ts';
import { byNewest, kindLabel, regionLabel, regionNames, yearsOf, type Entry } from './catalogue.ts';
import { reportNotes } from './report-notes.ts';
import { forEachTermKey, shardOf, termOfKey, type TermKey } from './search-tokens.ts';

/** A report as the search index needs it: its entry and its Markdown body. */
export interface SearchSource extends Entry {
  body: string;
}

/** One report's searchable text: title, region and anchored paragraphs. */
export interface SearchDoc {
  /** Title. */
  t: string;
  /** Region names and issuer, space-separated. */
  r: string;
  /** `[anchor, text]` for every heading and paragraph, in order. */
  p: [string, string][];
}

/**
 * One row of search metadata: slug, title, region label, province, city, years, kind, posted,
 * the region names and issuer a title-and-region match is checked against, and the report's
 * notes (`reportNotes`: template, damaged).
 */
export type SearchMeta = [string, string, string, string | null, string | null, number[], string, string | null, string, number];

/** A stretch of a report's text: `[anchor, text]` for each of its headings and paragraphs. */
export type SearchPart = [string, string][];

/** Postings of a shard: term → delta-encoded doc ids interleaved with the part the term first occurs in. */
export interface SearchShard {
  /** Body terms: [id₀, part₀, id₁ − id₀, part₁, …]. */
  b: Record<string, number[]>;
  /** Title, region and issuer terms: [id₀, id₁ − id₀, …]. */
  t: Record<string, number[]>;
}

/**
 * Filter values of a run of reports, column by column (which gzip packs far better than rows):
 * `p` the place of each (an index into the manifest's `places`), `k` its kind (one digit, an
 * index into `kinds`), `y` its years as a bit mask over the manifest's `years` (bit i = years[i]).
 */
export interface FacetChunk {
  p: number[];
  k: string;
  y: number[];
}

/** What the browser loads first: sizes and the filter vocabularies. */
export interface SearchManifest {
  version: 3;
  docs: number;
  shards: number;
  /** Parts each report's text is cut into: `part/<k>/<id>.json`. */
  parts: number;
  metaChunk: number;
  facetChunk: number;
  provinces: string[];
  cities: string[];
  /** Each place as [province, city], indexes into `provinces` and `cities` (−1 = none). */
  places: [number, number][];
  years: number[];
  kinds: { value: string; label: string }[];
  /** Ids of the reports with notes (templates, damaged), as gaps: ranked below the others at equal relevance. */
  lowered: number[];
}

/** The whole search index, ready to be written as static files. */
export interface SearchIndex {
  manifest: SearchManifest;
  shards: SearchShard[];
  meta: SearchMeta[][];
  facets: FacetChunk[];
  docs: SearchDoc[];
  /** Each report's text in parts, by doc id. */
  parts: SearchPart[][];
  /** Doc id of each slug. */
  ids: Map<string, number>;
}

/** Reports per metadata file: listing rows, loaded for the results shown. */
const metaChunk = 50;
/** Reports per facet file: filter values, loaded for all candidates once the results show. */
const facetChunk = 5000;
/**
 * Parts a report's text is cut into, at paragraph boundaries by character offset. A posting
 * records the part where its term first occurs, which ranks early mentions first and tells the
 * browser which part to fetch for a snippet: a phrase never occurs before the part of any of
 * its bigrams' first occurrences, so checking a candidate starts there.
 */
export const partCount = 4;

/**
 * Numbers of postings per shard to aim for: about 9 KB of JSON, 3 KB gzipped. A query fetches
 * whole shards, so whatever else shares its terms' shards is bytes it did not ask for.
 */
const shardNumbers = 3000;

/** Shard count for this many posting numbers: a power of two from 64 to 65536. */
export function shardCount(numbers: number): number {
  let n = 64;
  while (n < 65536 && n * shardNumbers < numbers) n *= 2;
  return n;
}

/** The part (0 … partCount − 1) of each paragraph, by where the paragraph starts in the text. */
export function partsOf(paragraphs: SearchPart): number[] {
  const total = paragraphs.reduce((n, [, text]) => n + text.length + 1, 0);
  let offset = 0;
  return paragraphs.map(([, text]) => {
    const part = Math.min(partCount - 1, Math.floor((offset * partCount) / Math.max(1, total)));
    offset += text.length + 1;
    return part;
  });
}

/** A report's paragraphs grouped into its parts, empty parts included. */
export function splitParts(paragraphs: SearchPart): SearchPart[] {
  const out: SearchPart[] = Array.from({ length: partCount }, () => []);
  partsOf(paragraphs).forEach((k, i) => out[k]!.push(paragraphs[i]!));
  return out;
}

/** The distinct terms of a report's texts, each with the part of its first occurrence. */
function firstOccurrences(texts: [number, string][]): Map<TermKey, number> {
  const first = new Map<TermKey, number>();
  for (const [part, text] of texts) {
    forEachTermKey(text, (key) => {
      if (!first.has(key)) first.set(key, part);
    });
  }
  return first;
}

/**
 * A growing list of 32-bit integers: a term's postings, `id × partCount + part` each, at 4 bytes
 * a posting rather than the 16 two JavaScript numbers in an array take (100,000 reports hold
 * some 230 million postings).
 */
class PostingList {
  items = new Int32Array(4);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

/** Appends a document's distinct terms to the postings, each with the part of its first occurrence. */
function addPostings(postings: Map<TermKey, PostingList>, id: number, terms: Map<TermKey, number>): void {
  for (const [key, part] of terms) {
    let list = postings.get(key);
    if (!list) postings.set(key, (list = new PostingList()));
    list.push(id * partCount + part);
  }
}

/** A body posting list as a shard stores it: [id₀, part₀, id₁ − id₀, part₁, …]. */
function bodyPostings(list: PostingList): number[] {
  const out = new Array<number>(list.length * 2);
  let previous = 0;
  for (let i = 0; i < list.length; i++) {
    const id = Math.floor(list.items[i]! / partCount);
    out[2 * i] = id - previous;
    out[2 * i + 1] = list.items[i]! % partCount;
    previous = id;
  }
  return out;
}

/** A title posting list as a shard stores it: [id₀, id₁ − id₀, …]. */
function titlePostings(list: PostingList): number[] {
  const out = new Array<number>(list.length);
  let previous = 0;
  for (let i = 0; i < list.length; i++) {
    const id = Math.floor(list.items[i]! / partCount);
    out[i] = id - previous;
    previous = id;
  }
  return out;
}

/** One report as added to the index: its doc id, searchable text and that text in parts. */
export interface AddedDoc {
  id: number;
  doc: SearchDoc;
  parts: SearchPart[];
}

/**
 * Builds the sharded search index one report at a time, keeping only integer postings and one
 * metadata row per report, so a writer can stream reports from disk and write each report's
 * text parts as it goes. Reports must be added newest first (`byNewest`): doc ids are the order
 * of adding, so the smallest id is the newest report and a year filter is a contiguous range.
 * Every Han character and bigram of a report (see `forEachTermKey`) gets a posting with the part
 * of its first occurrence (0 = near the start); postings are sharded by a hash of the term so
 * the browser fetches only the shards a query's terms live in. Output is deterministic for the
 * same reports in the same order.
 */
export class SearchIndexBuilder {
  readonly #body = new Map<TermKey, PostingList>();
  readonly #title = new Map<TermKey, PostingList>();
  readonly #meta: SearchMeta[] = [];

  /** Adds the next report; returns its id and text for the caller to write. */
  add(source: SearchSource): AddedDoc {
    const { data } = source;
    const id = this.#meta.length;
    const names = regionNames(data.region);
    const doc: SearchDoc = { t: data.title, r: [...names, data.issuer ?? ''].join(' ').trim(), p: anchoredText(source) };
    const parts = splitParts(doc.p);
    addPostings(this.#body, id, firstOccurrences(parts.flatMap((part, k) => part.map(([, text]): [number, string] => [k, text]))));
    addPostings(this.#title, id, firstOccurrences([[0, `${doc.t}\n${doc.r}`]]));
    this.#meta.push([source.id, data.title, regionLabel(data.region), data.region.province, data.region.city, yearsOf(data), data.kind, data.posted, doc.r, reportNotes(data)]);
    return { id, doc, parts };
  }

  /** How many shards the postings added so far are cut into. */
  shardCount(): number {
    let numbers = 0;
    for (const list of this.#body.values()) numbers += list.length * 2;
    for (const list of this.#title.values()) numbers += list.length;
    return shardCount(numbers);
  }

  /**
   * The shards, one at a time, each postings list released once its shard is made, so the
   * postings are held once, never twice. Within a shard, terms keep their first-seen order,
   * which is deterministic: no sort needed. Call once, after the last `add`.
   */
  *shards(): Generator<SearchShard> {
    const count = this.shardCount();
    const keysOf = (postings: Map<TermKey, PostingList>): TermKey[][] => {
      const byShard: TermKey[][] = Array.from({ length: count }, () => []);
      for (const key of postings.keys()) byShard[shardOf(termOfKey(key), count)]!.push(key);
      return byShard;
    };
    const body = keysOf(this.#body);
    const title = keysOf(this.#title);
    for (let n = 0; n < count; n++) {
      const shard: SearchShard = { b: {}, t: {} };
      for (const key of body[n]!) {
        shard.b[termOfKey(key)] = bodyPostings(this.#body.get(key)!);
        this.#body.delete(key);
      }
      for (const key of title[n]!) {
        shard.t[termOfKey(key)] = titlePostings(this.#title.get(key)!);
        this.#title.delete(key);
      }
      yield shard;
    }
  }

  /** The manifest, metadata chunks and facet chunks of the reports added. */
  tables(shards: number): Pick<SearchIndex, 'manifest' | 'meta' | 'facets'> {
    const meta = this.#meta;
    const chunks: SearchMeta[][] = [];
    for (let i = 0; i < meta.length; i += metaChunk) chunks.push(meta.slice(i, i + metaChunk));
    const kinds = (['summary', 'plan', 'summary-plan'] as const).map((value) => ({ value, label: kindLabel(value) }));
    const names = (i: 3 | 4) => [...new Set(meta.map((m) => m[i]).filter((p): p is string => p !== null))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
    const provinces = names(3);
    const cities = names(4);
    const years = [...new Set(meta.flatMap((m) => m[5]))].sort((a, b) => b - a);
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
    const facets: FacetChunk[] = [];
    for (let i = 0; i < meta.length; i += facetChunk) {
      const rows = meta.slice(i, i + facetChunk);
      facets.push({
        p: rows.map((m) => placeOf(m[3], m[4])),
        k: rows.map((m) => kinds.findIndex((k) => k.value === m[6])).join(''),
        // Bit i stands for years[i]; a product, not a shift, so more than 31 years still fit.
        y: rows.map((m) => m[5].reduce((mask, y) => mask + 2 ** years.indexOf(y), 0)),
      });
    }
    const lowered = meta.flatMap((m, id) => (m[9] ? [id] : []));
    return {
      manifest: {
        version: 3,
        docs: meta.length,
        shards,
        parts: partCount,
        metaChunk,
        facetChunk,
        provinces,
        cities,
        places,
        years,
        kinds,
        lowered: lowered.map((id, i) => id - (i ? lowered[i - 1]! : 0)),
      },
      meta: chunks,
      facets,
    };
  }
}

/** The whole search index in memory, for tests and the benchmark; the build streams it with `SearchIndexBuilder`. */
export function buildSearchIndex(sources: SearchSource[]): SearchIndex {
  const ordered = [...sources].sort(byNewest);
  const builder = new SearchIndexBuilder();
  const added = ordered.map((source) => builder.add(source));
  const count = builder.shardCount();
  const shards = [...builder.shards()];
  return {
    ...builder.tables(count),
    shards,
    docs: added.map((a) => a.doc),
    parts: added.map((a) => a.parts),
    ids: new Map(ordered.map((source, id) => [source.id, id])),
  };
}
