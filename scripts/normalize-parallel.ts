import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { batchSink, startBatch, type BatchResult } from './lib/batch-run.ts';
import type { WorkerJob, WorkerResults } from './lib/normalize-worker.ts';
import type { Processed } from './lib/process-raw.ts';

/**
 * `normalizeBatch` on `threads` worker threads: files are processed in parallel and taken back in
 * name order, so duplicates, slugs, written files and outcomes are byte for byte the same. The
 * workers start first and load the pipeline while this thread checks the folders and lists the
 * files; this module does not load the pipeline itself.
 */
export async function normalizeBatchParallel(
  inDir: string,
  outDir: string,
  slugs: string | null = null,
  threads = availableParallelism(),
): Promise<BatchResult> {
  const started = performance.now();
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./lib/normalize-worker.ts', import.meta.url)));
  let batch: ReturnType<typeof startBatch>;
  try {
    batch = startBatch(inDir, outDir);
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  const { release, names, outcomes, templates } = batch;
  try {
    const sink = batchSink(inDir, outDir, slugs, outcomes);
    const waiting = new Map<number, Processed>();
    let next = 0;
    const siteLines = Object.fromEntries(templates);
    const nextFile = new Int32Array(new SharedArrayBuffer(4));
    await Promise.all(
      workers.map((worker, nth) => {
        worker.on('message', (batch: WorkerResults) => {
          for (const { index, result } of batch) waiting.set(index, result);
          for (let p = waiting.get(next); p; p = waiting.get(next)) {
            waiting.delete(next++);
            sink.accept(p);
          }
        });
        const done = new Promise<void>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code === 0) resolve();
            else reject(new Error(`normalize worker ${nth} stopped with exit code ${code}`));
          });
        });
        const job: WorkerJob = { inDir, names, siteLines, next: nextFile };
        worker.postMessage(job);
        return done;
      }),
    );
    return sink.finish(names, started);
  } catch (error) {
    // A worker that stopped fails the run; the others stop too, so nothing is written once the lock is released.
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  } finally {
    release();
  }
}
