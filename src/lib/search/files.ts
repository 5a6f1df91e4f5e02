/** Reports per metadata file (`meta/<c>.json`): listing rows, loaded for the results shown. */
export const metaChunk = 25;
/** Shards per shard pack file: `shard/<g>.bin` holds shards g × shardsPerPack … (g + 1) × shardsPerPack − 1. */
export const shardsPerPack = 64;
/** Reports per text and table pack file: `text/<p>.bin` and `traditional/<p>.bin` hold those of ids p × reportsPerPack … (p + 1) × reportsPerPack − 1. */
export const reportsPerPack = 500;

/** Where each search index file lives, relative to `/search/`: the one place that knows the layout (see format.ts). */
export const searchFiles = {
  manifest: 'manifest.json',
  /** The Traditional → Simplified pair table, `{ pairs }`. */
  pairs: 't2s.json',
  /** The shard directory: every shard's slot length (see `slotUnit` in pack.ts), loaded with the manifest. */
  shardDirectory: 'shards.bin',
  /** The pack holding shard n. */
  shardPack: (n: number) => `shard/${Math.floor(n / shardsPerPack)}.bin`,
  meta: (chunk: number) => `meta/${chunk}.json`,
  facets: (chunk: number) => `facets/${chunk}.json`,
  /** The texts directory: every report's part slot size (see `slotUnit` in pack.ts), loaded with the manifest. */
  textDirectory: 'texts.bin',
  /** The pack holding report id's text parts. */
  textPack: (id: number) => `text/${Math.floor(id / reportsPerPack)}.bin`,
  /** The pack holding report id's page's Traditional table (the 简/繁 switch). */
  tablePack: (id: number) => `traditional/${Math.floor(id / reportsPerPack)}.bin`,
};

/** The files the search opens before any query (`openSearchIndex`), which the search page preloads: without one, nothing can be searched. */
export const openedFiles = [searchFiles.manifest, searchFiles.pairs, searchFiles.shardDirectory, searchFiles.textDirectory];
