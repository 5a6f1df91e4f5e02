/**
 * A normalize worker thread: loads the pipeline as soon as it starts, then takes its job (the
 * batch posts it once the files are listed), runs the pipeline on every `stride`-th raw file from
 * `offset` and posts each result with its index, so the batch can take them in name order.
 */
import { parentPort } from 'node:worker_threads';
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

const pipeline = createPipeline();
parentPort!.once('message', (job: WorkerJob) => {
  for (let i = job.offset; i < job.names.length; i += job.stride) {
    const name = job.names[i]!;
    parentPort!.postMessage({ index: i, result: processRaw(pipeline, job.inDir, name, job.siteLines[name] ?? []) });
  }
});
