/**
 * The search index as it lies on disk under `dist/search/`: JSON files and packs (`.bin`, see
 * pack.ts), written once by the build (`build.ts`, through `src/integrations/write-archive-files.ts`)
 * and read by the browser through `reader.ts`. Paths are in `files.ts`. Doc ids run newest report first (id 0).
 *
 * ```
 * dist/search/
 * ├── manifest.json        SearchManifest: sizes, chunk widths and the filter vocabularies
 * │                        {"version":5,"docs":1000,"shards":64,"parts":8,"metaChunk":25,"facetChunk":5000,
 * │                         "provinces":["广东省",…],"cities":["湛江市",…],"places":[[0,3],[2,-1],…],
 * │                         "years":[2025,2024,…],"kinds":[{"value":"summary","label":"工作总结"},…],
 * │                         "lowered":[3,1,17,…]}                      ← gaps between ids, see postings.ts
 * ├── t2s.json             PairsFile: {"pairs":"雙双減减…"}, Traditional → Simplified, two characters a pair
 * ├── shards.bin           the shard directory: each shard's slot size in 256-byte units, unsigned
 * │                        LEB128 numbers, raw-DEFLATE compressed (loaded with the manifest, see pack.ts)
 * ├── texts.bin            the texts directory: each report's part slot size, the same way
 * ├── shard/<g>.bin        shards g × 64 … g × 64 + 63 (n = shardOf(term, manifest.shards), see tokens.ts),
 * │                        each in a slot: its length (uint32 LE), the packed shard's bytes (see shard.ts), zeros
 * │                        header {"b":[["双减",75403,75980],…],"t":[["湛江",4,4],…]}  ← term, postings, bytes
 * │                        then LEB128 numbers: body gap × 8 + part …, title id gaps …
 * ├── meta/<c>.json        MetaRow[] for ids c × metaChunk … (c + 1) × metaChunk − 1, see meta.ts
 * │                        [["2021-…-summary","…工作总结","广东省 湛江市 麻章区","广东省","湛江市",[2021],
 * │                          "summary","2022-01-05","广东省 湛江市 麻章区 湛江市麻章区教育局",0,
 * │                          [81920,1630]],…]                          ← where its Traditional table lies
 * ├── facets/<c>.json      FacetChunk for ids c × facetChunk …, column by column, see facets.ts
 * │                        {"p":[0,0,5,…],"k":"0120…","y":[2,6,1,…]}  ← place, kind digit, year bit mask
 * ├── text/<p>.bin         the texts of ids p × 500 … p × 500 + 499, one after another: for each report its
 * │                        parts 0 … parts − 1, cut at paragraphs, each a PackedPart in a slot of the
 * │                        report's slot size (texts.bin): its MetaRow, then the part's paragraphs
 * │                        [[…row…],[["sec-1","一、…"],["p-1","…"],…]] ← [anchor, text]
 * └── traditional/<p>.bin  the report pages' packed TraditionalTables, one after another (the 简/繁 switch)
 * ```
 */

import type { TableLocation } from './pack.ts';

/** What the browser loads first: sizes and the filter vocabularies. */
export interface SearchManifest {
  version: 6;
  docs: number;
  shards: number;
  /** Parts each report's text is cut into (values 0 … parts − 1 of its text location). */
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

/** The Traditional → Simplified table queries are folded with: character pairs, `雙双減减…`. */
export interface PairsFile {
  pairs: string;
}

/**
 * One row of search metadata, by position: slug, title, region label, province, city, years,
 * kind, posted, the region names and issuer a title-and-region match is checked against, the
 * report's notes (`reportNotes`: template, damaged) and where its page's Traditional table lies (`TableLocation`).
 * Read it through `decodeMeta`.
 */
export type MetaRow = [
  string,
  string,
  string,
  string | null,
  string | null,
  number[],
  string,
  string | null,
  string,
  number,
  TableLocation,
];

/** A text part as packed: the report's listing row (so a check against the text needs no metadata file) and the part's paragraphs. */
export type PackedPart = [MetaRow, SearchPart];

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

/** A stretch of a report's text: `[anchor, text]` for each of its headings and paragraphs. */
export type SearchPart = [string, string][];
