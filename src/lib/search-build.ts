import { anchoredText } from './anchored-text.ts';
import { byNewest, kindLabel, regionNames, yearsOf, type Entry } from './catalogue.ts';
import { indexTerms, shardOf } from './search-tokens.ts';

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

/** One row of search metadata: slug, title, region label, province, city, years, kind, posted. */
export type SearchMeta = [string, string, string, string | null, string | null, number[], string, string | null];

/** Postings of a shard: term → delta-encoded doc ids interleaved with the term's earliest position slot. */
export interface SearchShard {
  /** Body terms: [id₀, slot₀, id₁ − id₀, slot₁, …]. */
  b: Record<string, number[]>;
  /** Title, region and issuer terms: [id₀, id₁ − id₀, …]. */
  t: Record<string, number[]>;
}

/** One report's filter values: province and city as indexes into the manifest's lists (−1 = none), kind index, years. */
export type FacetRow = [number, number, number, number[]];

/** What the browser loads first: sizes and the filter vocabularies. */
export interface SearchManifest {
  version: 1;
  docs: number;
  shards: number;
  metaChunk: number;
  facetChunk: number;
  provinces: string[];
  cities: string[];
  years: number[];
  kinds: { value: string; label: string }[];
}

/** The whole search index, ready to be written as static files. */
export interface SearchIndex {
  manifest: SearchManifest;
  shards: SearchShard[];
  meta: SearchMeta[][];
  facets: FacetRow[][];
  docs: SearchDoc[];
  /** Doc id of each slug. */
  ids: Map<string, number>;
}

/** Reports per metadata file: listing rows, loaded for the results shown. */
const metaChunk = 50;
/** Reports per facet file: filter values, loaded for all candidates. */
const facetChunk = 2000;
/** Position slots per term: 0 = near the start of the text. */
const resolution = 9;

/** Numbers of postings per shard to aim for: about 24 KB of JSON, 8 KB gzipped. */
const shardNumbers = 8000;

/** Shard count for this many posting numbers: a power of two from 64 to 16384. */
export function shardCount(numbers: number): number {
  let n = 64;
  while (n < 16384 && n * shardNumbers < numbers) n *= 2;
  return n;
}

/** Adds a document's terms to the postings: each term once, with the slot of its first position. */
function addPostings(postings: Map<string, number[]>, id: number, terms: string[], slots: number): void {
  const n = terms.length;
  for (let i = 0; i < n; i++) {
    const term = terms[i]!;
    let list = postings.get(term);
    if (!list) postings.set(term, (list = []));
    // Documents are added in id order, so a term already seen in this one ends its list.
    else if (list[list.length - 2] === id) continue;
    list.push(id, Math.floor((i * slots) / n));
  }
}

/**
 * Builds the sharded search index. Doc ids run newest first, so the smallest id is the newest
 * report and a year filter is a contiguous range. Every Han character and bigram of a report
 * (see `indexTerms`) gets a posting with the slot of its first position (0 = near the start);
 * postings are sharded by a hash of the term so the browser fetches only the shards a query's
 * terms live in. Output is deterministic for the same reports.
 */
export function buildSearchIndex(sources: SearchSource[]): SearchIndex {
  const ordered = [...sources].sort(byNewest);
  const body = new Map<string, number[]>();
  const title = new Map<string, number[]>();
  const docs: SearchDoc[] = [];
  const meta: SearchMeta[] = [];
  ordered.forEach((source, id) => {
    const { data } = source;
    const names = regionNames(data.region);
    const doc: SearchDoc = { t: data.title, r: [...names, data.issuer ?? ''].join(' ').trim(), p: anchoredText(source) };
    docs.push(doc);
    addPostings(body, id, indexTerms(doc.p.map(([, text]) => text).join('\n')), resolution);
    addPostings(title, id, indexTerms(`${doc.t}\n${doc.r}`), 1);
    meta.push([source.id, data.title, names.join(' ') || '地区不详', data.region.province, data.region.city, yearsOf(data), data.kind, data.posted]);
  });
  let numbers = 0;
  for (const list of body.values()) numbers += list.length;
  for (const list of title.values()) numbers += list.length / 2;
  const shards = shardCount(numbers);
  const out: SearchShard[] = Array.from({ length: shards }, () => ({ b: {}, t: {} }));
  // Ids were added in ascending order, so each list is sorted: store gaps, which compress well.
  // Terms keep their first-seen order, which is deterministic: no sort needed.
  for (const [term, list] of body) {
    for (let i = list.length - 2; i >= 2; i -= 2) list[i] = list[i]! - list[i - 2]!;
    out[shardOf(term, shards)]!.b[term] = list;
  }
  for (const [term, list] of title) {
    const ids = list.filter((_, i) => i % 2 === 0);
    out[shardOf(term, shards)]!.t[term] = ids.map((id, i) => id - (i ? ids[i - 1]! : 0));
  }
  const chunks: SearchMeta[][] = [];
  for (let i = 0; i < meta.length; i += metaChunk) chunks.push(meta.slice(i, i + metaChunk));
  const kinds = (['summary', 'plan', 'summary-plan'] as const).map((value) => ({ value, label: kindLabel(value) }));
  const names = (i: 3 | 4) => [...new Set(meta.map((m) => m[i]).filter((p): p is string => p !== null))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
  const provinces = names(3);
  const cities = names(4);
  const rows: FacetRow[] = meta.map((m) => [m[3] === null ? -1 : provinces.indexOf(m[3]), m[4] === null ? -1 : cities.indexOf(m[4]), kinds.findIndex((k) => k.value === m[6]), m[5]]);
  const facets: FacetRow[][] = [];
  for (let i = 0; i < rows.length; i += facetChunk) facets.push(rows.slice(i, i + facetChunk));
  return {
    manifest: {
      version: 1,
      docs: docs.length,
      shards,
      metaChunk,
      facetChunk,
      provinces,
      cities,
      years: [...new Set(meta.flatMap((m) => m[5]))].sort((a, b) => b - a),
      kinds,
    },
    shards: out,
    meta: chunks,
    facets,
    docs,
    ids: new Map(ordered.map((source, id) => [source.id, id])),
  };
}
