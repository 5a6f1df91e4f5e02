import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { BatchError } from './lib/batch-error.ts';
import { listRawFiles } from './lib/list-raw-files.ts';
import { lockOutput } from './lib/output-lock.ts';
import { siteTemplates } from './lib/site-template.ts';
import { SlugRegistry } from './lib/slug-registry.ts';
import { removeStaleReports, type Removed } from './lib/stale-reports.ts';
import { removeLeftoverTemps, writeAtomic } from './lib/write-atomic.ts';
import { createPipeline } from './pipeline.ts';
import { processRaw, type Processed } from './lib/process-raw.ts';

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

function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** Checks the two folders before anything is read or written; throws a one-line BatchError. */
function openFolders(inDir: string, outDir: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(inDir).isDirectory();
  } catch (error) {
    throw new BatchError(
      `--in ${inDir}: ${errnoCode(error) === 'ENOENT' ? 'no such folder' : `cannot read the folder (${errnoCode(error)})`}`,
      { cause: error },
    );
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

/** Takes processed files in name order: refuses duplicates, gives slugs, writes, and sums up the run. */
function batchSink(inDir: string, outDir: string, slugs: string | null, outcomes: Outcome[]) {
  const written = new Map<string, string>();
  const registry = SlugRegistry.load(outDir, slugs);
  const bodies = new Map<string, string>();
  let total = 0;
  return {
    accept(p: Processed): void {
      total += p.size;
      if (!p.ok) {
        outcomes.push({ file: p.name, ok: false, bytes: p.size, error: p.error });
        return;
      }
      const duplicateOf = bodies.get(p.bodyHash);
      if (duplicateOf) {
        outcomes.push({
          file: p.name,
          ok: false,
          bytes: p.size,
          error: `${join(inDir, p.name)}: duplicate: same normalized text as ${duplicateOf}; not published twice`,
        });
        return;
      }
      bodies.set(p.bodyHash, p.name);
      const slug = registry.slugFor(p.name, p.sha256, p.wantedSlug);
      writeAtomic(join(outDir, `${slug}.md`), p.markdown);
      written.set(p.name, slug);
      outcomes.push({ file: p.name, ok: true, slug, bytes: p.size, warnings: p.warnings, summary: p.summary });
    },
    finish(names: string[], started: number): BatchResult {
      registry.save();
      const notes: string[] = [];
      let removed: Removed[] = [];
      if (names.length === 0) notes.push(`no raw files in ${inDir}; no report removed from ${outDir}`);
      else removed = removeStaleReports(outDir, new Set(names), written);
      return { outcomes, removed, notes, bytes: total, seconds: (performance.now() - started) / 1000 };
    },
  };
}

/** Opens the folders, takes the lock and lists the raw files: what both batch runners start with. */
function startBatch(inDir: string, outDir: string) {
  openFolders(inDir, outDir);
  const release = lockOutput(outDir);
  try {
    removeLeftoverTemps(outDir);
    const { names, badNames } = listRawFiles(inDir);
    const outcomes: Outcome[] = badNames.map((name) => ({
      file: name,
      ok: false,
      bytes: 0,
      error: `${join(inDir, name)}: file name is not valid UTF-8 (bad bytes shown as \\xNN); rename the file in UTF-8 to normalize it`,
    }));
    return { release, names, outcomes, templates: siteTemplates(inDir, names) };
  } catch (error) {
    release();
    throw error;
  }
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
  const { release, names, outcomes, templates } = startBatch(inDir, outDir);
  try {
    const pipeline = createPipeline();
    const sink = batchSink(inDir, outDir, slugs, outcomes);
    for (const name of names) sink.accept(processRaw(pipeline, inDir, name, templates.get(name) ?? []));
    return sink.finish(names, started);
  } finally {
    release();
  }
}

/**
 * `normalizeBatch` on `threads` worker threads: files are processed in parallel and taken back in
 * name order, so duplicates, slugs, written files and outcomes are byte for byte the same.
 */
export async function normalizeBatchParallel(
  inDir: string,
  outDir: string,
  slugs: string | null = null,
  threads = availableParallelism(),
): Promise<BatchResult> {
  const started = performance.now();
  const { release, names, outcomes, templates } = startBatch(inDir, outDir);
  try {
    const sink = batchSink(inDir, outDir, slugs, outcomes);
    const waiting = new Map<number, Processed>();
    let next = 0;
    const job = { inDir, names, siteLines: Object.fromEntries(templates) };
    const stride = Math.max(1, Math.min(threads, names.length));
    await Promise.all(
      Array.from({ length: names.length ? stride : 0 }, (_, offset) => {
        const worker = new Worker(new URL('./lib/normalize-worker.ts', import.meta.url), { workerData: { ...job, offset, stride } });
        worker.on('message', ({ index, result }: { index: number; result: Processed }) => {
          waiting.set(index, result);
          for (let p = waiting.get(next); p; p = waiting.get(next)) {
            waiting.delete(next++);
            sink.accept(p);
          }
        });
        return new Promise<void>((done, fail) => {
          worker.on('error', fail);
          worker.on('exit', (code) => {
            if (code === 0) done();
            else fail(new Error(`normalize worker ${offset} stopped with exit code ${code}`));
          });
        });
      }),
    );
    return sink.finish(names, started);
  } finally {
    release();
  }
}
