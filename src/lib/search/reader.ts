import { readFacetColumns, type FacetColumns } from './facets.ts';
import { reportsPerPack, searchFiles, shardsPerPack } from './files.ts';
import type { FacetChunk, MetaRow, PackedPart, PairsFile, SearchManifest, SearchPart } from './format.ts';
import { decodeMeta, type SearchMeta } from './meta.ts';
import { inflateJson, inflateLarge, partSlots, readVarints, slotSpan, slotValue, type Span } from './pack.ts';
import { decodeGaps } from './postings.ts';
import { ShardPostings } from './shard.ts';
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
export type Fetch = (
  url: string,
  init: { signal: AbortSignal; headers?: Record<string, string>; priority?: RequestPriority },
) => Promise<Response>;

/**
 * How to fetch: which `fetch` (the global one by default), how long to wait (`fetchTimeout`) and,
 * for files a reader is not waiting on, a `low` priority, so that a query's own requests go first.
 */
export interface FetchOptions {
  fetch?: Fetch;
  timeout?: number;
  priority?: RequestPriority;
}

/** How a response's body is read once it has arrived. */
type BodyReader<T> = (response: Response) => Promise<T>;

async function once<T>(path: string, options: FetchOptions, read: BodyReader<T>, headers?: Record<string, string>): Promise<T> {
  const fetcher = options.fetch ?? browserFetch;
  const timeout = options.timeout ?? fetchTimeout;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeout);
  try {
    const response = await fetcher(path, {
      signal: controller.signal,
      ...(headers && { headers }),
      ...(options.priority && { priority: options.priority }),
    });
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

/**
 * The browser's `fetch`, a `Range` request going to a URL of its own (`…/0.bin?range=100-355`):
 * the browser's HTTP cache lets one request at a time use the entry of a URL, so the ten text
 * parts a query reads from one pack took turns (seen in Chromium's resource timing: each request
 * sent when the one before had finished). On this machine's local server that cost little (the
 * requests share two cores with the server, and latency did not change); over a network each
 * turn is a round trip. Static hosts serve a file whatever the query string (and the CloudFront
 * set-up in the README leaves it out of the cache key); the `Range` header says what to send.
 */
export const browserFetch: Fetch = (url, init) => {
  const range = init.headers?.Range;
  return fetch(range ? `${url}?range=${range.replace('bytes=', '')}` : url, init);
};

/** Fetches with a timeout, retrying once unless the server said the file does not exist. */
async function fetchRetrying<T>(path: string, options: FetchOptions, read: BodyReader<T>, headers?: Record<string, string>): Promise<T> {
  try {
    return await once(path, options, read, headers);
  } catch (error) {
    if (error instanceof FetchError && error.failure === 'missing') throw error;
    return once(path, options, read, headers);
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
async function unpack<T>(path: string, where: string, bytes: Uint8Array, inflate: (bytes: Uint8Array) => T | Promise<T>): Promise<T> {
  try {
    return await inflate(bytes);
  } catch (error) {
    throw new FetchError('http', path, `${where} is not a packed value (${String(error)})`);
  }
}

/** A packed value (see pack.ts): its span fetched and decompressed; a `FetchError` when the bytes are not one. */
export async function fetchPacked(path: string, span: Span, options: FetchOptions = {}): Promise<unknown> {
  return unpack(path, `bytes ${span.offset}+${span.length}`, await fetchSpan(path, span, options), inflateJson);
}

/**
 * The values of `count` slots of `size` bytes from `offset` on (see `slotUnit`): one request, each
 * value cut out of its slot and decoded by `decode` (JSON by default); a `FetchError` when one is not a packed value.
 */
async function fetchSlots<T = unknown>(
  path: string,
  offset: number,
  size: number,
  count: number,
  options: FetchOptions,
  decode: (value: Uint8Array) => T | Promise<T> = inflateJson as (value: Uint8Array) => T,
): Promise<T[]> {
  const bytes = await fetchSpan(path, { offset, length: size * count }, options);
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      unpack(path, `the slot at ${offset + i * size}+${size}`, bytes.subarray(i * size, (i + 1) * size), (slot) => decode(slotValue(slot))),
    ),
  );
}

/** A whole file of raw-DEFLATE compressed bytes (a slot directory), decompressed. */
async function fetchInflated(path: string, options: FetchOptions): Promise<Uint8Array> {
  const bytes = await fetchRetrying(path, options, async (response) => new Uint8Array(await response.arrayBuffer()));
  return unpack(path, 'the file', bytes, inflateLarge);
}

/** The search index as the search reads it: the manifest and pair table at hand, every other file decoded on request. */
export interface SearchSource {
  manifest: SearchManifest;
  /** 1 at each id of the manifest's `lowered` (templates, damaged reports), else 0. */
  lowered: Uint8Array;
  /** Traditional → Simplified, from `t2s.json`. */
  pairs: PairLookup;
  shard(n: number): Promise<ShardPostings>;
  /** The listing rows of ids `chunk × metaChunk` on. */
  meta(chunk: number): Promise<SearchMeta[]>;
  /** The filter values of ids `chunk × facetChunk` on, as columns. */
  facets(chunk: number): Promise<FacetColumns>;
  /** Part `k` of report `id`'s text, with the report's listing row. */
  part(id: number, k: number): Promise<TextPart>;
  /** Parts `k` … `parts − 1` of report `id`'s text: one request for those not read yet. */
  partsFrom(id: number, k: number): Promise<TextPart[]>;
}

/** A part of a report's text as read: the report's listing row, which every part carries, and the part's paragraphs. */
export interface TextPart {
  meta: SearchMeta;
  paragraphs: SearchPart;
}

/** Where the index lives (`/search/` by default; any prefix the `fetch` understands) and how to fetch it. */
export interface ReaderOptions extends FetchOptions {
  base?: string;
}

/**
 * Opens the index under `base`: the manifest and the Traditional table first (the slot directories
 * are asked for with them, and awaited only by the shard or part that needs one), every other file
 * or packed value when a query asks for it, each fetched and decoded once (a failed fetch is
 * forgotten, so the next query asks again). With the slot directories at hand, a shard or a text
 * part is one request (its slot), and a report's remaining parts one more.
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
  const read = <T>(path: string, decode: (json: unknown) => T, priority?: RequestPriority): Promise<T> =>
    cached(path, async () => {
      // A file no reader waits on is asked for a task later: starting a request costs the page a
      // millisecond or two, and a common term's filter values are 20 files at 100,000 reports,
      // which held up painting its results by 10–45 ms (Chromium, fresh pages).
      if (priority === 'low') await nextTask();
      return decode(await fetchJson(base + path, priority ? { ...options, priority } : options));
    });
  const manifestFile = read(searchFiles.manifest, (json) => json as SearchManifest);
  /** A slot directory, checked against the manifest's count; asked for with the manifest, awaited only by what needs it. */
  const directory = (path: string, count: (m: SearchManifest) => number, what: string) =>
    cached(path, async () => {
      const [units, m] = await Promise.all([fetchInflated(base + path, options).then(readVarints), manifestFile]);
      if (units.length !== count(m)) throw new FetchError('http', base + path, `${units.length} slots for ${count(m)} ${what}`);
      return units;
    });
  const shardSlots = () => directory(searchFiles.shardDirectory, (m) => m.shards, 'shards');
  const textSlots = () => directory(searchFiles.textDirectory, (m) => m.docs, 'reports');
  for (const loading of [shardSlots(), textSlots()]) loading.catch(() => undefined);
  const [manifest, pairs] = await Promise.all([manifestFile, read(searchFiles.pairs, (json) => pairTable((json as PairsFile).pairs))]);
  const meta = (chunk: number) => read(searchFiles.meta(chunk), (json) => (json as MetaRow[]).map(decodeMeta));
  /** Parts k … k + count − 1 of a report, each kept on its own; those not read yet fetched in one request. */
  const parts = (id: number, k: number, count: number): Promise<TextPart>[] => {
    const path = searchFiles.textPack(id);
    const key = (j: number) => `${path}#${id}.${j}`;
    const missing = Array.from({ length: count }, (_, i) => k + i).filter((j) => !files.has(key(j)));
    if (missing.length) {
      const [first, last] = [missing[0]!, missing.at(-1)!];
      const all = textSlots().then((slots) => {
        const { offset, length } = partSlots(slots, reportsPerPack, manifest.parts, id, first, last - first + 1);
        return fetchSlots(base + path, offset, length / (last - first + 1), last - first + 1, options);
      });
      for (const j of missing)
        void cached(key(j), async (): Promise<TextPart> => {
          const [row, paragraphs] = (await all)[j - first] as PackedPart;
          return { meta: decodeMeta(row), paragraphs };
        });
    }
    return Array.from({ length: count }, (_, i) => files.get(key(k + i)) as Promise<TextPart>);
  };
  return {
    manifest,
    lowered: loweredMask(manifest),
    pairs,
    shard: (n) => {
      const path = searchFiles.shardPack(n);
      return cached(`${path}#${n}`, async () => {
        const { offset, length } = slotSpan(await shardSlots(), shardsPerPack, n);
        const [shard] = await fetchSlots(
          base + path,
          offset,
          length,
          1,
          options,
          async (value) => new ShardPostings(await inflateLarge(value)),
        );
        return shard!;
      });
    },
    meta,
    // Filter values load after the results show (or for a trend): behind any query's own requests.
    facets: (chunk) => read(searchFiles.facets(chunk), (json) => readFacetColumns(json as FacetChunk), 'low'),
    part: (id, k) => parts(id, k, 1)[0]!,
    partsFrom: (id, k) => Promise.all(parts(id, k, manifest.parts - k)),
  };
}

/** Resolves in a task of its own, once the task that asked has ended (and the page could paint). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The manifest's `lowered` ids as a mask over every id, so ranking a common term's candidates does one array read each. */
function loweredMask(manifest: SearchManifest): Uint8Array {
  const mask = new Uint8Array(manifest.docs);
  for (const id of decodeGaps(manifest.lowered)) if (id < mask.length) mask[id] = 1;
  return mask;
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
