import type { FacetChunk, SearchManifest, SearchMeta, SearchPart, SearchShard } from './search-build.ts';
import type { SearchSource } from './search-query.ts';

/** Where each search index file lives, relative to `/search/`: the one place that knows the layout. */
export const searchFiles = {
  manifest: 'manifest.json',
  /** The Traditional → Simplified pair table, `{ pairs }`. */
  pairs: 't2s.json',
  shard: (n: number) => `shard/${n}.json`,
  meta: (chunk: number) => `meta/${chunk}.json`,
  facets: (chunk: number) => `facets/${chunk}.json`,
  part: (id: number, k: number) => `part/${k}/${id}.json`,
};

/** A search source over the index files, each read and parsed by `read` (given a path from `searchFiles`). */
export function filesSource(manifest: SearchManifest, pairs: string, read: (path: string) => Promise<unknown>): SearchSource {
  return {
    manifest,
    pairs,
    shard: (n) => read(searchFiles.shard(n)) as Promise<SearchShard>,
    meta: (chunk) => read(searchFiles.meta(chunk)) as Promise<SearchMeta[]>,
    facets: (chunk) => read(searchFiles.facets(chunk)) as Promise<FacetChunk>,
    part: (id, k) => read(searchFiles.part(id, k)) as Promise<SearchPart>,
  };
}
