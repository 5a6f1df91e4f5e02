import { anchoredText } from '../anchored-text.ts';
import { byNewest, kindLabel, regionLabel, regionNames, yearsOf, type Entry } from '../catalogue.ts';
import { reportNotes } from '../report-notes.ts';
import { reportKindSchema } from '../report-schema.ts';
import { encodeFacets } from './facets.ts';
import type { FacetChunk, MetaRow, SearchManifest, SearchPart, SearchShard } from './format.ts';
import { encodeMeta, type SearchMeta } from './meta.ts';
import { encodeBodyPosting, encodeGaps } from './postings.ts';
import { forEachTermKey, shardOf, termOfKey, type TermKey } from './tokens.ts';

/** A report as the search index needs it: its entry and its Markdown body. */
export interface IndexedReport extends Entry {
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
  shards: SearchShard[];
  /** The `meta/<c>.json` files' rows. */
  meta: MetaRow[][];
  facets: FacetChunk[];
  docs: SearchDoc[];
  /** Each report's text in parts, by doc id. */
  parts: SearchPart[][];
  /** Doc id of each slug. */
  ids: Map<string, number>;
}

/** Reports per metadata file: listing rows, loaded for the results shown. */
const metaChunk = 50;
/** Reports per facet file: filter values, loaded for all candidates once the results show. */
const facetChunk = 5000;
/**
 * Parts a report's text is cut into, at paragraph boundaries by character offset. A posting
 * records the part where its term first occurs, which ranks early mentions first and tells the
 * browser which part to fetch for a snippet: a phrase never occurs before the part of any of
 * its bigrams' first occurrences, so checking a candidate starts there.
 */
export const partCount = 4;

/**
 * Numbers of postings per shard to aim for: about 9 KB of JSON, 3 KB gzipped. A query fetches
 * whole shards, so whatever else shares its terms' shards is bytes it did not ask for.
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

/** Appends a document's distinct terms to the postings, each with the part of its first occurrence. */
function addPostings(postings: Map<TermKey, number[]>, id: number, terms: Map<TermKey, number>): void {
  for (const [key, part] of terms) {
    const list = postings.get(key);
    if (list) list.push(id, part);
    else postings.set(key, [id, part]);
  }
}

/**
 * Builds the sharded search index. Doc ids run newest first, so the smallest id is the newest
 * report and a year filter is a contiguous range. Every Han character and bigram of a report
 * (see `indexTerms`) gets a posting with the part of its first occurrence (0 = near the start);
 * postings are sharded by a hash of the term so the browser fetches only the shards a query's
 * terms live in. Output is deterministic for the same reports.
 */
export function buildSearchIndex(reports: IndexedReport[]): SearchIndex {
  const ordered = [...reports].sort(byNewest);
  const body = new Map<TermKey, number[]>();
  const title = new Map<TermKey, number[]>();
  const docs: SearchDoc[] = [];
  const parts: SearchPart[][] = [];
  const meta: SearchMeta[] = [];
  ordered.forEach((report, id) => {
    const { data } = report;
    const doc: SearchDoc = { title: data.title, regionAndIssuer: [...regionNames(data.region), data.issuer ?? ''].join(' ').trim(), paragraphs: anchoredText(report) };
    docs.push(doc);
    const split = splitParts(doc.paragraphs);
    parts.push(split);
    addPostings(body, id, firstOccurrences(split.flatMap((part, k) => part.map(([, text]): [number, string] => [k, text]))));
    addPostings(title, id, firstOccurrences([[0, `${doc.title}\n${doc.regionAndIssuer}`]]));
    meta.push({
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
    });
  });
  let numbers = 0;
  for (const list of body.values()) numbers += list.length;
  for (const list of title.values()) numbers += list.length / 2;
  const shards = shardCount(numbers);
  const out: SearchShard[] = Array.from({ length: shards }, () => ({ b: {}, t: {} }));
  // Terms keep their first-seen order, which is deterministic: no sort needed.
  for (const [key, list] of body) {
    const term = termOfKey(key);
    out[shardOf(term, shards)]!.b[term] = encodeBodyPosting(list);
  }
  for (const [key, list] of title) {
    const term = termOfKey(key);
    out[shardOf(term, shards)]!.t[term] = encodeGaps(list.filter((_, i) => i % 2 === 0));
  }
  const chunks: MetaRow[][] = [];
  for (let i = 0; i < meta.length; i += metaChunk) chunks.push(meta.slice(i, i + metaChunk).map(encodeMeta));
  const kinds = reportKindSchema.options.map((value) => ({ value, label: kindLabel(value) }));
  const facets = encodeFacets(meta, kinds, facetChunk);
  const lowered = meta.flatMap((m, id) => (m.notes ? [id] : []));
  return {
    manifest: {
      version: 3,
      docs: docs.length,
      shards,
      parts: partCount,
      metaChunk,
      facetChunk,
      ...facets.vocabulary,
      lowered: encodeGaps(lowered),
    },
    shards: out,
    meta: chunks,
    facets: facets.chunks,
    docs,
    parts,
    ids: new Map(ordered.map((report, id) => [report.id, id])),
  };
}
