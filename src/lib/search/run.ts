import { FacetLookup, noFacets, type Facet, type FacetColumns, type Facets, type SearchFilters } from './facets.ts';
import type { SearchMeta } from './meta.ts';
import { candidatesOf, type Candidates } from './postings.ts';
import type { SearchSource, TextPart } from './reader.ts';
import type { ShardPostings } from './shard.ts';
import { snippet, type SnippetPart } from './snippet.ts';
import { foldQuery, foldText, maxQueryLength, queryPhrases, queryTerms, shardOf } from './tokens.ts';

/** One result: the report, where its best hit is, and a snippet around it. */
export interface SearchHit {
  id: number;
  meta: SearchMeta;
  anchor: string | null;
  snippet: SnippetPart[];
  /** The part of the text where the first phrase first occurs, or −1 when only the title and region hold it. */
  from: number;
}

/** A page of results. */
export interface SearchResult {
  /** The query as searched: folded to Simplified, cut to `maxQueryLength`; empty for a listing by filters alone. */
  query: string;
  total: number;
  /** False when some candidates were not checked against their text, so `total` is an upper bound. */
  exact: boolean;
  /** Results known to match: `total` when exact, else those checked so far (at least the hits shown). */
  confirmed: number;
  hits: SearchHit[];
  /** Filter counts, or null when they were not asked for (see `facetCounts`). */
  facets: Facets | null;
  /** Every candidate not ruled out, before the filters, ascending: what the filter counts count. */
  pool: Int32Array;
}

/** Result orders: relevance (title and region hits, then early mentions), or by date. */
export const searchSorts = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** What `runSearch` should fetch beyond the page of results. */
export interface SearchOptions {
  /** Order of the results; relevance when absent. A listing by filters alone is never by relevance: newest first instead. */
  sort?: SearchSort;
  /** Results wanted. */
  limit: number;
  /** Fill every hit's snippet now; otherwise hits not checked against their text come without one (see `withSnippet`). */
  snippets: boolean;
  /** Count the filter values now; they are always loaded when a filter is set. */
  facets: boolean;
}

/** Candidates up to this many are all checked against their text, making the count exact. */
const verifyAll = 20;

/** The query as searched: cut to `maxQueryLength` characters, folded to Simplified and half-width forms. */
function searched(source: SearchSource, rawQuery: string): string {
  return foldQuery(Array.from(rawQuery.trim()).slice(0, maxQueryLength).join(''), source.pairs);
}

/** The candidates for a query's phrases, from the shards their terms live in. */
async function candidates(source: SearchSource, phrases: string[]): Promise<Candidates> {
  const m = source.manifest;
  const loaded = new Map<number, ShardPostings>();
  const shardIds = new Set(phrases.flatMap(queryTerms).map((t) => shardOf(t, m.shards)));
  await Promise.all([...shardIds].map(async (n) => loaded.set(n, await source.shard(n))));
  return candidatesOf(phrases, loaded, m.shards);
}

/**
 * Whether a phrase must be checked against the text: bigrams can be scattered through a text, so
 * a phrase of three or more Han characters is only a match once the text shows it.
 */
function needsText(phrase: string): boolean {
  return /\p{Script=Han}/u.test(phrase) && phrase.length >= 3;
}

/** Levels of relevance a text hit is ranked on: the quarter of the text where the query first occurs. */
export const textLevels = 4;

/**
 * The relevance level (0 … `textLevels` − 1) of a text hit first occurring in `part` of `parts`:
 * parts are finer than levels, so reports mentioning a term about as early rank as equals and
 * the tie-breaks (bureaus' own reports first, then newest) decide between them.
 */
export function textLevel(part: number, parts: number): number {
  return Math.floor((part * textLevels) / parts);
}

/**
 * Candidate positions in ranked order: title-and-region hits first, then by the quarter of the
 * text the query first occurs in (`textLevel`); within each, bureaus' own reports before
 * templates and damaged ones (`lowered`, by id), then newest first (ids run newest first). A
 * counting sort over the candidates: a common term has as many as there are reports.
 */
function ranked(c: Candidates, parts: number, lowered: Uint8Array): Int32Array {
  const n = c.ids.length;
  const rank = new Uint8Array(n);
  const starts = new Int32Array(2 * (textLevels + 1) + 1);
  for (let i = 0; i < n; i++) {
    let title = true;
    let part = 0;
    for (let p = 0; p < c.title.length; p++) {
      if (c.title[p]![i] !== 1) title = false;
      part = Math.max(part, c.from[p]![i]!);
    }
    const r = 2 * (title ? 0 : 1 + textLevel(part, parts)) + (lowered[c.ids[i]!] ?? 0);
    rank[i] = r;
    starts[r + 1]!++;
  }
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[rank[i]!]!++] = i;
  return order;
}

/** The chunks (of `size` ids) that hold any of these ascending ids: a binary search a chunk, not a step an id. */
function chunksOf(ids: ArrayLike<number>, size: number): number[] {
  const out: number[] = [];
  let at = 0;
  while (at < ids.length) {
    const chunk = Math.floor(ids[at]! / size);
    out.push(chunk);
    // Skip to the first id past this chunk.
    let [lo, hi] = [at + 1, ids.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid]! < (chunk + 1) * size) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
  }
  return out;
}

/** The filter values of these reports (ascending ids), from the chunks that hold them. */
async function facetsFor(source: SearchSource, ids: ArrayLike<number>): Promise<FacetLookup> {
  const size = source.manifest.facetChunk;
  const wanted = chunksOf(ids, size);
  const chunks = new Map<number, FacetColumns>();
  await Promise.all(wanted.map(async (c) => chunks.set(c, await source.facets(c))));
  return new FacetLookup(source.manifest, size, chunks);
}

/** Filter counts over a result's candidates: loaded after the results show when the first query did not ask for them. */
export async function facetCounts(source: SearchSource, result: SearchResult, filters: SearchFilters): Promise<Facets> {
  return result.facets ?? (await facetsFor(source, result.pool)).count(result.pool, filters);
}

async function metaOf(source: SearchSource, id: number): Promise<SearchMeta> {
  const chunk = source.manifest.metaChunk;
  return (await source.meta(Math.floor(id / chunk)))[id % chunk]!;
}

/**
 * Where a phrase first shows in a report's text, reading its parts from `from` on: that part
 * first, then all the rest at once, so a check costs at most two round trips.
 */
async function locate(source: SearchSource, id: number, phrase: string, from: number): Promise<{ anchor: string; text: string } | null> {
  const start = Math.max(0, from);
  const find = ({ paragraphs }: TextPart) => paragraphs.find(([, text]) => foldText(text).includes(phrase));
  const first = find(await source.part(id, start));
  if (first) return { anchor: first[0], text: first[1] };
  const rest = start + 1 < source.manifest.parts ? await source.partsFrom(id, start + 1) : [];
  for (const part of rest) {
    const found = find(part);
    if (found) return { anchor: found[0], text: found[1] };
  }
  return null;
}

/**
 * The hit for a candidate, checked against its title, region and text: null when a phrase is not
 * there verbatim. `whole`: read the text from the first phrase's part to the end in one request
 * (once misses have been seen, a miss's second request is a round trip of its own).
 */
async function check(
  source: SearchSource,
  c: Candidates,
  i: number,
  phrases: string[],
  verify: boolean,
  whole = false,
): Promise<SearchHit | null> {
  const id = c.ids[i]!;
  const toCheck = (phrase: string) => verify && needsText(phrase);
  // A candidate checked against its text has its metadata from the part read first (every part
  // carries its report's row), so one request does both; any other reads its metadata file.
  const first = phrases.findIndex(toCheck);
  const at = first >= 0 ? c.from[first]![i]! : -1;
  const meta =
    at >= 0 ? (await (whole ? source.partsFrom(id, at).then((parts) => parts[0]!) : source.part(id, at))).meta : await metaOf(source, id);
  const head = foldText(`${meta.title}\n${meta.regionAndIssuer}`);
  let best: { anchor: string | null; text: string } | null = null;
  for (const [p, phrase] of phrases.entries()) {
    if (!toCheck(phrase)) continue;
    if (c.title[p]![i] === 1 && head.includes(phrase)) continue;
    const found = c.from[p]![i]! >= 0 ? await locate(source, id, phrase, c.from[p]![i]!) : null;
    if (!found) return null;
    if (p === 0) best = found;
  }
  const from = c.from[0]![i]!;
  if (!best && from < 0) best = { anchor: null, text: headText(meta, phrases[0]!) };
  return { id, meta, anchor: best?.anchor ?? null, snippet: best ? snippet(best.text, phrases) : [], from };
}

/** The title when it holds the phrase, else the region names and issuer. */
function headText(meta: SearchMeta, phrase: string): string {
  return foldText(meta.title).includes(phrase) ? meta.title : meta.regionAndIssuer;
}

/** Fills in a hit's snippet and best anchor from its report's text: the text where the first phrase first occurs, else the title. */
export async function withSnippet(source: SearchSource, hit: SearchHit, query: string): Promise<SearchHit> {
  const phrases = queryPhrases(query);
  if (hit.snippet.length || phrases.length === 0) return hit;
  const found = hit.from >= 0 ? await locate(source, hit.id, phrases[0]!, hit.from) : null;
  return { ...hit, anchor: found?.anchor ?? null, snippet: snippet(found?.text ?? headText(hit.meta, phrases[0]!), phrases) };
}

/**
 * Runs a query: candidates from the postings of the bigrams covering each phrase (in the text,
 * or in the title and region), ranked title-and-region hits first, then by the quarter of the text
 * the query first occurs in, then newest first; the results shown are checked against the text
 * so that scattered bigrams never count as a match (all of them when there are few, making the
 * count exact). Loads only the shards, metadata, filter values and text parts the query needs.
 */
export async function runSearch(
  source: SearchSource,
  rawQuery: string,
  filters: SearchFilters,
  options: SearchOptions,
): Promise<SearchResult> {
  const query = searched(source, rawQuery);
  const phrases = queryPhrases(query);
  const filtering = Object.values(filters).some(Boolean);
  if (phrases.length === 0) {
    return filtering
      ? listReports(source, filters, options)
      : { query: '', total: 0, exact: true, confirmed: 0, hits: [], facets: noFacets, pool: new Int32Array(0) };
  }
  const m = source.manifest;
  const c = await candidates(source, phrases);
  const sort = options.sort ?? 'relevance';
  const n = c.ids.length;
  const order =
    sort === 'relevance'
      ? ranked(c, m.parts, source.lowered)
      : Int32Array.from({ length: n }, (_, i) => (sort === 'newest' ? i : n - 1 - i));

  const facets = filtering || options.facets ? await facetsFor(source, c.ids) : null;
  const passing = facets && filtering ? facets.passing(filters) : null;
  const keep = (i: number) => !passing || passing(c.ids[i]!);

  // Few candidates are all checked, so the count is exact.
  const verify = phrases.some(needsText);
  const rejected = new Set<number>();
  const hits: SearchHit[] = [];
  let exact = true;
  let found: number;
  if (verify && order.length <= verifyAll) {
    const checked = await Promise.all(Array.from(order, (i) => check(source, c, i, phrases, true)));
    order.forEach((i, k) => checked[k] === null && rejected.add(i));
    hits.push(...checked.filter((h, k): h is SearchHit => h !== null && keep(order[k]!)).slice(0, options.limit));
    found = Infinity;
  } else {
    const wanted = filtering ? order.filter(keep) : order;
    let at = 0;
    while (hits.length < options.limit && at < wanted.length) {
      // After a batch with misses, check enough more at once for the rate seen so far, so
      // a query whose bigrams often occur apart costs a few round trips, not one per miss.
      const rate = at === 0 ? 1 : Math.max(0.1, hits.length / at);
      const batch = Array.from(wanted.subarray(at, at + Math.ceil((options.limit - hits.length) / rate)));
      const whole = rate < 1;
      at += batch.length;
      const checked = await Promise.all(batch.map((i) => check(source, c, i, phrases, verify, whole)));
      batch.forEach((i, k) => checked[k] === null && rejected.add(i));
      hits.push(...checked.filter((h): h is SearchHit => h !== null));
    }
    found = verify ? hits.length : Infinity;
    hits.splice(options.limit);
    exact = !verify || at >= wanted.length;
  }
  // Every candidate not ruled out, in id order (as the filter values are read), and how many pass
  // the filters: without rejections or filters, the candidates and their count as they are (a
  // common term's 50,000 at 100k cost a pass in code the page has not compiled yet).
  const pool = rejected.size ? c.ids.filter((_, i) => !rejected.has(i)) : c.ids;
  let total = pool.length;
  if (passing) {
    total = 0;
    for (const id of pool) if (passing(id)) total++;
  }
  const done = options.snippets ? await Promise.all(hits.map((h) => withSnippet(source, h, query))) : hits;
  return {
    query,
    total,
    exact,
    confirmed: Math.min(found, total),
    hits: done,
    facets: facets ? facets.count(pool, filters) : null,
    pool,
  };
}

/** Every report passing the filters, newest first (or oldest first): a search with no query. */
async function listReports(source: SearchSource, filters: SearchFilters, options: SearchOptions): Promise<SearchResult> {
  const all = everyId(source);
  const facets = await facetsFor(source, all);
  const passing = facets.passing(filters);
  const ids = Array.from(all).filter(passing);
  if (options.sort === 'oldest') ids.reverse();
  const hits = await Promise.all(
    ids
      .slice(0, options.limit)
      .map(async (id): Promise<SearchHit> => ({ id, meta: await metaOf(source, id), anchor: null, snippet: [], from: -1 })),
  );
  return { query: '', total: ids.length, exact: true, confirmed: ids.length, hits, facets: facets.count(all, filters), pool: all };
}

/** Every doc id, ascending. */
export function everyId(source: SearchSource): Int32Array {
  return Int32Array.from({ length: source.manifest.docs }, (_, id) => id);
}

/** Filter values of every report, by doc id: what a trend counts its years and region from. */
export async function allFacets(source: SearchSource): Promise<Facet[]> {
  const facets = await facetsFor(source, everyId(source));
  return Array.from({ length: source.manifest.docs }, (_, id) => facets.facet(id));
}

/**
 * Reports holding a query, as doc ids: from the postings alone when that is exact (every phrase of
 * one or two characters, or Latin and digits), else checked against the texts when there are at
 * most `checkUpTo` candidates. `exact` is false when candidates were left unchecked.
 */
export async function matchingIds(
  source: SearchSource,
  rawQuery: string,
  checkUpTo: number,
): Promise<{ query: string; ids: number[]; exact: boolean }> {
  const query = searched(source, rawQuery);
  const phrases = queryPhrases(query);
  if (phrases.length === 0) return { query, ids: [], exact: true };
  const c = await candidates(source, phrases);
  if (!phrases.some(needsText)) return { query, ids: Array.from(c.ids), exact: true };
  if (c.ids.length > checkUpTo) return { query, ids: Array.from(c.ids), exact: false };
  const checked = await Promise.all(Array.from(c.ids, (_, i) => check(source, c, i, phrases, true)));
  return { query, ids: checked.filter((h): h is SearchHit => h !== null).map((h) => h.id), exact: true };
}
