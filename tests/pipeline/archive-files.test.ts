import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { writeArchiveFiles } from '../../src/integrations/write-archive-files.ts';
import { decodeBytes } from '../../src/lib/decode-bytes.ts';
import { readReports } from '../../src/lib/read-reports.ts';
import { encodeMeta } from '../../src/lib/search/meta.ts';
import { builtIndex } from '../../scripts/bench/search-correctness.ts';
import { hasOriginalFile } from '../../src/lib/original-file.ts';
import { tableConverter, type TraditionalTable } from '../../src/lib/traditional-table.ts';
import { toTraditional } from '../../src/lib/to-traditional.ts';

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

  it('offers each report as Markdown, JSON and the raw text as decoded when it was normalized, text with a UTF-8 byte-order mark', () => {
    expect(counts.reports).toBe(reports.length);
    expect(new Set(reports.map((r) => r.data.source.encoding)).size).toBeGreaterThanOrEqual(4);
    for (const r of reports) {
      expect(files.get(`reports/${r.id}.md`)).toBe(`\ufeff${r.markdown}`);
      expect(read(`reports/${r.id}.json`)).toMatchObject({ slug: r.id, title: r.data.title, body: r.body });
      const decoded = decodeBytes(readFileSync(join(raw, r.data.source.file))).text;
      expect(files.get(`reports/${r.id}.raw.txt`), r.data.source.file).toBe(`\ufeff${decoded}`);
    }
  });

  it('offers the exact original bytes, whose SHA-256 is the one the report records: a file of their own unless they are the UTF-8 text', () => {
    const bom = Buffer.from('\ufeff');
    const kinds = new Set<boolean>();
    for (const r of reports) {
      const raw_ = readFileSync(join(raw, r.data.source.file));
      const separate = hasOriginalFile(r.data.source);
      kinds.add(separate);
      const original = separate
        ? readFileSync(join(out, 'reports', `${r.id}.original`))
        : readFileSync(join(out, 'reports', `${r.id}.raw.txt`)).subarray(raw_.subarray(0, 3).equals(bom) ? 0 : 3);
      expect(original.equals(raw_), r.id).toBe(true);
      expect(createHash('sha256').update(original).digest('hex')).toBe(r.data.source.sha256);
      expect(files.has(`reports/${r.id}.original`), r.id).toBe(separate);
    }
    expect([...kinds].sort()).toEqual([false, true]);
  });

  it('never republishes removed spam strings in the JSON download, only their digests', () => {
    const spammed = reports.filter((r) => r.data.cleaning.spam.length > 0);
    expect(spammed.length).toBeGreaterThan(0);
    for (const r of spammed) {
      const json = files.get(`reports/${r.id}.json`)!;
      for (const s of r.data.cleaning.spam) expect(json).not.toContain(JSON.stringify(s.text));
      expect((read(`reports/${r.id}.json`) as { cleaning: { spam: unknown[] } }).cleaning.spam).toEqual(
        r.data.cleaning.spam.map((s) => ({
          sha256: expect.stringMatching(/^[0-9a-f]{12}$/) as unknown,
          chars: Array.from(s.text).length,
          count: s.count,
        })),
      );
    }
  });

  it('refuses a raw file changed since it was normalized, naming the report', () => {
    const changedRaw = temp('archive-changed-raw-');
    cpSync(raw, changedRaw, { recursive: true });
    const victim = reports[0]!;
    appendFileSync(join(changedRaw, victim.data.source.file), '\n');
    expect(() => writeArchiveFiles(temp('archive-changed-'), { reports: reportsDir, raw: changedRaw })).toThrow(
      new RegExp(
        `^${join(reportsDir, `${victim.id}.md`)}: raw file .* has SHA-256 [0-9a-f]{64}, not the ${victim.data.source.sha256} the report records; run npm run normalize$`,
      ),
    );
  });

  it('cuts every report into its parts, which put together hold its text in order', () => {
    const index = builtIndex(out);
    const manifest = index.manifest;
    expect(manifest.docs).toBe(reports.length);
    for (let id = 0; id < manifest.docs; id++) {
      const meta = index.meta(id);
      // Every part carries the report's own metadata row.
      const parts = Array.from({ length: manifest.parts }, (_, k) => {
        const [row, paragraphs] = index.part(id, k);
        expect(row, `${meta.slug} part ${k}`).toEqual(encodeMeta(meta));
        return paragraphs;
      });
      // The page's Traditional table, in its table pack: it turns the report's own title.
      const convert = tableConverter(index.table(id) as TraditionalTable);
      expect(convert(meta.title)).toBe(toTraditional(meta.title));
      const json = read(`reports/${meta.slug}.json`) as { chunks: { id: string }[] };
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
