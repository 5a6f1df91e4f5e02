/** Where each search index file lives, relative to `/search/`: the one place that knows the layout (see format.ts). */
export const searchFiles = {
  manifest: 'manifest.json',
  /** The Traditional → Simplified pair table, `{ pairs }`. */
  pairs: 't2s.json',
  shard: (n: number) => `shard/${n}.json`,
  meta: (chunk: number) => `meta/${chunk}.json`,
  facets: (chunk: number) => `facets/${chunk}.json`,
  part: (id: number, k: number) => `part/${k}/${id}.json`,
};
