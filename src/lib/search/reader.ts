import { decodeFacets, type Facet } from './facets.ts';
import { searchFiles, shardsPerPack } from './files.ts';
import type { FacetChunk, MetaRow, PairsFile, SearchManifest, SearchPart, SearchShard } from './format.ts';
import { decodeMeta, type SearchMeta } from './meta.ts';
import { inflateBytes, inflateJson, readVarints, slotSpan, slotValue, textSpan, type Span } from './pack.ts';
import { decodeGaps } from './postings.ts';
import { pairTable, type PairLookup } from './tokens.ts';
import { indexHrefs } from '../urls.ts';

/**
 * The one reader of the search index: fetches each file with a timeout and one retry, decodes it
 * once and keeps it for the page's life. The search page, the trends page, the tests and the
 * bench all read through it; only the `fetch` differs (the browser's, or one answering from disk).
 */

/**
 * Why a file could not be read: absent on the server, another HTTP failure (or bytes that are not
 * what was asked for), no answer in time, or no connection.
 */
export type FetchFailure = 'missing' | 'http' | 'timeout' | 'network';

/** A file the browser could not read, with what went wrong and where. */
export class FetchError extends Error {
  override name = 'FetchError';
  readonly failure: FetchFailure;
  readonly path: string;
  constructor(failure: FetchFailure, path: string, detail: string) {
    super(`${detail}: GET ${path}`);
    this.failure = failure;
    this.path = path;
  }
}

/** Milliseconds a request may take before it is abandoned. */
export const fetchTimeout = 8000;

/** How a file is fetched: the browser's `fetch`, or a stand-in answering the same way from disk or memory (a `Range` header included). */
export type Fetch = (url: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;

/** How to fetch: which `fetch` (the global one by default) and how long to wait (`fetchTimeout`). */
export interface FetchOptions {
  fetch?: Fetch;
  timeout?: number;
}

/** How a response's body is read once it has arrived. */
type BodyReader<T> = (response: Response) => Promise<T>;

async function once<T>(path: string, fetcher: Fetch, timeout: number, read: BodyReader<T>, headers?: Record<string, string>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeout);
  try {
    const response = await fetcher(path, headers ? { signal: controller.signal, headers } : { signal: controller.signal });
    if (!response.ok)
      throw new FetchError(response.status === 404 || response.status === 410 ? 'missing' : 'http', path, `HTTP ${response.status}`);
    return await read(response);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw new FetchError('timeout', path, `no answer in ${timeout} ms`);
    if (error instanceof SyntaxError) throw new FetchError('http', path, `not JSON (${error.message})`);
    throw new FetchError('network', path, String(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Fetches with a timeout, retrying once unless the server said the file does not exist. */
async function fetchRetrying<T>(path: string, options: FetchOptions, read: BodyReader<T>, headers?: Record<string, string>): Promise<T> {
  const fetcher = options.fetch ?? ((url, init) => fetch(url, init));
  const timeout = options.timeout ?? fetchTimeout;
  try {
    return await once(path, fetcher, timeout, read, headers);
  } catch (error) {
    if (error instanceof FetchError && error.failure === 'missing') throw error;
    return once(path, fetcher, timeout, read, headers);
  }
}

/**
 * Fetches and parses a JSON file with a timeout, retrying once unless the server said it does
 * not exist. Rejects with a `FetchError` naming the failure and the path.
 */
export function fetchJson(path: string, options: FetchOptions = {}): Promise<unknown> {
  return fetchRetrying(path, options, (response) => response.json());
}

/**
 * Fetches a span of a file by a `Range` request, with `fetchJson`'s timeout and retry. A server
 * that ignores the range and sends the whole file still gives the right bytes (cut out here).
 */
export function fetchSpan(path: string, span: Span, options: FetchOptions = {}): Promise<Uint8Array> {
  const range = `bytes=${span.offset}-${span.offset + span.length - 1}`;
  return fetchRetrying(
    path,
    options,
    async (response) => {
      // A 206 must be the range asked for (when the server says which); a 200 is the whole file.
      const given = /^bytes (\d+)-/.exec(response.headers.get('Content-Range') ?? '');
      if (response.status === 206 && given && Number(given[1]) !== span.offset)
        throw new FetchError('http', path, `asked for ${range}, got ${response.headers.get('Content-Range')}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      const cut = response.status === 206 ? bytes : bytes.subarray(span.offset, span.offset + span.length);
      if (cut.length !== span.length) throw new FetchError('http', path, `expected ${span.length} bytes of ${range}, got ${cut.length}`);
      return cut;
    },
    { Range: range },
  );
}

/** Packed bytes (see pack.ts) decompressed, or a `FetchError` naming the file when they are not a packed value. */
function unpack<T>(path: string, where: string, bytes: Uint8Array, inflate: (bytes: Uint8Array) => T): T {
  try {
    return inflate(bytes);
  } catch (error) {
    throw new FetchError('http', path, `${where} is not a packed value (${String(error)})`);
  }
}

/** A packed value (see pack.ts): its span fetched and decompressed; a `FetchError` when the bytes are not one. */
export async function fetchPacked(path: string, span: Span, options: FetchOptions = {}): Promise<unknown> {
  return unpack(path, `bytes ${span.offset}+${span.length}`, await fetchSpan(path, span, options), inflateJson);
}

/** A shard from its slot (see `slotUnit`): the slot fetched, its shard cut out and decompressed. */
async function fetchSlot(path: string, span: Span, options: FetchOptions): Promise<unknown> {
  const slot = await fetchSpan(path, span, options);
  return unpack(path, `the slot at ${span.offset}+${span.length}`, slot, (bytes) => inflateJson(slotValue(bytes)));
}

/** A whole file of raw-DEFLATE compressed bytes (the shard directory), decompressed. */
async function fetchInflated(path: string, options: FetchOptions): Promise<Uint8Array> {
  const bytes = await fetchRetrying(path, options, async (response) => new Uint8Array(await response.arrayBuffer()));
  return unpack(path, 'the file', bytes, inflateBytes);
}

/** The search index as the search reads it: the manifest and pair table at hand, every other file decoded on request. */
export interface SearchSource {
  manifest: SearchManifest;
  /** The manifest's `lowered` ids (templates, damaged reports). */
  lowered: ReadonlySet<number>;
  /** Traditional → Simplified, from `t2s.json`. */
  pairs: PairLookup;
  shard(n: number): Promise<SearchShard>;
  /** The listing rows of ids `chunk × metaChunk` on. */
  meta(chunk: number): Promise<SearchMeta[]>;
  /** The filter values of ids `chunk × facetChunk` on. */
  facets(chunk: number): Promise<Facet[]>;
  /** Part `k` of report `id`'s text. */
  part(id: number, k: number): Promise<SearchPart>;
}

/** Where the index lives (`/search/` by default; any prefix the `fetch` understands) and how to fetch it. */
export interface ReaderOptions extends FetchOptions {
  base?: string;
}

/**
 * Opens the index under `base`: the manifest, the Traditional table and the shard directory first, every other file
 * or packed value when a query asks for it, each fetched and decoded once (a failed fetch is
 * forgotten, so the next query asks again). The shard directory loads with the manifest, so a
 * shard is one request (its slot); a text part is read by the location in its report's metadata row.
 */
export async function openSearchIndex(options: ReaderOptions = {}): Promise<SearchSource> {
  const base = options.base ?? indexHrefs.search;
  const files = new Map<string, Promise<unknown>>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let file = files.get(key) as Promise<T> | undefined;
    if (!file) {
      file = load();
      file.catch(() => files.delete(key));
      files.set(key, file);
    }
    return file;
  };
  const read = <T>(path: string, decode: (json: unknown) => T): Promise<T> =>
    cached(path, () => fetchJson(base + path, options).then(decode));
  const [manifest, pairs, slots] = await Promise.all([
    read(searchFiles.manifest, (json) => json as SearchManifest),
    read(searchFiles.pairs, (json) => pairTable((json as PairsFile).pairs)),
    fetchInflated(base + searchFiles.shardDirectory, options).then(readVarints),
  ]);
  if (slots.length !== manifest.shards)
    throw new FetchError('http', base + searchFiles.shardDirectory, `${slots.length} slots for ${manifest.shards} shards`);
  const meta = (chunk: number) => read(searchFiles.meta(chunk), (json) => (json as MetaRow[]).map(decodeMeta));
  return {
    manifest,
    lowered: new Set(decodeGaps(manifest.lowered)),
    pairs,
    shard: (n) => {
      const path = searchFiles.shardPack(n);
      return cached(`${path}#${n}`, () => fetchSlot(base + path, slotSpan(slots, shardsPerPack, n), options) as Promise<SearchShard>);
    },
    meta,
    facets: (chunk) => read(searchFiles.facets(chunk), (json) => decodeFacets(json as FacetChunk, manifest)),
    part: (id, k) => {
      const path = searchFiles.textPack(id);
      return cached(`${path}#${id}.${k}`, async () => {
        const chunk = Math.floor(id / manifest.metaChunk);
        const row = (await meta(chunk))[id % manifest.metaChunk];
        if (!row) throw new FetchError('http', base + searchFiles.meta(chunk), `no row for report ${id}`);
        return fetchPacked(base + path, textSpan(row.text, k), options) as Promise<SearchPart>;
      });
    },
  };
}

let pageIndex: Promise<SearchSource> | null = null;

/** The page's one reader of `/search/`, opened on first use; a failed opening is forgotten so the next call tries again. */
export function loadSearchIndex(): Promise<SearchSource> {
  pageIndex ??= openSearchIndex().catch((error: unknown) => {
    pageIndex = null;
    throw error;
  });
  return pageIndex;
}
