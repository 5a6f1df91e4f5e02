import type { FacetRow, SearchDoc, SearchManifest, SearchMeta, SearchShard } from './search-build.ts';
import { foldText, queryPhrases, queryTerms, shardOf } from './search-tokens.ts';

/** Where the search reads its index from: files over HTTP in the browser, memory in tests. */
export interface SearchSource {
  manifest: SearchManifest;
  shard(n: number): Promise<SearchShard>;
  meta(chunk: number): Promise<SearchMeta[]>;
  facets(chunk: number): Promise<FacetRow[]>;
  doc(id: number): Promise<SearchDoc>;
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
}

/** Counts of each filter value among the results (ignoring that filter itself). */
export type Facets = Record<keyof SearchFilters, [string, number][]>;

/** A page of results. */
export interface SearchResult {
  query: string;
  total: number;
  /** False when some candidates were not checked against their text, so `total` is an upper bound. */
  exact: boolean;
  hits: SearchHit[];
  facets: Facets;
}

/** Candidates up to this many are all checked against their text, making the count exact. */
const verifyAll = 20;

/** Folds Traditional characters to Simplified with the pair table, then full-width forms. */
export function foldQuery(query: string, pairs: string): string {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs[i]!, pairs[i + 1]!);
  // Characters, not grapheme clusters: the table maps single code points.
  return foldText(Array.from(query, (ch) => map.get(ch) ?? ch).join(''));
}

function decodeBody(list: number[] | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (!list) return out;
  let id = 0;
  for (let i = 0; i + 1 < list.length; i += 2) {
    id += list[i]!;
    out.set(id, list[i + 1]!);
  }
  return out;
}

function decodeTitle(list: number[] | undefined): Set<number> {
  const out = new Set<number>();
  let id = 0;
  for (const delta of list ?? []) out.add((id += delta));
  return out;
}

/** Whether every phrase occurs verbatim in the report's title, region or text. */
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

function bestHit(doc: SearchDoc, phrases: string[]): { anchor: string | null; text: string } {
  const title = foldText(doc.t);
  for (const [anchor, text] of doc.p) if (foldText(text).includes(phrases[0]!)) return { anchor, text };
  return { anchor: null, text: phrases.some((p) => title.includes(p)) ? doc.t : doc.r };
}

/** A facet row with its names resolved. */
interface Facet {
  province: string | null;
  city: string | null;
  kind: string;
  years: number[];
}

function facetOf(row: FacetRow, m: SearchManifest): Facet {
  return { province: m.provinces[row[0]] ?? null, city: m.cities[row[1]] ?? null, kind: m.kinds[row[2]]?.value ?? '', years: row[3] };
}

function passes(f: Facet, filters: SearchFilters, skip?: keyof SearchFilters): boolean {
  return (
    (skip === 'province' || !filters.province || f.province === filters.province) &&
    (skip === 'city' || !filters.city || f.city === filters.city) &&
    (skip === 'year' || !filters.year || f.years.includes(Number(filters.year))) &&
    (skip === 'kind' || !filters.kind || f.kind === filters.kind)
  );
}

function facetsOf(facets: Map<number, Facet>, ids: number[], filters: SearchFilters): Facets {
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

/** Fills in a hit's snippet and best anchor from its report's text. */
export async function withSnippet(source: SearchSource, hit: SearchHit, query: string): Promise<SearchHit> {
  if (hit.snippet.length) return hit;
  const best = bestHit(await source.doc(hit.id), queryPhrases(query));
  return { ...hit, anchor: best.anchor, snippet: snippet(best.text, queryPhrases(query)) };
}

/**
 * Runs a query: candidates from the gram postings (every bigram of each phrase, in the text or
 * in the title and region), ranked title-and-region hits first, then by how early the text
 * mentions the query, then newest first; then checked against the report's text so that scattered
 * bigrams never count as a match. Loads only the shards, metadata and texts the query needs;
 * with `withSnippets` false, results whose text was not needed come back without a snippet,
 * to be filled in by `withSnippet` as their texts arrive.
 */
export async function runSearch(source: SearchSource, rawQuery: string, filters: SearchFilters, limit = 10, withSnippets = true): Promise<SearchResult> {
  const query = foldQuery(rawQuery.trim(), source.pairs);
  const phrases = queryPhrases(query);
  const empty: SearchResult = { query, total: 0, exact: true, hits: [], facets: { province: [], city: [], year: [], kind: [] } };
  if (phrases.length === 0) return empty;
  const shards = source.manifest.shards;
  const terms = [...new Set(phrases.flatMap(queryTerms))];
  const loaded = new Map<number, SearchShard>();
  await Promise.all([...new Set(terms.map((t) => shardOf(t, shards)))].map(async (n) => loaded.set(n, await source.shard(n))));

  type Candidate = { title: boolean; slot: number };
  const perPhrase = phrases.map((phrase) => {
    const found = new Map<number, Candidate>();
    const phraseTerms = queryTerms(phrase);
    const bodies = phraseTerms.map((t) => decodeBody(loaded.get(shardOf(t, shards))!.b[t]));
    const titles = phraseTerms.map((t) => decodeTitle(loaded.get(shardOf(t, shards))!.t[t]));
    for (const [id, slot] of bodies[0]!) {
      if (bodies.every((b) => b.has(id))) found.set(id, { title: false, slot: Math.max(slot, ...bodies.map((b) => b.get(id)!)) });
    }
    for (const id of titles[0]!) if (titles.every((t) => t.has(id))) found.set(id, { title: true, slot: 0 });
    return found;
  });
  const candidates = new Map<number, Candidate>();
  for (const [id, first] of perPhrase[0]!) {
    const all = perPhrase.map((m) => m.get(id));
    if (all.every(Boolean)) candidates.set(id, { title: all.every((c) => c!.title), slot: Math.max(first.slot, ...all.map((c) => c!.slot)) });
  }
  const ranked = [...candidates].sort((a, b) => Number(b[1].title) - Number(a[1].title) || a[1].slot - b[1].slot || a[0] - b[0]).map(([id]) => id);

  const manifest = source.manifest;
  const facets = new Map<number, Facet>();
  await Promise.all(
    [...new Set(ranked.map((id) => Math.floor(id / manifest.facetChunk)))].map(async (c) => {
      (await source.facets(c)).forEach((row, i) => facets.set(c * manifest.facetChunk + i, facetOf(row, manifest)));
    }),
  );

  // Bigrams can be scattered through a text: a phrase of three or more characters is only a
  // match once the text shows it. Few candidates are all checked, so the count is exact.
  const needsText = phrases.some((p) => /\p{Script=Han}/u.test(p) && p.length >= 3);
  const docs = new Map<number, SearchDoc>();
  const fetchDocs = (ids: number[]) => Promise.all(ids.filter((id) => !docs.has(id)).map(async (id) => docs.set(id, await source.doc(id))));
  let pool = ranked;
  let exact = true;
  if (needsText && ranked.length <= verifyAll) {
    await fetchDocs(ranked);
    pool = ranked.filter((id) => docMatches(docs.get(id)!, phrases));
  }
  let filtered = pool.filter((id) => passes(facets.get(id)!, filters));
  const page: number[] = [];
  if (needsText && ranked.length > verifyAll) {
    exact = false;
    let at = 0;
    while (page.length < limit && at < filtered.length) {
      const batch = filtered.slice(at, at + limit - page.length);
      at += batch.length;
      await fetchDocs(batch);
      page.push(...batch.filter((id) => docMatches(docs.get(id)!, phrases)));
    }
    const rejected = filtered.slice(0, at).filter((id) => !page.includes(id));
    filtered = filtered.filter((id) => !rejected.includes(id));
    pool = pool.filter((id) => !rejected.includes(id));
    if (at >= filtered.length + rejected.length) exact = true;
  } else {
    page.push(...filtered.slice(0, limit));
  }
  const metaChunk = manifest.metaChunk;
  const metas = new Map<number, SearchMeta>();
  await Promise.all([
    withSnippets ? fetchDocs(page) : Promise.resolve(),
    ...[...new Set(page.map((id) => Math.floor(id / metaChunk)))].map(async (c) => {
      (await source.meta(c)).forEach((m, i) => metas.set(c * metaChunk + i, m));
    }),
  ]);
  const hits = page.map((id) => {
    const doc = docs.get(id);
    if (!doc) return { id, meta: metas.get(id)!, anchor: null, snippet: [] };
    const best = bestHit(doc, phrases);
    return { id, meta: metas.get(id)!, anchor: best.anchor, snippet: snippet(best.text, phrases) };
  });
  return { query, total: filtered.length, exact, hits, facets: facetsOf(facets, pool, filters) };
}
