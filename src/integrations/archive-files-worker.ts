import { parentPort, workerData } from 'node:worker_threads';
import { writeArchiveFiles, type ArchiveSources } from './write-archive-files.ts';

/** Runs `writeArchiveFiles` off the main thread, which is busy rendering pages meanwhile. */
const { out, sources } = workerData as { out: string; sources: ArchiveSources };
parentPort?.postMessage(writeArchiveFiles(out, sources));
