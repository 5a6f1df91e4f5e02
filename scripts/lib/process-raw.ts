import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { bodyLimitProblem } from '../../src/lib/body-limits.ts';
import { primaryYear } from '../../src/lib/catalogue.ts';
import { DecodeError } from '../../src/lib/decode-bytes.ts';
import { splitReport } from '../../src/lib/read-reports.ts';
import { reportSlug } from '../../src/lib/slug.ts';
import type { Pipeline } from '../pipeline.ts';
import { rawFileSize, readRawFile } from './read-raw-file.ts';
import { readSourceInfo } from './read-source-info.ts';

/** One raw file run through the pipeline, before the batch gives it a slug and writes it. */
export type Processed =
  | {
      name: string;
      size: number;
      ok: true;
      sha256: string;
      markdown: string;
      bodyHash: string;
      wantedSlug: string;
      warnings: string[];
      summary: string;
    }
  | { name: string; size: number; ok: false; error: string };

/** The reason a raw file failed, as the user should read it. */
function reasonOf(error: unknown): string {
  if (error instanceof DecodeError) return error.reason;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return `markup nested too deeply to read (${error.message})`;
  return (error as Error).message;
}

/**
 * Reads one raw file and runs the pipeline on it: pure of the batch (no slug, no write), so
 * that files can be processed on any thread and the batch stays byte-identical.
 */
export function processRaw(pipeline: Pipeline, inDir: string, name: string, siteLines: string[]): Processed {
  const path = join(inDir, name);
  let size = rawFileSize(path);
  try {
    const bytes = readRawFile(path);
    size = bytes.length;
    if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
      throw new DecodeError(bytes.length === 0 ? 'file is empty' : 'file holds only whitespace');
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = new VFile({ path: name, value: bytes, data: { source: { file: name, sha256, ...readSourceInfo(path) }, siteLines } });
    const markdown = String(pipeline.processSync(file));
    const body = splitReport(markdown).body;
    const tooBig = bodyLimitProblem(body);
    if (tooBig) throw new Error(tooBig);
    const fm = file.data.frontmatter!;
    const c = fm.cleaning;
    return {
      name,
      size,
      ok: true,
      sha256,
      markdown,
      bodyHash: createHash('sha256').update(body).digest('hex'),
      wantedSlug: reportSlug(primaryYear(fm), fm.region, fm.kind),
      warnings: file.messages.map((m) => `${path}${m.line ? `:${m.line}` : ''}: ${m.reason}`),
      summary: `chrome ${c.chromeLines}, spam ${c.spam.reduce((n, s) => n + s.count, 0)}, restored ${c.restorations.length}, converted ${c.convertedChars}`,
    };
  } catch (error) {
    const line = (error as { line?: number }).line;
    return { name, size, ok: false, error: `${path}${line ? `:${line}` : ''}: ${reasonOf(error)}` };
  }
}
