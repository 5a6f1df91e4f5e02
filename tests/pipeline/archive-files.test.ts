import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { writeArchiveFiles } from '../../src/integrations/write-archive-files.ts';
import { decodeBytes } from '../../src/lib/decode-bytes.ts';
import { readReports } from '../../src/lib/read-reports.ts';
import type { SearchManifest, SearchMeta, SearchPart } from '../../src/lib/search-build.ts';
import { searchFiles } from '../../src/lib/search-files.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

describe('the archive files written beside the pages', () => {
  // The seeds and every fixture shape: GB2312, GBK, Big5, UTF-16, HTML.
  const raw = temp('archive-raw-');
  for (const dir of ['content/raw', 'tests/fixtures/raw']) cpSync(dir, raw, { recursive: true });
  const reportsDir = temp('archive-reports-');
  normalizeBatch(raw, reportsDir);
  const reports = readReports(reportsDir);
  const out = temp('archive-out-');
  const counts = writeArchiveFiles(out, { reports: reportsDir, raw });
  const files = filesUnder(out);
  const read = (path: string): unknown => JSON.parse(files.get(path)!);

  it('offers each report as Markdown, JSON and the raw text as decoded when it was normalized', () => {
    expect(counts.reports).toBe(reports.length);
    expect(new Set(reports.map((r) => r.data.source.encoding)).size).toBeGreaterThanOrEqual(4);
    for (const r of reports) {
      expect(files.get(`reports/${r.id}.md`)).toBe(r.markdown);
      expect(read(`reports/${r.id}.json`)).toMatchObject({ slug: r.id, title: r.data.title, body: r.body });
      const decoded = decodeBytes(readFileSync(join(raw, r.data.source.file))).text;
      expect(files.get(`reports/${r.id}.raw.txt`), r.data.source.file).toBe(decoded);
    }
  });

  it('cuts every report into its parts, which put together hold its text in order', () => {
    const manifest = read(`search/${searchFiles.manifest}`) as SearchManifest;
    expect(manifest.docs).toBe(reports.length);
    for (let id = 0; id < manifest.docs; id++) {
      const parts = Array.from({ length: manifest.parts }, (_, k) => read(`search/${searchFiles.part(id, k)}`) as SearchPart);
      const meta = (read(`search/${searchFiles.meta(Math.floor(id / manifest.metaChunk))}`) as SearchMeta[])[id % manifest.metaChunk]!;
      const json = read(`reports/${meta[0]}.json`) as { chunks: { id: string }[] };
      const anchors = parts.flat().map(([anchor]) => anchor);
      expect(anchors.length).toBeGreaterThan(0);
      expect(new Set(anchors).size).toBe(anchors.length);
      expect(json.chunks.length).toBeGreaterThan(0);
      expect(json.chunks.every((c) => anchors.includes(c.id))).toBe(true);
    }
  });

  it('writes the same files, byte for byte, a second time', () => {
    const again = temp('archive-again-');
    writeArchiveFiles(again, { reports: reportsDir, raw });
    expect(filesUnder(again)).toEqual(files);
  });
});
