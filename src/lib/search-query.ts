import type { FacetChunk, SearchDoc, SearchManifest, SearchMeta, SearchPart, SearchShard } from './search-build.ts';
import { queryTerms, foldText, queryPhrases, shardOf } from './search-tokens.ts';

/** Where the search reads its index from: files over HTTP in the browser, memory in tests. */
export interface SearchSource {
  manifest: SearchManifest;
  shard(n: number): Promise<SearchShard>;
  meta(chunk: number): Promise<SearchMeta[]>;
  facets(chunk: number): Promise<FacetChunk>;
  /** Part `k` of report `id`'s text. */
  part(id: number, k: number): Promise<SearchPart>;
  /** Traditional → Simplified character pairs, `雙双減减…`. */
  pairs: string;
}

/** Filters a user can set; empty strings mean no filter. */
export interface SearchFilters {
  province: string;
  city: string;
  year: string;
  kind: string;
}

/** A run of snippet text, marked when it is a match. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** One result: the report, where its best hit is, and a snippet around it. */
export interface SearchHit {
  id: number;
  meta: SearchMeta;
  anchor: string | null;
  snippet: SnippetPart[];
  /** The part of the text where the first phrase first occurs, or −1 when only the title and region hold it. */
  from: number;
}

/** Counts of each filter value among the results (ignoring that filter itself). */
export type Facets = Record<keyof SearchFilters, [string, number][]>;

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
  /** Every candidate not ruled out, before the filters: what the filter counts count. */
  pool: number[];
}

/** Result order: relevance (title and region hits, then early mentions), or by date. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** The longest query searched: longer input is cut to this many characters. */
export const maxQueryLength = 64;

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

const noFacets: Facets = { province: [], city: [], year: [], kind: [] };

/** The pair table as a map, kept for the table it was made from: every query uses the same one. */
let pairMap: { pairs: string; map: Map<string, string> } | null = null;

/** Folds Traditional characters to Simplified with the pair table, then full-width forms. */
export function foldQuery(query: string, pairs: string): string {
  if (pairMap?.pairs !== pairs) {
    const map = new Map<string, string>();
    for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
    pairMap = { pairs, map };
  }
  const { map } = pairMap;
  // Characters, not grapheme clusters: the table maps single code points.
  return foldText(Array.from(query, (ch) => map.get(ch) ?? ch).join(''));
}

/** Whether every phrase occurs verbatim in the report's title, region or text: the brute-force definition of a match. */
export function docMatches(doc: SearchDoc, phrases: string[]): boolean {
  const text = foldText([doc.t, doc.r, ...doc.p.map(([, t]) => t)].join('\n'));
  return phrases.every((p) => text.includes(p));
}

/** A window of text around the first match, every match in it marked. */
export function snippet(text: string, phrases: string[], width = 90): SnippetPart[] {
  const folded = foldText(text);
  const first = Math.min(...phrases.map((p) => folded.indexOf(p)).filter((i) => i >= 0));
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(width / 3)) : 0;
  const end = Math.min(text.length, start + width);
  const marks: boolean[] = new Array<boolean>(end - start).fill(false);
  for (const p of phrases) {
    for (let i = folded.indexOf(p, start); i !== -1 && i < end; i = folded.indexOf(p, i + 1)) {
      for (let k = i; k < Math.min(end, i + p.length); k++) marks[k - start] = true;
    }
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  for (let i = start; i < end; i++) {
    const mark = marks[i - start]!;
    const ch = text[i]!;
    const last = parts.at(-1);
    if (last && last.mark === mark && !(i === start && start > 0)) last.text += ch;
    else parts.push({ text: ch, mark });
  }
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** Doc ids (ascending) with the part each term first occurs in. */
interface Posting {
  ids: Int32Array;
  parts: Int8Array;
}

function bodyPosting(list: number[] | undefined): Posting {
  const n = (list?.length ?? 0) >> 1;
  const out: Posting = { ids: new Int32Array(n), parts: new Int8Array(n) };
  let id = 0;
  for (let i = 0; i < n; i++) {
    out.ids[i] = id += list![2 * i]!;
    out.parts[i] = list![2 * i + 1]!;
  }
  return out;
}

function titlePosting(list: number[] | undefined): Posting {
  const ids = new Int32Array(list?.length ?? 0);
  let id = 0;
  for (let i = 0; i < ids.length; i++) ids[i] = id += list![i]!;
  return { ids, parts: new Int8Array(ids.length) };
}

/** For id lists sorted ascending, the position in each list of every id that all of them hold, in id order. */
function commonPositions(lists: ArrayLike<number>[]): number[][] {
  const out = lists.map((): number[] => []);
  if (lists.length === 0) return out;
  // Walk the shortest list; the others only move forward.
  const lead = lists.reduce((best, list, r) => (list.length < lists[best]!.length ? r : best), 0);
  const at = lists.map(() => 0);
  outer: for (let i = 0; i < lists[lead]!.length; i++) {
    const id = lists[lead]![i]!;
    for (let r = 0; r < lists.length; r++) {
      if (r === lead) continue;
      const other = lists[r]!;
      let j = at[r]!;
      while (j < other.length && other[j]! < id) j++;
      at[r] = j;
      if (j === other.length) break outer;
      if (other[j] !== id) continue outer;
    }
    for (let r = 0; r < lists.length; r++) out[r]!.push(r === lead ? i : at[r]!);
  }
  return out;
}

/** Ids in every posting, each with the latest of their parts: where a phrase can first occur. */
function intersect(postings: Posting[]): Posting {
  if (postings.length === 1) return postings[0]!;
  const at = commonPositions(postings.map((p) => p.ids));
  const n = at[0]?.length ?? 0;
  const out: Posting = { ids: new Int32Array(n), parts: new Int8Array(n) };
  for (let k = 0; k < n; k++) {
    out.ids[k] = postings[0]!.ids[at[0]![k]!]!;
    let part = 0;
    for (let r = 0; r < postings.length; r++) part = Math.max(part, postings[r]!.parts[at[r]![k]!]!);
    out.parts[k] = part;
  }
  return out;
}

/** Reports matching every phrase: per phrase, whether the title and region hold it and the first part of the text that can. */
interface Candidates {
  ids: number[];
  /** [phrase][candidate]: 1 when the title and region postings hold the phrase's terms. */
  title: Uint8Array[];
  /** [phrase][candidate]: first part of the text to look in, −1 when the text's postings lack a term. */
  from: Int8Array[];
}

/** One phrase's matches in id order: the union of its text and its title-and-region postings. */
interface PhraseHits {
  ids: Int32Array;
  title: Uint8Array;
  from: Int8Array;
}

function phraseHits(body: Posting, title: Posting): PhraseHits {
  const n = body.ids.length + title.ids.length;
  const out: PhraseHits = { ids: new Int32Array(n), title: new Uint8Array(n), from: new Int8Array(n) };
  let i = 0;
  let j = 0;
  let k = 0;
  for (; i < body.ids.length || j < title.ids.length; k++) {
    const b = i < body.ids.length ? body.ids[i]! : Infinity;
    const t = j < title.ids.length ? title.ids[j]! : Infinity;
    out.ids[k] = Math.min(b, t);
    out.title[k] = t <= b ? 1 : 0;
    out.from[k] = b <= t ? body.parts[i]! : -1;
    if (b <= t) i++;
    if (t <= b) j++;
  }
  return { ids: out.ids.subarray(0, k), title: out.title.subarray(0, k), from: out.from.subarray(0, k) };
}

function candidatesOf(phrases: string[], loaded: Map<number, SearchShard>, shards: number): Candidates {
  const perPhrase = phrases.map((phrase) => {
    const terms = queryTerms(phrase);
    const shard = (t: string) => loaded.get(shardOf(t, shards))!;
    return phraseHits(intersect(terms.map((t) => bodyPosting(shard(t).b[t]))), intersect(terms.map((t) => titlePosting(shard(t).t[t]))));
  });
  // Keep the ids every phrase has.
  const where = commonPositions(perPhrase.map((p) => p.ids));
  const ids = Array.from(where[0]!, (i) => perPhrase[0]!.ids[i]!);
  const title = perPhrase.map(() => new Uint8Array(ids.length));
  const from = perPhrase.map(() => new Int8Array(ids.length));
  perPhrase.forEach((p, n) => {
    const at = where[n]!;
    for (let k = 0; k < at.length; k++) {
      title[n]![k] = p.title[at[k]!]!;
      from[n]![k] = p.from[at[k]!]!;
    }
  });
  return { ids, title, from };
}

/** The manifest's lowered ids as a set, decoded once per manifest. */
const loweredSets = new WeakMap<SearchManifest, Set<number>>();

function loweredOf(m: SearchManifest): Set<number> {
  let set = loweredSets.get(m);
  if (!set) {
    let id = 0;
    set = new Set(m.lowered.map((gap) => (id += gap)));
    loweredSets.set(m, set);
  }
  return set;
}

/**
 * Candidate positions in ranked order: title-and-region hits first, then by the part of the text
 * the query first occurs in; within each, bureaus' own reports before templates and damaged
 * ones, then newest first (ids run newest first).
 */
function ranked(c: Candidates, parts: number, lowered: Set<number>): number[] {
  const buckets: number[][] = Array.from({ length: 2 * (parts + 1) }, () => []);
  for (let i = 0; i < c.ids.length; i++) {
    let title = true;
    let part = 0;
    for (let p = 0; p < c.title.length; p++) {
      if (c.title[p]![i] !== 1) title = false;
      part = Math.max(part, c.from[p]![i]!);
    }
    buckets[2 * (title ? 0 : 1 + part) + (lowered.has(c.ids[i]!) ? 1 : 0)]!.push(i);
  }
  return buckets.flat();
}

/** A facet row with its names resolved. */
interface Facet {
  province: string | null;
  city: string | null;
  kind: string;
  years: number[];
}

/** Facet chunks already decoded, by the chunk object the source hands out (the browser's source hands out the same one each time). */
const decodedChunks = new WeakMap<FacetChunk, Facet[]>();

function decodeChunk(chunk: FacetChunk, m: SearchManifest): Facet[] {
  let rows = decodedChunks.get(chunk);
  if (!rows) {
    rows = chunk.p.map((place, i) => {
      const [p, city] = m.places[place] ?? [-1, -1];
      const mask = chunk.y[i]!;
      return {
        province: m.provinces[p] ?? null,
        city: m.cities[city] ?? null,
        kind: m.kinds[Number(chunk.k[i])]?.value ?? '',
        years: m.years.filter((_, bit) => Math.floor(mask / 2 ** bit) % 2 === 1),
      };
    });
    decodedChunks.set(chunk, rows);
  }
  return rows;
}

/** The filter values of these reports, from the chunks that hold them. */
async function facetsFor(source: SearchSource, ids: number[]): Promise<Map<number, Facet>> {
  const m = source.manifest;
  const chunks = new Map<number, Facet[]>();
  await Promise.all(
    [...new Set(ids.map((id) => Math.floor(id / m.facetChunk)))].map(async (c) => {
      chunks.set(c, decodeChunk(await source.facets(c), m));
    }),
  );
  return new Map(ids.map((id) => [id, chunks.get(Math.floor(id / m.facetChunk))![id % m.facetChunk]!]));
}

function passes(f: Facet, filters: SearchFilters, skip?: keyof SearchFilters): boolean {
  return (
    (skip === 'province' || !filters.province || f.province === filters.province) &&
    (skip === 'city' || !filters.city || f.city === filters.city) &&
    (skip === 'year' || !filters.year || f.years.includes(Number(filters.year))) &&
    (skip === 'kind' || !filters.kind || f.kind === filters.kind)
  );
}

function countFacets(facets: Map<number, Facet>, ids: number[], filters: SearchFilters): Facets {
  const count = (key: keyof SearchFilters, values: (f: Facet) => (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const f = facets.get(id)!;
      if (!passes(f, filters, key)) continue;
      for (const v of values(f)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-Hans-CN'));
  };
  return {
    province: count('province', (f) => [f.province]),
    city: count('city', (f) => [f.city]),
    year: count('year', (f) => f.years.map(String)),
    kind: count('kind', (f) => [f.kind]),
  };
}

/** Filter counts over a result's candidates: loaded after the results show when the first query did not ask for them. */
export async function facetCounts(source: SearchSource, result: SearchResult, filters: SearchFilters): Promise<Facets> {
  return result.facets ?? countFacets(await facetsFor(source, result.pool), result.pool, filters);
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
  const find = (part: SearchPart) => part.find(([, text]) => foldText(text).includes(phrase));
  const first = find(await source.part(id, start));
  if (first) return { anchor: first[0], text: first[1] };
  const rest = await Promise.all(Array.from({ length: source.manifest.parts - start - 1 }, (_, k) => source.part(id, start + 1 + k)));
  for (const part of rest) {
    const found = find(part);
    if (found) return { anchor: found[0], text: found[1] };
  }
  return null;
}

/** The hit for a candidate, checked against its title, region and text: null when a phrase is not there verbatim. */
async function check(source: SearchSource, c: Candidates, i: number, phrases: string[], verify: boolean): Promise<SearchHit | null> {
  const id = c.ids[i]!;
  const needsText = (phrase: string) => verify && /\p{Script=Han}/u.test(phrase) && phrase.length >= 3;
  // The metadata and the first part to read travel together.
  const meta = metaOf(source, id);
  const first = phrases.findIndex(needsText);
  if (first >= 0 && c.from[first]![i]! >= 0) void source.part(id, c.from[first]![i]!).catch(() => undefined);
  const row = await meta;
  const head = foldText(`${row[1]}\n${row[8]}`);
  let best: { anchor: string | null; text: string } | null = null;
  for (const [p, phrase] of phrases.entries()) {
    if (!needsText(phrase)) continue;
    if (c.title[p]![i] === 1 && head.includes(phrase)) continue;
    const found = c.from[p]![i]! >= 0 ? await locate(source, id, phrase, c.from[p]![i]!) : null;
    if (!found) return null;
    if (p === 0) best = found;
  }
  const from = c.from[0]![i]!;
  if (!best && from < 0) best = { anchor: null, text: headText(row, phrases[0]!) };
  return { id, meta: row, anchor: best?.anchor ?? null, snippet: best ? snippet(best.text, phrases) : [], from };
}

/** The title when it holds the phrase, else the region names and issuer. */
function headText(meta: SearchMeta, phrase: string): string {
  return foldText(meta[1]).includes(phrase) ? meta[1] : meta[8];
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
 * or in the title and region), ranked title-and-region hits first, then by the part of the text
 * the query first occurs in, then newest first; the results shown are checked against the text
 * so that scattered bigrams never count as a match (all of them when there are few, making the
 * count exact). Loads only the shards, metadata, filter values and text parts the query needs.
 */
export async function runSearch(source: SearchSource, rawQuery: string, filters: SearchFilters, options: SearchOptions): Promise<SearchResult> {
  const query = foldQuery(Array.from(rawQuery.trim()).slice(0, maxQueryLength).join(''), source.pairs);
  const phrases = queryPhrases(query);
  const filtering = Object.values(filters).some(Boolean);
  if (phrases.length === 0) {
    return filtering ? listReports(source, filters, options) : { query: '', total: 0, exact: true, confirmed: 0, hits: [], facets: noFacets, pool: [] };
  }
  const m = source.manifest;
  const loaded = new Map<number, SearchShard>();
  const shardIds = new Set(phrases.flatMap(queryTerms).map((t) => shardOf(t, m.shards)));
  await Promise.all([...shardIds].map(async (n) => loaded.set(n, await source.shard(n))));
  const c = candidatesOf(phrases, loaded, m.shards);
  const sort = options.sort ?? 'relevance';
  const order = sort === 'relevance' ? ranked(c, m.parts, loweredOf(m)) : c.ids.map((_, i) => (sort === 'newest' ? i : c.ids.length - 1 - i));

  const facets = filtering || options.facets ? await facetsFor(source, c.ids) : null;
  const keep = (i: number) => !filtering || passes(facets!.get(c.ids[i]!)!, filters);

  // Bigrams can be scattered through a text: a phrase of three or more characters is only a
  // match once the text shows it. Few candidates are all checked, so the count is exact.
  const verify = phrases.some((p) => /\p{Script=Han}/u.test(p) && p.length >= 3);
  const rejected = new Set<number>();
  const hits: SearchHit[] = [];
  let exact = true;
  let found: number;
  if (verify && order.length <= verifyAll) {
    const checked = await Promise.all(order.map((i) => check(source, c, i, phrases, true)));
    order.forEach((i, k) => checked[k] === null && rejected.add(i));
    hits.push(...checked.filter((h, k): h is SearchHit => h !== null && keep(order[k]!)).slice(0, options.limit));
    found = Infinity;
  } else {
    const wanted = order.filter(keep);
    let at = 0;
    while (hits.length < options.limit && at < wanted.length) {
      // After a batch with misses, check enough more at once for the rate seen so far, so
      // a query whose bigrams often occur apart costs a few round trips, not one per miss.
      const rate = at === 0 ? 1 : Math.max(0.1, hits.length / at);
      const batch = wanted.slice(at, at + Math.ceil((options.limit - hits.length) / rate));
      at += batch.length;
      const checked = await Promise.all(batch.map((i) => check(source, c, i, phrases, verify)));
      batch.forEach((i, k) => checked[k] === null && rejected.add(i));
      hits.push(...checked.filter((h): h is SearchHit => h !== null));
    }
    found = verify ? hits.length : Infinity;
    hits.splice(options.limit);
    exact = !verify || at >= wanted.length;
  }
  const pool: number[] = [];
  let total = 0;
  for (const i of order) {
    if (rejected.has(i)) continue;
    pool.push(c.ids[i]!);
    if (keep(i)) total++;
  }
  const done = options.snippets ? await Promise.all(hits.map((h) => withSnippet(source, h, query))) : hits;
  return { query, total, exact, confirmed: Math.min(found, total), hits: done, facets: facets ? countFacets(facets, pool, filters) : null, pool };
}

/** Every report passing the filters, newest first (or oldest first): a search with no query. */
async function listReports(source: SearchSource, filters: SearchFilters, options: SearchOptions): Promise<SearchResult> {
  const all = Array.from({ length: source.manifest.docs }, (_, id) => id);
  const facets = await facetsFor(source, all);
  const ids = all.filter((id) => passes(facets.get(id)!, filters));
  if (options.sort === 'oldest') ids.reverse();
  const hits = await Promise.all(ids.slice(0, options.limit).map(async (id): Promise<SearchHit> => ({ id, meta: await metaOf(source, id), anchor: null, snippet: [], from: -1 })));
  return { query: '', total: ids.length, exact: true, confirmed: ids.length, hits, facets: countFacets(facets, all, filters), pool: all };
}

/** Filter values of every report, by doc id: what a trend counts its years and region from. */
export async function allFacets(source: SearchSource): Promise<{ province: string | null; city: string | null; kind: string; years: number[] }[]> {
  const facets = await facetsFor(source, Array.from({ length: source.manifest.docs }, (_, id) => id));
  return Array.from({ length: source.manifest.docs }, (_, id) => facets.get(id)!);
}

/**
 * Reports holding a query, as doc ids: from the postings alone when that is exact (every phrase of
 * one or two characters, or Latin and digits), else checked against the texts when there are at
 * most `checkUpTo` candidates. `exact` is false when candidates were left unchecked.
 */
export async function matchingIds(source: SearchSource, rawQuery: string, checkUpTo: number): Promise<{ query: string; ids: number[]; exact: boolean }> {
  const query = foldQuery(Array.from(rawQuery.trim()).slice(0, maxQueryLength).join(''), source.pairs);
  const phrases = queryPhrases(query);
  if (phrases.length === 0) return { query, ids: [], exact: true };
  const m = source.manifest;
  const loaded = new Map<number, SearchShard>();
  await Promise.all([...new Set(phrases.flatMap(queryTerms).map((t) => shardOf(t, m.shards)))].map(async (n) => loaded.set(n, await source.shard(n))));
  const c = candidatesOf(phrases, loaded, m.shards);
  const verify = phrases.some((p) => /\p{Script=Han}/u.test(p) && p.length >= 3);
  if (!verify) return { query, ids: c.ids, exact: true };
  if (c.ids.length > checkUpTo) return { query, ids: c.ids, exact: false };
  const checked = await Promise.all(c.ids.map((_, i) => check(source, c, i, phrases, true)));
  return { query, ids: checked.filter((h): h is SearchHit => h !== null).map((h) => h.id), exact: true };
}
