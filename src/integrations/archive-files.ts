import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { archivePaths } from '../archive-paths.ts';
import type { ArchivePart } from './archive-files-worker.ts';
import type { ArchiveSources } from './write-archive-files.ts';

/** Moves every entry of `from` into `to` (same file system: a rename each), then removes `from`. */
function moveInto(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) renameSync(join(from, name), join(to, name));
  rmSync(from, { recursive: true });
}

/** Runs one writer in a worker thread; resolves with its counts, rejects with its error. */
function startWriter(out: string, sources: ArchiveSources, part: ArchivePart): Promise<{ reports: number; shards: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./archive-files-worker.ts', import.meta.url), { workerData: { out, sources, part } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`archive-files worker exited with code ${code}`));
    });
  });
}

/**
 * Writes the archive's search index and downloads (see `writeSearchIndex`, `writeDownloads`) in
 * two worker threads that start as soon as a build's configuration is known, so they run while
 * Astro syncs the content layer and while the main thread renders pages (they need nothing from
 * Astro, only the report and raw folders). The index is the longer job; the downloads, apart,
 * share the two cores with it and the pages rather than adding to it. The workers write into a
 * staging folder beside the output (the build empties the output first); once the pages are built
 * and both have finished, their files move in; if either fails, nothing moves and the build fails.
 * `astro dev`, `preview` and `sync` (which `astro check` runs) start no worker.
 */
export function archiveFiles(): AstroIntegration {
  let outDir = '';
  let writer: Promise<{ reports: number; shards: number }> | null = null;
  let started = 0;
  const staging = () => `${outDir.replace(/\/+$/, '')}.archive-staging`;
  let building = false;
  return {
    name: 'archive-files',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        if (!building || writer) return;
        rmSync(staging(), { recursive: true, force: true });
        started = performance.now();
        const sources = { reports: archivePaths.reports, raw: archivePaths.raw };
        writer = Promise.all([startWriter(staging(), sources, 'index'), startWriter(staging(), sources, 'downloads')]).then(
          ([index]) => index,
        );
        // Awaited at build:done; until then a failure must not count as unhandled.
        writer.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!writer) throw new Error('archive-files: the build finished without starting the writer');
        const { reports, shards } = await writer;
        const out = fileURLToPath(dir);
        moveInto(join(staging(), 'reports'), join(out, 'reports'));
        moveInto(join(staging(), 'search'), join(out, 'search'));
        rmSync(staging(), { recursive: true, force: true });
        logger.info(
          `wrote downloads for ${reports} reports and a search index of ${shards} shards in ${((performance.now() - started) / 1000).toFixed(1)} s, beside the pages`,
        );
      },
    },
  };
}
