import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { byNewest } from '../lib/catalogue.ts';
import { decodeKnown, oversizeReason } from '../lib/decode-bytes.ts';
import { RawPathError, rawFilePath } from '../lib/raw-path.ts';
import { spamDigest } from '../lib/spam-digest.ts';
import { readReports } from '../lib/read-reports.ts';
import { relatedComparisons, relatedIndex } from '../lib/related.ts';
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

/** Byte-order mark put before text downloads: static hosts serve `.txt` and `.md` without a charset, and browsers then read UTF-8 only when it starts with one. */
const bom = '\ufeff';

/** The raw capture's exact bytes, checked against the SHA-256 its report records (and shows). */
function originalBytes(path: string, sha256: string, report: string): Buffer {
  const oversize = oversizeReason(statSync(path).size);
  if (oversize) throw new RawPathError(`${report}: raw file ${path}: ${oversize}`);
  const bytes = readFileSync(path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) {
    throw new RawPathError(`${report}: raw file ${path} has SHA-256 ${actual}, not the ${sha256} the report records; run npm run normalize`);
  }
  return bytes;
}

/**
 * Writes the archive's plain files under `out`: tens of thousands of files that need no page
 * rendering, so they cost a file write each rather than a route each.
 * - `reports/<slug>.md` (the report file) and `.raw.txt` (the raw capture as UTF-8 text), both
 *   with a UTF-8 byte-order mark; `.original` (the raw capture's exact bytes, whose SHA-256 the
 *   page shows); `.json` (metadata, body, topic chunks; removed spam as digests only);
 *   `.hant.json` (the page's Simplified → Traditional table, fetched by its 简/繁 switch)
 * - `search/manifest.json`, `t2s.json`, `shard/<n>.json`, `meta/<n>.json`, `facets/<n>.json`, `part/<k>/<id>.json`
 */
export function writeArchiveFiles(out: string, sources: ArchiveSources): { reports: number; shards: number } {
  const made = new Set<string>();
  const write = (path: string, content: string | Buffer): void => {
    const dir = join(path, '..');
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(path, content);
  };
  const reports = readReports(sources.reports);
  // Every raw path is checked before anything is written: a bad one publishes nothing.
  const rawPaths = new Map(reports.map((r) => [r.id, rawFilePath(sources.raw, r.data.source.file, join(sources.reports, `${r.id}.md`))]));
  const index = buildSearchIndex(reports);
  // A report page also shows other reports' titles (its compare links, grouped as the pages group them): their words go into its Traditional table.
  const related = relatedIndex([...reports].sort(byNewest));
  for (const r of reports) {
    const base = join(out, 'reports', r.id);
    write(`${base}.md`, bom + r.markdown);
    const anchored = index.docs[index.ids.get(r.id)!]!.p;
    const cleaning = { ...r.data.cleaning, spam: r.data.cleaning.spam.map(spamDigest) };
    write(`${base}.json`, JSON.stringify({ slug: r.id, ...r.data, cleaning, body: r.body, chunks: chunksOf(r, anchored) }));
    const original = originalBytes(rawPaths.get(r.id)!, r.data.source.sha256, join(sources.reports, `${r.id}.md`));
    write(`${base}.original`, original);
    write(`${base}.raw.txt`, bom + decodeKnown(original, r.data.source.encoding));
    write(`${base}.hant.json`, traditionalFile(r.markdown, relatedComparisons(r, related).map((link) => link.label)));
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
