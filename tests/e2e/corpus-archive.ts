import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';

/** Divisions every generated test corpus holds: names that collide, and 省直辖 cities. */
export const collidingPlaces = {
  山西省小店区: '140105',
  陕西省雁塔区: '610113',
  临夏市: '622901',
  临夏县: '622921',
  和田市: '653201',
  和田县: '653221',
  伊宁市: '654002',
  伊宁县: '654021',
  云安区: '445303',
  郁南县: '445322',
  仙桃市: '429004',
  潜江市: '429005',
} as const;

/** A built archive of a generated corpus: its folders and how long each stage took. */
export interface CorpusArchive {
  raw: string;
  reports: string;
  dist: string;
  seconds: { generate: number; normalize: number; build: number };
}

const since = (start: number) => Math.round((performance.now() - start) / 100) / 10;

/**
 * Generates `count` reports with the bench generator (the colliding places first, 仙桃 three
 * times), normalizes them and builds the site into `root`. Throws with the build's output if
 * any stage fails.
 */
export function buildCorpusArchive(count: number, root: string): CorpusArchive {
  const raw = join(root, 'raw');
  const reports = join(root, 'reports');
  const dist = join(root, 'dist');
  mkdirSync(root, { recursive: true });
  let start = performance.now();
  const codes: string[] = Object.values(collidingPlaces);
  generateCorpus(count, raw, 2026, 'content/reports', [...codes, collidingPlaces.仙桃市, collidingPlaces.仙桃市]);
  const generate = since(start);
  start = performance.now();
  const failed = normalizeBatch(raw, reports).outcomes.filter((o) => !o.ok);
  if (failed.length) throw new Error(`corpus failed to normalize: ${JSON.stringify(failed.slice(0, 5))}`);
  const normalize = since(start);
  start = performance.now();
  const env = { ...process.env, ARCHIVE_RAW: raw, ARCHIVE_REPORTS: reports, ARCHIVE_OUT: dist, ASTRO_TELEMETRY_DISABLED: '1' };
  const build = spawnSync('npx', ['astro', 'build'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout.slice(-4000)}\n${build.stderr.slice(-4000)}`);
  return { raw, reports, dist, seconds: { generate, normalize, build: since(start) } };
}

/** Reports in the archive the end-to-end files share. */
export const sharedCorpusSize = 1000;

/**
 * The generated archive of `sharedCorpusSize` reports every end-to-end file on it shares: built
 * by the first file that asks, into the folder global setup made for it, and reused by the files
 * after it (they run one at a time), so a run builds it once or not at all.
 */
export function sharedCorpusArchive(): CorpusArchive {
  const root = inject('corpusRoot');
  const record = join(root, 'archive.json');
  if (existsSync(record)) {
    console.log(`[${sharedCorpusSize}] the archive in ${root} is built already`);
    return JSON.parse(readFileSync(record, 'utf8')) as CorpusArchive;
  }
  const archive = buildCorpusArchive(sharedCorpusSize, root);
  const { generate, normalize, build } = archive.seconds;
  console.log(`[${sharedCorpusSize}] generate ${generate} s, normalize ${normalize} s, build ${build} s`);
  writeFileSync(record, JSON.stringify(archive));
  return archive;
}
