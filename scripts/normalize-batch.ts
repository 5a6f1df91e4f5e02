import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { bodyLimitProblem } from '../src/lib/body-limits.ts';
import { primaryYear } from '../src/lib/catalogue.ts';
import { DecodeError } from '../src/lib/decode-bytes.ts';
import { splitReport } from '../src/lib/read-reports.ts';
import { reportSlug } from '../src/lib/slug.ts';
import { BatchError } from './lib/batch-error.ts';
import { listRawFiles } from './lib/list-raw-files.ts';
import { lockOutput } from './lib/output-lock.ts';
import { rawFileSize, readRawFile } from './lib/read-raw-file.ts';
import { readSourceInfo } from './lib/read-source-info.ts';
import { siteTemplates } from './lib/site-template.ts';
import { SlugRegistry } from './lib/slug-registry.ts';
import { removeStaleReports, type Removed } from './lib/stale-reports.ts';
import { removeLeftoverTemps, writeAtomic } from './lib/write-atomic.ts';
import { createPipeline } from './pipeline.ts';

export { notRaw } from './lib/list-raw-files.ts';
export { BatchError } from './lib/batch-error.ts';

/** What became of one raw file. */
export type Outcome =
  | { file: string; ok: true; slug: string; bytes: number; warnings: string[]; summary: string }
  | { file: string; ok: false; bytes: number; error: string };

/** Result of one normalize run. */
export interface BatchResult {
  outcomes: Outcome[];
  /** Reports removed from the output folder because their raw file is gone or now has another slug. */
  removed: Removed[];
  /** Things about the run as a whole worth telling the user (an empty input folder). */
  notes: string[];
  bytes: number;
  seconds: number;
}

function bodyHash(markdown: string): string {
  return createHash('sha256').update(splitReport(markdown).body).digest('hex');
}

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** Checks the two folders before anything is read or written; throws a one-line BatchError. */
function openFolders(inDir: string, outDir: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(inDir).isDirectory();
  } catch (error) {
    throw new BatchError(`--in ${inDir}: ${errnoCode(error) === 'ENOENT' ? 'no such folder' : `cannot read the folder (${errnoCode(error)})`}`, { cause: error });
  }
  if (!isDir) throw new BatchError(`--in ${inDir}: not a folder`);
  const same = (() => {
    try {
      return realpathSync(inDir) === realpathSync(outDir);
    } catch {
      return resolve(inDir) === resolve(outDir);
    }
  })();
  if (same) throw new BatchError(`--in and --out are the same folder (${inDir}); raw pages and normalized reports must live apart`);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new BatchError(`--out ${outDir}: cannot create the folder (${errnoCode(error)})`, { cause: error });
  }
}

/** The reason a raw file failed, as the user should read it. */
function reasonOf(error: unknown): string {
  if (error instanceof DecodeError) return error.reason;
  if (error instanceof RangeError && /call stack/i.test(error.message)) return `markup nested too deeply to read (${error.message})`;
  return (error as Error).message;
}

/**
 * Normalizes every raw file in `inDir` into `outDir`: one report per file, written atomically,
 * one run at a time per output folder (a lock file). A file that fails — unreadable, too large,
 * a name that is not UTF-8, not text, not a report — is reported with its reason and the batch
 * goes on; a report whose text duplicates an earlier one is refused, naming the earlier file.
 * Reports of raw files that are gone are removed (see `removeStaleReports`), never anything else
 * and never when the input folder holds no raw file. A published report keeps its slug (see
 * `SlugRegistry`): from the registry file `slugs` when given, else from the report files already
 * in `outDir`.
 * @throws BatchError when the folders themselves are unusable or another run holds the lock
 */
export function normalizeBatch(inDir: string, outDir: string, slugs: string | null = null): BatchResult {
  const started = performance.now();
  openFolders(inDir, outDir);
  const release = lockOutput(outDir);
  try {
    removeLeftoverTemps(outDir);
    const pipeline = createPipeline();
    const { names, badNames } = listRawFiles(inDir);
    const templates = siteTemplates(inDir, names);
    const outcomes: Outcome[] = badNames.map((name) => ({
      file: name,
      ok: false,
      bytes: 0,
      error: `${join(inDir, name)}: file name is not valid UTF-8 (bad bytes shown as \\xNN); rename the file in UTF-8 to normalize it`,
    }));
    const written = new Map<string, string>();
    const registry = SlugRegistry.load(outDir, slugs);
    const bodies = new Map<string, string>();
    let total = 0;
    for (const name of names) {
      const path = join(inDir, name);
      let size = rawFileSize(path);
      try {
        const bytes = readRawFile(path);
        size = bytes.length;
        if (bytes.length === 0 || bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
          throw new DecodeError(bytes.length === 0 ? 'file is empty' : 'file holds only whitespace');
        }
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const file = new VFile({ path: name, value: bytes, data: { source: { file: name, sha256, ...readSourceInfo(path) }, siteLines: templates.get(name) ?? [] } });
        const markdown = String(pipeline.processSync(file));
        const tooBig = bodyLimitProblem(splitReport(markdown).body);
        if (tooBig) throw new Error(tooBig);
        const fm = file.data.frontmatter!;
        const hash = bodyHash(markdown);
        const duplicateOf = bodies.get(hash);
        if (duplicateOf) throw new Error(`duplicate: same normalized text as ${duplicateOf}; not published twice`);
        bodies.set(hash, name);
        const slug = registry.slugFor(name, sha256, reportSlug(primaryYear(fm), fm.region, fm.kind));
        writeAtomic(join(outDir, `${slug}.md`), markdown);
        written.set(name, slug);
        const c = fm.cleaning;
        outcomes.push({
          file: name,
          ok: true,
          slug,
          bytes: bytes.length,
          warnings: file.messages.map((m) => `${path}${m.line ? `:${m.line}` : ''}: ${m.reason}`),
          summary: `chrome ${c.chromeLines}, spam ${c.spam.reduce((n, s) => n + s.count, 0)}, restored ${c.restorations.length}, converted ${c.convertedChars}`,
        });
      } catch (error) {
        const line = (error as { line?: number }).line;
        outcomes.push({ file: name, ok: false, bytes: size, error: `${path}${line ? `:${line}` : ''}: ${reasonOf(error)}` });
      }
      total += size;
    }
    registry.save();
    const notes: string[] = [];
    let removed: Removed[] = [];
    if (names.length === 0) notes.push(`no raw files in ${inDir}; no report removed from ${outDir}`);
    else removed = removeStaleReports(outDir, new Set(names), written);
    return { outcomes, removed, notes, bytes: total, seconds: (performance.now() - started) / 1000 };
  } finally {
    release();
  }
}
