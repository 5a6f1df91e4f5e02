import { createPipeline } from './pipeline.ts';
import { batchSink, startBatch, type BatchResult } from './lib/batch-run.ts';
import { processRaw } from './lib/process-raw.ts';

export { notRaw } from './lib/list-raw-files.ts';
export { BatchError } from './lib/batch-error.ts';
export type { BatchResult, Outcome } from './lib/batch-run.ts';
export { normalizeBatchParallel } from './normalize-parallel.ts';

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
