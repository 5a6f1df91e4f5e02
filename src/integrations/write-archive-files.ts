import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeKnown, oversizeReason } from '../lib/decode-bytes.ts';
import { RawPathError, rawFilePath } from '../lib/raw-path.ts';
import { spamDigest } from '../lib/spam-digest.ts';
import { byNewest } from '../lib/catalogue.ts';
import { readReport, reportFilePaths } from '../lib/read-reports.ts';
import { relatedComparisons, relatedIndex } from '../lib/related.ts';
import type { Report } from '../lib/report-schema.ts';
import { SearchIndexBuilder } from '../lib/search/build.ts';
import { reportsPerPack, searchFiles, shardsPerPack } from '../lib/search/files.ts';
import { PackFile, deflated, inSlot, packed, slotDirectory, slotSize } from './pack-writer.ts';
import { chunksOf } from '../lib/topic-chunks.ts';
import { hasOriginalFile } from '../lib/original-file.ts';
import { traditionalPairs } from '../lib/traditional.ts';
import { pageTraditionalTable } from './traditional-files.ts';

/** Where the archive's files come from: the normalized reports and their raw captures. */
export interface ArchiveSources {
  reports: string;
  raw: string;
}

/** Byte-order mark put before text downloads: static hosts serve `.txt` and `.md` without a charset, and browsers then read UTF-8 only when it starts with one. */
const bom = '\ufeff';

/** UTF-8 bytes as a text download: as they are when they start with a byte-order mark, else with one put before them. */
function withBom(utf8: Buffer): Buffer {
  const mark = Buffer.from(bom);
  return utf8.subarray(0, mark.length).equals(mark) ? utf8 : Buffer.concat([mark, utf8]);
}

/** The raw capture's exact bytes, checked against the SHA-256 its report records (and shows). */
function originalBytes(path: string, sha256: string, report: string): Buffer {
  const oversize = oversizeReason(statSync(path).size);
  if (oversize) throw new RawPathError(`${report}: raw file ${path}: ${oversize}`);
  const bytes = readFileSync(path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) {
    throw new RawPathError(
      `${report}: raw file ${path} has SHA-256 ${actual}, not the ${sha256} the report records; run npm run normalize`,
    );
  }
  return bytes;
}

/** What the first pass keeps of each report: enough to order them and find its raw capture, nothing more. */
export interface Listed {
  id: string;
  path: string;
  /** The raw capture's path, checked to lie inside the raw folder. */
  raw: string;
  data: Pick<Report, 'yearsReviewed' | 'yearsPlanned' | 'posted' | 'title' | 'region'>;
}

/**
 * The first pass: reads and checks every report file and its raw path (so a bad one stops the
 * writers before they write anything), newest first, keeping only what orders them.
 */
export function listReports(sources: ArchiveSources): Listed[] {
  const listed: Listed[] = [];
  for (const file of reportFilePaths(sources.reports)) {
    const { id, data } = readReport(file);
    listed.push({
      id,
      path: file,
      raw: rawFilePath(sources.raw, data.source.file, file),
      data: {
        yearsReviewed: data.yearsReviewed,
        yearsPlanned: data.yearsPlanned,
        posted: data.posted,
        title: data.title,
        region: data.region,
      },
    });
  }
  return listed.sort(byNewest);
}

/** Writing files under a folder: `folderOf` makes a path's folder (once) and gives the path back, `write` writes a file there. */
function fileWriter(): { folderOf: (path: string) => string; write: (path: string, content: string | Buffer) => void } {
  const made = new Set<string>();
  const folderOf = (path: string): string => {
    const dir = join(path, '..');
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    return path;
  };
  const write = (path: string, content: string | Buffer): void => {
    writeFileSync(folderOf(path), content);
  };
  return { folderOf, write };
}

/**
 * Writes every report's downloads under `out/reports/`: `<slug>.md` (the report file) and
 * `.raw.txt` (the raw capture as UTF-8 text), both with a UTF-8 byte-order mark; `.original`
 * (the raw capture's exact bytes, whose SHA-256 the page shows) when they are not UTF-8
 * (`hasOriginalFile`; a UTF-8 capture's bytes are its `.raw.txt`, byte-order mark aside); `.json`
 * (metadata, body, topic chunks; removed spam as digests only). Independent of the search index,
 * so the build runs it in a worker of its own.
 */
export function writeDownloads(out: string, listed: Listed[]): number {
  const { write } = fileWriter();
  for (const { path, raw } of listed) {
    const r = readReport(path);
    const base = join(out, 'reports', r.id);
    write(`${base}.md`, bom + r.markdown);
    const cleaning = { ...r.data.cleaning, spam: r.data.cleaning.spam.map(spamDigest) };
    write(`${base}.json`, JSON.stringify({ slug: r.id, ...r.data, cleaning, body: r.body, chunks: chunksOf(r) }));
    const original = originalBytes(raw, r.data.source.sha256, path);
    if (hasOriginalFile(r.data.source)) {
      write(`${base}.original`, original);
      write(`${base}.raw.txt`, bom + decodeKnown(original, r.data.source.encoding));
    } else {
      write(`${base}.raw.txt`, withBom(original));
    }
  }
  return listed.length;
}

/** Writes the archive's plain files under `out`: the downloads (`writeDownloads`) and the search index (`writeSearchIndex`), after checking every report. */
export function writeArchiveFiles(out: string, sources: ArchiveSources): { reports: number; shards: number } {
  const listed = listReports(sources);
  writeDownloads(out, listed);
  return writeSearchIndex(out, listed);
}

/**
 * Writes the search index under `out/search/`: `manifest.json`, `t2s.json`, `shards.bin` and
 * `texts.bin` (the slot directories), `shard/<g>.bin`, `meta/<n>.json`, `facets/<n>.json`,
 * `text/<p>.bin` (each report's text parts) and `traditional/<p>.bin` (each report page's
 * Simplified → Traditional table, fetched by the 简/繁 switch, located by its metadata row).
 *
 * Memory stays near the size of the postings, whatever the number of reports: reports are read
 * again one at a time, newest first (`listed`), each keeping only its postings and metadata row;
 * the shards are then made and written one at a time.
 */
export function writeSearchIndex(out: string, listed: Listed[]): { reports: number; shards: number } {
  const { folderOf, write } = fileWriter();
  // A report page also shows other reports' titles (its compare links, grouped as the pages group them): their words go into its Traditional table.
  const related = relatedIndex(listed);
  const index = new SearchIndexBuilder();
  const search = (path: string) => join(out, 'search', path);
  let pack: PackFile | null = null;
  let tablePack: PackFile | null = null;
  const partSlots: number[] = [];
  try {
    for (const { path } of listed) {
      const r = readReport(path);
      const { parts, id } = index.add(r);
      if (id % reportsPerPack === 0) {
        pack?.close();
        tablePack?.close();
        pack = new PackFile(folderOf(search(searchFiles.textPack(id))));
        tablePack = new PackFile(folderOf(search(searchFiles.tablePack(id))));
      }
      const hant = pageTraditionalTable(
        r.markdown,
        relatedComparisons(r, related).map((link) => link.label),
      );
      const table = packed(hant);
      index.locate(id, [tablePack!.append(table), table.length]);
      // Every part carries the report's row and lies in a slot of one size, so the texts directory
      // locates each by that size alone and a check against the text needs no metadata file.
      const row = index.row(id);
      const values = parts.map((part) => packed([row, part]));
      const size = slotSize(Math.max(...values.map((v) => v.length)));
      for (const value of values) pack!.append(inSlot(value, size));
      partSlots.push(size);
    }
  } finally {
    pack?.close();
    tablePack?.close();
  }
  const shards = index.shardCount();
  const tables = index.tables(shards);
  write(search(searchFiles.manifest), JSON.stringify(tables.manifest));
  write(search(searchFiles.pairs), JSON.stringify({ pairs: traditionalPairs() }));
  const slotBytes: number[] = [];
  let group: PackFile | null = null;
  try {
    let n = 0;
    for (const shard of index.shards()) {
      if (n % shardsPerPack === 0) {
        group?.close();
        group = new PackFile(folderOf(search(searchFiles.shardPack(n))));
      }
      const slot = inSlot(deflated(shard));
      group!.append(slot);
      slotBytes.push(slot.length);
      n++;
    }
  } finally {
    group?.close();
  }
  write(search(searchFiles.shardDirectory), slotDirectory(slotBytes));
  write(search(searchFiles.textDirectory), slotDirectory(partSlots));
  tables.meta.forEach((chunk, i) => {
    write(search(searchFiles.meta(i)), JSON.stringify(chunk));
  });
  tables.facets.forEach((chunk, i) => {
    write(search(searchFiles.facets(i)), JSON.stringify(chunk));
  });
  return { reports: listed.length, shards };
}
