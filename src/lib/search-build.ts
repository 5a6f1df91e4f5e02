import { Encoder, Index } from 'flexsearch';
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

/** What the browser loads first: sizes and the filter vocabularies. */
export interface SearchManifest {
  version: 1;
  docs: number;
  shards: number;
  metaChunk: number;
  provinces: string[];
  years: number[];
  kinds: { value: string; label: string }[];
}

/** The whole search index, ready to be written as static files. */
export interface SearchIndex {
  manifest: SearchManifest;
  shards: SearchShard[];
  meta: SearchMeta[][];
  docs: SearchDoc[];
}

/** Reports per metadata file. */
const metaChunk = 100;
/** Position slots flexsearch records per term: 0 = near the start of the text. */
const resolution = 9;

/** Shard count: about one shard per eight reports, a power of two between 64 and 4096. */
export function shardCount(docs: number): number {
  let n = 64;
  while (n < 4096 && n * 8 < docs) n *= 2;
  return n;
}

type ExportedMap = [string, (number[] | null)[]][];

/** Postings per term out of a flexsearch index, through its public export: id and earliest slot. */
function postingsOf(index: Index): Map<string, [number, number][]> {
  const postings = new Map<string, [number, number][]>();
  index.export((key: string, data: string) => {
    if (!key.endsWith('map') || !data) return;
    for (const [term, slots] of JSON.parse(data) as ExportedMap) {
      const byDoc = new Map<number, number>();
      slots.forEach((ids, slot) => {
        for (const id of ids ?? []) if (!byDoc.has(id)) byDoc.set(id, slot);
      });
      const list = postings.get(term) ?? [];
      for (const [id, slot] of byDoc) list.push([id, slot]);
      postings.set(term, list);
    }
  });
  for (const list of postings.values()) list.sort((a, b) => a[0] - b[0]);
  return postings;
}

/**
 * Builds the sharded search index. Doc ids run newest first, so the smallest id is the newest
 * report and a year filter is a contiguous range. flexsearch indexes the text with our
 * Han-gram encoder; its postings are re-sharded by a hash of the term so the browser fetches
 * only the shards a query's terms live in. Output is deterministic for the same reports.
 */
export function buildSearchIndex(sources: SearchSource[]): SearchIndex {
  const ordered = [...sources].sort(byNewest);
  // Our terms replace flexsearch's splitting, which indexes a Chinese clause as one term.
  const encoder = new Encoder({ normalize: false, split: false, numeric: false, dedupe: false, minlength: 1, finalize: (terms) => terms.flatMap(indexTerms) });
  const body = new Index({ tokenize: 'strict', encoder, resolution });
  const title = new Index({ tokenize: 'strict', encoder, resolution: 1 });
  const docs: SearchDoc[] = [];
  const meta: SearchMeta[] = [];
  ordered.forEach((source, id) => {
    const { data } = source;
    const names = regionNames(data.region);
    const doc: SearchDoc = { t: data.title, r: [...names, data.issuer ?? ''].join(' ').trim(), p: anchoredText(source) };
    docs.push(doc);
    body.add(id, doc.p.map(([, text]) => text).join('\n'));
    title.add(id, `${doc.t}\n${doc.r}`);
    meta.push([source.id, data.title, names.join(' ') || '地区不详', data.region.province, data.region.city, yearsOf(data), data.kind, data.posted]);
  });
  const shards = shardCount(docs.length);
  const out: SearchShard[] = Array.from({ length: shards }, () => ({ b: {}, t: {} }));
  for (const [term, list] of postingsOf(body)) {
    const flat: number[] = [];
    let previous = 0;
    for (const [id, slot] of list) {
      flat.push(id - previous, slot);
      previous = id;
    }
    out[shardOf(term, shards)]!.b[term] = flat;
  }
  for (const [term, list] of postingsOf(title)) {
    let previous = 0;
    out[shardOf(term, shards)]!.t[term] = list.map(([id]) => {
      const delta = id - previous;
      previous = id;
      return delta;
    });
  }
  const chunks: SearchMeta[][] = [];
  for (let i = 0; i < meta.length; i += metaChunk) chunks.push(meta.slice(i, i + metaChunk));
  const kinds = (['summary', 'plan', 'summary-plan'] as const).map((value) => ({ value, label: kindLabel(value) }));
  return {
    manifest: {
      version: 1,
      docs: docs.length,
      shards,
      metaChunk,
      provinces: [...new Set(meta.map((m) => m[3]).filter((p): p is string => p !== null))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')),
      years: [...new Set(meta.flatMap((m) => m[5]))].sort((a, b) => b - a),
      kinds,
    },
    shards: out,
    meta: chunks,
    docs,
  };
}
