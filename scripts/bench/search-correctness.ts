import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { searchFiles } from '../../src/lib/search/files.ts';
import type { MetaRow, PackedPart, SearchManifest, SearchPart } from '../../src/lib/search/format.ts';
import { decodeMeta } from '../../src/lib/search/meta.ts';
import { partSlots, readVarints, slotValue, type Span } from '../../src/lib/search/pack.ts';
import { reportsPerPack } from '../../src/lib/search/files.ts';
import type { SearchMeta } from '../../src/lib/search/meta.ts';
import { openSearchIndex, type Fetch, type SearchSource } from '../../src/lib/search/reader.ts';
import { runSearch } from '../../src/lib/search/run.ts';
import { foldText } from '../../src/lib/search/tokens.ts';

/**
 * The search measured against a brute-force scan of the texts it indexed: the oracle reads the
 * built `search/` files directly, the search reads them through its own reader, as the browser does.
 */

/** Recall and precision of a result set against the true set. */
export function score(found: Set<string>, truth: Set<string>): { recall: number; precision: number } {
  const hit = [...found].filter((x) => truth.has(x)).length;
  return { recall: truth.size ? hit / truth.size : 1, precision: found.size ? hit / found.size : 1 };
}

/** Bytes `span` of a file, read synchronously. */
function readSpan(path: string, span: Span): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(span.length);
    const got = readSync(fd, bytes, 0, span.length, span.offset);
    return bytes.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * A `fetch` over the file system: a URL is a file path, a missing file a 404, a `Range` header
 * answered with 206 and those bytes, as a static host does. Reads synchronously, one file at a
 * time: a query checking thousands of candidates at 100k asks for thousands of text parts at
 * once, and as many open files at once ran out of descriptors (EMFILE).
 */
export const fileFetch: Fetch = (path, init) => {
  try {
    const range = /^bytes=(\d+)-(\d+)$/.exec(init.headers?.Range ?? '');
    if (range) {
      const offset = Number(range[1]);
      const bytes = readSpan(path, { offset, length: Number(range[2]) - offset + 1 });
      const contentRange = `bytes ${offset}-${offset + bytes.length - 1}/*`;
      return Promise.resolve(new Response(new Uint8Array(bytes), { status: 206, headers: { 'Content-Range': contentRange } }));
    }
    return Promise.resolve(new Response(readFileSync(path)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Promise.resolve(new Response('not found', { status: 404 }));
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};

/** The search index of a built site (`<dist>/search/`), through the reader the browser uses. */
export function openBuiltIndex(dist: string): Promise<SearchSource> {
  return openSearchIndex({ base: `${join(dist, 'search')}/`, fetch: fileFetch });
}

/** A report as the oracle sees it: its slug and every text a search looks in. */
export interface OracleDoc {
  slug: string;
  title: string;
  regionAndIssuer: string;
  paragraphs: SearchPart;
}

/** A built search index read straight from its files, as the tests and the bench's oracle check it: each report's row, text parts and table. */
export function builtIndex(dist: string): {
  manifest: SearchManifest;
  meta: (id: number) => SearchMeta;
  /** Part k of report id: its row (as the part carries it) and paragraphs. */
  part: (id: number, k: number) => PackedPart;
  table: (id: number) => unknown;
} {
  const read = (path: string): unknown => JSON.parse(readFileSync(join(dist, 'search', path), 'utf8'));
  const manifest = read(searchFiles.manifest) as SearchManifest;
  const slots = readVarints(inflateRawSync(readFileSync(join(dist, 'search', searchFiles.textDirectory))));
  const chunks = new Map<number, MetaRow[]>();
  const meta = (id: number): SearchMeta => {
    const c = Math.floor(id / manifest.metaChunk);
    if (!chunks.has(c)) chunks.set(c, read(searchFiles.meta(c)) as MetaRow[]);
    return decodeMeta(chunks.get(c)![id % manifest.metaChunk]!);
  };
  const inflate = (bytes: Uint8Array): unknown => JSON.parse(inflateRawSync(bytes).toString('utf8'));
  return {
    manifest,
    meta,
    part: (id, k) =>
      inflate(
        slotValue(readSpan(join(dist, 'search', searchFiles.textPack(id)), partSlots(slots, reportsPerPack, manifest.parts, id, k))),
      ) as PackedPart,
    table: (id) => {
      const [offset, length] = meta(id).table;
      return inflate(readSpan(join(dist, 'search', searchFiles.tablePack(id)), { offset, length }));
    },
  };
}

/** Every report of a built search index, by doc id, read straight from its files. */
export function builtDocs(dist: string): OracleDoc[] {
  const index = builtIndex(dist);
  return Array.from({ length: index.manifest.docs }, (_, id) => {
    const meta = index.meta(id);
    const paragraphs: SearchPart = Array.from({ length: index.manifest.parts }, (_, k) => index.part(id, k)[1]).flat();
    return { slug: meta.slug, title: meta.title, regionAndIssuer: meta.regionAndIssuer, paragraphs };
  });
}

/** Whether every phrase occurs verbatim in the report's title, region or text: the brute-force definition of a match. */
export function docMatches(doc: Omit<OracleDoc, 'slug'>, phrases: string[]): boolean {
  const text = foldText([doc.title, doc.regionAndIssuer, ...doc.paragraphs.map(([, t]) => t)].join('\n'));
  return phrases.every((p) => text.includes(p));
}

/** Our search's answer to a query: every result's slug. */
export async function ourAnswer(source: SearchSource, query: string): Promise<Set<string>> {
  const result = await runSearch(
    source,
    query,
    { province: '', city: '', year: '', kind: '' },
    { limit: Number.MAX_SAFE_INTEGER, snippets: false, facets: false },
  );
  return new Set(result.hits.map((h) => h.meta.slug));
}
