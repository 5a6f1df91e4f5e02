/**
 * A normalize worker thread: runs the pipeline on every `stride`-th raw file from `offset` and
 * posts each result with its index, so the batch can take them in name order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createPipeline } from '../pipeline.ts';
import { processRaw } from './process-raw.ts';

/** What the batch gives a worker. */
export interface WorkerJob {
  inDir: string;
  names: string[];
  siteLines: Record<string, string[]>;
  offset: number;
  stride: number;
}

const job = workerData as WorkerJob;
const pipeline = createPipeline();
for (let i = job.offset; i < job.names.length; i += job.stride) {
  const name = job.names[i]!;
  parentPort!.postMessage({ index: i, result: processRaw(pipeline, job.inDir, name, job.siteLines[name] ?? []) });
}
