import { anchoredText } from '../anchored-text.ts';
import { byNewest, kindLabel, regionLabel, regionNames, yearsOf } from '../catalogue.ts';
import { reportNotes } from '../report-notes.ts';
import { reportKindSchema, type Report } from '../report-schema.ts';
import { encodeFacets } from './facets.ts';
import type { FacetChunk, MetaRow, SearchManifest, SearchPart } from './format.ts';
import { encodeMeta, type SearchMeta } from './meta.ts';
import { encodeGaps } from './postings.ts';
import { encodeShard, partRadix } from './shard.ts';
import { metaChunk } from './files.ts';
import type { TableLocation } from './pack.ts';
import { forEachTermKey, shardOf, termOfKey, type TermKey } from './tokens.ts';

/** A report as the search index needs it: its slug, whole frontmatter and Markdown body. */
export interface IndexedReport {
  id: string;
  data: Report;
  body: string;
}

/** One report's searchable text, in memory while the index is built. */
export interface SearchDoc {
  title: string;
  /** Region names and issuer, space-separated. */
  regionAndIssuer: string;
  /** `[anchor, text]` for every heading and paragraph, in order. */
  paragraphs: [string, string][];
}

/** The whole search index, ready to be written as static files (see format.ts). */
export interface SearchIndex {
  manifest: SearchManifest;
  /** Each shard's bytes (see shard.ts), before compression. */
  shards: Uint8Array[];
  /** The `meta/<c>.json` files' rows. */
  meta: MetaRow[][];
  facets: FacetChunk[];
  docs: SearchDoc[];
  /** Each report's text in parts, by doc id. */
  parts: SearchPart[][];
  /** Doc id of each slug. */
  ids: Map<string, number>;
}

/** Reports per facet file: filter values, loaded for all candidates once the results show. */
const facetChunk = 5000;
/**
 * Parts a report's text is cut into, at paragraph boundaries by character offset. A posting
 * records the part where its term first occurs, which ranks early mentions first and tells the
 * browser which part to fetch for a snippet: a phrase never occurs before the part of any of
 * its bigrams' first occurrences, so checking a candidate starts there. At most `partRadix`,
 * the parts a shard's posting numbers hold.
 */
export const partCount = 8;

/**
 * Posting numbers per shard to aim for (two a text posting, one a title posting): some 1,500
 * postings, about 1.5 KB before compression (see shard.ts). A query fetches whole shards, so
 * whatever else shares its terms' shards is bytes it did not ask for.
 */
const shardNumbers = 3000;

/** Shard count for this many posting numbers: a power of two from 64 to 65536. */
export function shardCount(numbers: number): number {
  let n = 64;
  while (n < 65536 && n * shardNumbers < numbers) n *= 2;
  return n;
}

/** The part (0 … partCount − 1) of each paragraph, by where the paragraph starts in the text. */
export function partsOf(paragraphs: SearchPart): number[] {
  const total = paragraphs.reduce((n, [, text]) => n + text.length + 1, 0);
  let offset = 0;
  return paragraphs.map(([, text]) => {
    const part = Math.min(partCount - 1, Math.floor((offset * partCount) / Math.max(1, total)));
    offset += text.length + 1;
    return part;
  });
}

/** A report's paragraphs grouped into its parts, empty parts included. */
export function splitParts(paragraphs: SearchPart): SearchPart[] {
  const out: SearchPart[] = Array.from({ length: partCount }, () => []);
  partsOf(paragraphs).forEach((k, i) => out[k]!.push(paragraphs[i]!));
  return out;
}

/** The distinct terms of a report's texts, each with the part of its first occurrence. */
function firstOccurrences(texts: [number, string][]): Map<TermKey, number> {
  const first = new Map<TermKey, number>();
  for (const [part, text] of texts) {
    forEachTermKey(text, (key) => {
      if (!first.has(key)) first.set(key, part);
    });
  }
  return first;
}

/**
 * A growing list of 32-bit integers: a term's postings, `id × partRadix + part` each (see shard.ts), at 4 bytes
 * a posting rather than the 16 two JavaScript numbers in an array take (100,000 reports hold
 * some 230 million postings).
 */
class PostingList {
  items = new Int32Array(4);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

/** Appends a document's distinct terms to the postings, each with the part of its first occurrence. */
function addPostings(postings: Map<TermKey, PostingList>, id: number, terms: Map<TermKey, number>): void {
  for (const [key, part] of terms) {
    let list = postings.get(key);
    if (!list) postings.set(key, (list = new PostingList()));
    list.push(id * partRadix + part);
  }
}

/** One report as added to the index: its doc id, searchable text and that text in parts. */
export interface AddedDoc {
  id: number;
  doc: SearchDoc;
  parts: SearchPart[];
}

/**
 * Builds the sharded search index one report at a time, keeping only integer postings and one
 * metadata row per report, so a writer can stream reports from disk and write each report's
 * text parts as it goes. Reports must be added newest first (`byNewest`): doc ids are the order
 * of adding, so the smallest id is the newest report and a year filter is a contiguous range.
 * Every Han character and bigram of a report (see `forEachTermKey`) gets a posting with the part
 * of its first occurrence (0 = near the start); postings are sharded by a hash of the term so
 * the browser fetches only the shards a query's terms live in. Output is deterministic for the
 * same reports in the same order.
 */
export class SearchIndexBuilder {
  readonly #body = new Map<TermKey, PostingList>();
  readonly #title = new Map<TermKey, PostingList>();
  readonly #meta: SearchMeta[] = [];

  /** Adds the next report; returns its id and text for the caller to write. */
  add(report: IndexedReport): AddedDoc {
    const { data } = report;
    const id = this.#meta.length;
    const doc: SearchDoc = {
      title: data.title,
      regionAndIssuer: [...regionNames(data.region), data.issuer ?? ''].join(' ').trim(),
      paragraphs: anchoredText(report),
    };
    const parts = splitParts(doc.paragraphs);
    addPostings(this.#body, id, firstOccurrences(parts.flatMap((part, k) => part.map(([, text]): [number, string] => [k, text]))));
    addPostings(this.#title, id, firstOccurrences([[0, `${doc.title}\n${doc.regionAndIssuer}`]]));
    this.#meta.push({
      slug: report.id,
      title: data.title,
      region: regionLabel(data.region),
      province: data.region.province,
      city: data.region.city,
      years: yearsOf(data),
      kind: data.kind,
      posted: data.posted,
      regionAndIssuer: doc.regionAndIssuer,
      notes: reportNotes(data),
      table: [0, 0],
    });
    return { id, doc, parts };
  }

  /** Records where report `id`'s page's Traditional table was written in its table pack. */
  locate(id: number, table: TableLocation): void {
    this.#meta[id]!.table = table;
  }

  /** Report `id`'s listing row as the metadata files store it. */
  row(id: number): MetaRow {
    return encodeMeta(this.#meta[id]!);
  }

  /** How many shards the postings added so far are cut into. */
  shardCount(): number {
    let numbers = 0;
    for (const list of this.#body.values()) numbers += list.length * 2;
    for (const list of this.#title.values()) numbers += list.length;
    return shardCount(numbers);
  }

  /**
   * The shards, one at a time, each term's postings released once its shard is made, so the
   * postings are never held twice. Within a shard, terms keep their first-seen order, which is
   * deterministic: no sort needed. Call once, after the last `add`.
   */
  *shards(): Generator<Uint8Array> {
    const count = this.shardCount();
    const keysOf = (postings: Map<TermKey, PostingList>): TermKey[][] => {
      const byShard: TermKey[][] = Array.from({ length: count }, () => []);
      for (const key of postings.keys()) byShard[shardOf(termOfKey(key), count)]!.push(key);
      return byShard;
    };
    const body = keysOf(this.#body);
    const title = keysOf(this.#title);
    const lists = (postings: Map<TermKey, PostingList>, keys: TermKey[]) =>
      keys.map((key): [string, Int32Array] => {
        const list = postings.get(key)!;
        postings.delete(key);
        return [termOfKey(key), list.items.subarray(0, list.length)];
      });
    for (let n = 0; n < count; n++) {
      const titles = lists(this.#title, title[n]!);
      for (const [, items] of titles) for (let i = 0; i < items.length; i++) items[i] = items[i]! / partRadix;
      yield encodeShard(lists(this.#body, body[n]!), titles);
    }
  }

  /** The manifest, metadata chunks and facet chunks of the reports added, for `shards` shards. */
  tables(shards: number): Pick<SearchIndex, 'manifest' | 'meta' | 'facets'> {
    const meta = this.#meta;
    const chunks: MetaRow[][] = [];
    for (let i = 0; i < meta.length; i += metaChunk) chunks.push(meta.slice(i, i + metaChunk).map(encodeMeta));
    const kinds = reportKindSchema.options.map((value) => ({ value, label: kindLabel(value) }));
    const facets = encodeFacets(meta, kinds, facetChunk);
    const lowered = meta.flatMap((m, id) => (m.notes ? [id] : []));
    return {
      manifest: {
        version: 6,
        docs: meta.length,
        shards,
        parts: partCount,
        metaChunk,
        facetChunk,
        ...facets.vocabulary,
        lowered: encodeGaps(lowered),
      },
      meta: chunks,
      facets: facets.chunks,
    };
  }
}

/** The whole search index in memory, for tests and the benchmark; the build streams it with `SearchIndexBuilder`. */
export function buildSearchIndex(reports: IndexedReport[]): SearchIndex {
  const ordered = [...reports].sort(byNewest);
  const builder = new SearchIndexBuilder();
  const added = ordered.map((report) => builder.add(report));
  const count = builder.shardCount();
  const shards = [...builder.shards()];
  return {
    ...builder.tables(count),
    shards,
    docs: added.map((a) => a.doc),
    parts: added.map((a) => a.parts),
    ids: new Map(ordered.map((report, id) => [report.id, id])),
  };
}
