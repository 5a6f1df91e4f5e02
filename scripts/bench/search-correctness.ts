import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FacetRow, SearchDoc, SearchManifest, SearchMeta, SearchShard } from '../../src/lib/search-build.ts';
import { docMatches, runSearch, type SearchSource } from '../../src/lib/search-query.ts';
import { foldText, queryPhrases } from '../../src/lib/search-tokens.ts';
import { traditionalPairs } from '../../src/lib/traditional.ts';

/** Recall and precision of a result set against the true set. */
export function score(found: Set<string>, truth: Set<string>): { recall: number; precision: number } {
  const hit = [...found].filter((x) => truth.has(x)).length;
  return { recall: truth.size ? hit / truth.size : 1, precision: found.size ? hit / found.size : 1 };
}

/** Reads a built search index from `dist/search`. */
export function builtSource(dist: string): SearchSource & { slugOf: (id: number) => string } {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(dist, 'search', path), 'utf8'));
  const manifest = read('manifest.json') as SearchManifest;
  const metas = new Map<number, SearchMeta[]>();
  const meta = (n: number) => {
    let m = metas.get(n);
    if (!m) metas.set(n, (m = read(`meta/${n}.json`) as SearchMeta[]));
    return m;
  };
  return {
    manifest,
    pairs: traditionalPairs(),
    shard: (n) => Promise.resolve(read(`shard/${n}.json`) as SearchShard),
    meta: (n) => Promise.resolve(meta(n)),
    doc: (n) => Promise.resolve(read(`doc/${n}.json`) as SearchDoc),
    facets: (n) => Promise.resolve(read(`facets/${n}.json`) as FacetRow[]),
    slugOf: (id) => meta(Math.floor(id / manifest.metaChunk))[id % manifest.metaChunk]![0],
  };
}

/** The reports whose title, region or text contains every phrase of the query: brute force. */
export function bruteForce(dist: string, query: string): Set<string> {
  const source = builtSource(dist);
  const phrases = queryPhrases(foldText(query));
  const out = new Set<string>();
  for (let id = 0; id < source.manifest.docs; id++) {
    const doc = JSON.parse(readFileSync(join(dist, 'search', `doc/${id}.json`), 'utf8')) as SearchDoc;
    if (docMatches(doc, phrases)) out.add(source.slugOf(id));
  }
  return out;
}

/** Our search's answer to a query: every result's slug. */
export async function ourAnswer(dist: string, query: string): Promise<Set<string>> {
  const source = builtSource(dist);
  const result = await runSearch(source, query, { province: '', city: '', year: '', kind: '' }, Number.MAX_SAFE_INTEGER);
  return new Set(result.hits.map((h) => h.meta[0]));
}
