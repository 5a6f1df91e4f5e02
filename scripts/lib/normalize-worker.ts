/**
 * A normalize worker thread: loads the pipeline as soon as it starts, then takes its job (the
 * batch posts it once the files are listed) and runs the pipeline on one raw file after another,
 * each taken from a counter the workers share, so none stands idle while another still has a
 * queue; it posts the results with their indexes, so the batch can take them in name order.
 */
import { parentPort } from 'node:worker_threads';
import { createPipeline } from '../pipeline.ts';
import { processRaw, type Processed } from './process-raw.ts';

/** What the batch gives a worker. */
export interface WorkerJob {
  inDir: string;
  names: string[];
  siteLines: Record<string, string[]>;
  /** One Int32 in shared memory: the index of the next file no worker has taken. */
  next: Int32Array;
}

/** What a worker posts: results with their file's index, a few at a time (one message per file costs more). */
export type WorkerResults = { index: number; result: Processed }[];

/** Results a worker gathers before posting them. */
const resultsPerMessage = 16;

const pipeline = createPipeline();
parentPort!.once('message', (job: WorkerJob) => {
  let batch: WorkerResults = [];
  for (let i = Atomics.add(job.next, 0, 1); i < job.names.length; i = Atomics.add(job.next, 0, 1)) {
    const name = job.names[i]!;
    batch.push({ index: i, result: processRaw(pipeline, job.inDir, name, job.siteLines[name] ?? []) });
    if (batch.length === resultsPerMessage) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  if (batch.length) parentPort!.postMessage(batch);
});
