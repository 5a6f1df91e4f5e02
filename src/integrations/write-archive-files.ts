import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeKnown } from '../lib/decode-bytes.ts';
import { readReports } from '../lib/read-reports.ts';
import { buildSearchIndex } from '../lib/search-build.ts';
import { searchFiles } from '../lib/search-files.ts';
import { chunksOf } from '../lib/topic-chunks.ts';
import { traditionalPairs } from '../lib/traditional.ts';
import { traditionalFile } from './traditional-files.ts';

/** Where the archive's files come from: the normalized reports and their raw captures. */
export interface ArchiveSources {
  reports: string;
  raw: string;
}

/**
 * Writes the archive's plain files under `out`: tens of thousands of files that need no page
 * rendering, so they cost a file write each rather than a route each.
 * - `reports/<slug>.md` (the report file), `.json` (metadata, body, topic chunks), `.raw.txt` (the raw capture as UTF-8 text),
 *   `.hant.json` (the page's Simplified → Traditional table, fetched by its 简/繁 switch)
 * - `search/manifest.json`, `t2s.json`, `shard/<n>.json`, `meta/<n>.json`, `facets/<n>.json`, `part/<k>/<id>.json`
 */
export function writeArchiveFiles(out: string, sources: ArchiveSources): { reports: number; shards: number } {
  const made = new Set<string>();
  const write = (path: string, content: string): void => {
    const dir = join(path, '..');
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, content);
  };
  const reports = readReports(sources.reports);
  const index = buildSearchIndex(reports);
  for (const r of reports) {
    const base = join(out, 'reports', r.id);
    write(`${base}.md`, r.markdown);
    const anchored = index.docs[index.ids.get(r.id)!]!.p;
    write(`${base}.json`, JSON.stringify({ slug: r.id, ...r.data, body: r.body, chunks: chunksOf(r, anchored) }));
    write(`${base}.raw.txt`, decodeKnown(readFileSync(join(sources.raw, r.data.source.file)), r.data.source.encoding));
    write(`${base}.hant.json`, traditionalFile(r.markdown));
  }
  const search = (path: string) => join(out, 'search', path);
  write(search(searchFiles.manifest), JSON.stringify(index.manifest));
  write(search(searchFiles.pairs), JSON.stringify({ pairs: traditionalPairs() }));
  index.shards.forEach((shard, n) => {
    write(search(searchFiles.shard(n)), JSON.stringify(shard));
  });
  index.meta.forEach((chunk, n) => {
    write(search(searchFiles.meta(n)), JSON.stringify(chunk));
  });
  index.facets.forEach((chunk, n) => {
    write(search(searchFiles.facets(n)), JSON.stringify(chunk));
  });
  index.parts.forEach((parts, id) => {
    parts.forEach((part, k) => {
      write(search(searchFiles.part(id, k)), JSON.stringify(part));
    });
  });
  return { reports: reports.length, shards: index.shards.length };
}
