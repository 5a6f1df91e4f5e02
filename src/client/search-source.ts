import type { SearchManifest } from '../lib/search-build.ts';
import { filesSource, searchFiles } from '../lib/search-files.ts';
import type { SearchSource } from '../lib/search-query.ts';
import { fetchJson } from './fetch-json.ts';

let source: Promise<SearchSource> | null = null;

/**
 * The search index over HTTP, loaded once per page: the manifest and the Traditional table first,
 * every other file when a query asks for it, each fetched once (a failed fetch, or a failed
 * load, is forgotten so the next query asks again).
 */
export function loadSearchSource(): Promise<SearchSource> {
  source ??= (async (): Promise<SearchSource> => {
    const seen = new Map<string, Promise<unknown>>();
    const read = (path: string) => {
      let p = seen.get(path);
      if (!p) {
        p = fetchJson(`/search/${path}`);
        p.catch(() => seen.delete(path));
        seen.set(path, p);
      }
      return p;
    };
    const [manifest, t2s] = await Promise.all([read(searchFiles.manifest), read(searchFiles.pairs)]);
    return filesSource(manifest as SearchManifest, (t2s as { pairs: string }).pairs, read);
  })().catch((error: unknown) => {
    source = null;
    throw error;
  });
  return source;
}
