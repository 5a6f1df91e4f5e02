import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BatchError } from './batch-error.ts';
import { listRawFiles } from './list-raw-files.ts';
import { lockOutput } from './output-lock.ts';
import type { Processed } from './process-raw.ts';
import { siteTemplates } from './site-template.ts';
import { SlugRegistry } from './slug-registry.ts';
import { removeStaleReports, type Removed } from './stale-reports.ts';
import { removeLeftoverTemps, writeAtomic } from './write-atomic.ts';

/*
 * What both batch runners share: checking the folders, taking the lock, listing the raw files,
 * and taking processed files in name order. Nothing here loads the pipeline, so the parallel
 * runner's main thread, which only hands files to workers and writes what they return, does not
 * pay for loading it.
 */

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
export function batchSink(inDir: string, outDir: string, slugs: string | null, outcomes: Outcome[]) {
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
export function startBatch(inDir: string, outDir: string) {
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
