import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Heading, Root as MdastRoot } from 'mdast';
import { VFile } from 'vfile';
import { parse } from 'yaml';
import { createPipeline } from '../scripts/pipeline.ts';
import { splitReport } from '../src/lib/read-reports.ts';
import { reportSchema, type Report } from '../src/lib/report-schema.ts';

/** A normalized report, split into validated frontmatter and Markdown body. */
export interface Normalized {
  markdown: string;
  data: Report;
  body: string;
  messages: string[];
}

/** Splits a report file into its parsed, schema-checked frontmatter and its body. */
export function readReport(markdown: string): { data: Report; body: string } {
  const { frontmatter, body } = splitReport(markdown);
  return { data: reportSchema.parse(parse(frontmatter)), body };
}

/** Runs the whole pipeline on bytes as if they were the raw file `name`. */
export function normalizeBytes(bytes: Uint8Array, name = 'fixture.txt'): Normalized {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = new VFile({ path: name, value: bytes, data: { source: { file: name, sha256 } } });
  const markdown = String(createPipeline().processSync(file));
  return { markdown, ...readReport(markdown), messages: file.messages.map((m) => m.reason) };
}

/** Runs the whole pipeline on a raw file on disk. */
export function normalizePath(path: string): Normalized {
  return normalizeBytes(readFileSync(path), basename(path));
}

/** Seeds by number: `seed('001')`. */
export function seedPath(prefix: string): string {
  const names = [
    '000_eab2d01db4d2c0c9.txt',
    '001_dbd607472b490044.txt',
    '002_6afa129dd32dd0bf.txt',
    '003_f402f1ac93898069.txt',
    '004_11e03806d8f99e7c.txt',
  ];
  return `content/raw/${names.find((n) => n.startsWith(prefix))!}`;
}

/** A Markdown tree of one-text blocks: `[0, text]` is a paragraph, `[n, text]` a heading of depth n. */
export function blocksTree(blocks: [number, string][]): MdastRoot {
  return {
    type: 'root',
    children: blocks.map(([depth, value]) =>
      depth === 0
        ? { type: 'paragraph', children: [{ type: 'text', value }] }
        : { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value }] },
    ),
  };
}
