import { parentPort, workerData } from 'node:worker_threads';
import { listReports, writeDownloads, writeSearchIndex, type ArchiveSources } from './write-archive-files.ts';

/** What a writer worker writes: the reports' downloads, or the search index. */
export type ArchivePart = 'downloads' | 'index';

/**
 * Runs one of the archive's writers off the main thread, which is busy rendering pages
 * meanwhile; each checks every report first (`listReports`), so either stops on a bad one before
 * writing anything. Posts the number of reports written and, for the index, of shards.
 */
const { out, sources, part } = workerData as { out: string; sources: ArchiveSources; part: ArchivePart };
const listed = listReports(sources);
parentPort?.postMessage(part === 'index' ? writeSearchIndex(out, listed) : { reports: writeDownloads(out, listed), shards: 0 });
