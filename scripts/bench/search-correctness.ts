import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDoc, SearchManifest, SearchMeta, SearchPart } from '../../src/lib/search-build.ts';
import { filesSource, searchFiles } from '../../src/lib/search-files.ts';
import { runSearch, type SearchSource } from '../../src/lib/search-query.ts';
import { traditionalPairs } from '../../src/lib/traditional.ts';

/** Recall and precision of a result set against the true set. */
export function score(found: Set<string>, truth: Set<string>): { recall: number; precision: number } {
  const hit = [...found].filter((x) => truth.has(x)).length;
  return { recall: truth.size ? hit / truth.size : 1, precision: found.size ? hit / found.size : 1 };
}

/** Reads a built search index from `dist/search`. */
export function builtSource(dist: string): SearchSource & { slugOf: (id: number) => string; docOf: (id: number) => SearchDoc } {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(dist, 'search', path), 'utf8'));
  const manifest = read(searchFiles.manifest) as SearchManifest;
  const metas = new Map<number, SearchMeta[]>();
  const meta = (n: number) => {
    let m = metas.get(n);
    if (!m) metas.set(n, (m = read(searchFiles.meta(n)) as SearchMeta[]));
    return m;
  };
  // Metadata is read once per chunk: slugOf and docOf ask for it row by row.
  const source = filesSource(manifest, traditionalPairs(), (path) => Promise.resolve(read(path)));
  return {
    ...source,
    meta: (n) => Promise.resolve(meta(n)),
    slugOf: (id) => meta(Math.floor(id / manifest.metaChunk))[id % manifest.metaChunk]![0],
    docOf: (id) => {
      const row = meta(Math.floor(id / manifest.metaChunk))[id % manifest.metaChunk]!;
      const p = Array.from({ length: manifest.parts }, (_, k) => read(searchFiles.part(id, k)) as SearchPart).flat();
      return { t: row[1], r: row[8], p };
    },
  };
}

/** Our search's answer to a query: every result's slug. */
export async function ourAnswer(source: SearchSource, query: string): Promise<Set<string>> {
  const result = await runSearch(source, query, { province: '', city: '', year: '', kind: '' }, { limit: Number.MAX_SAFE_INTEGER, snippets: false, facets: false });
  return new Set(result.hits.map((h) => h.meta[0]));
}
