import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Wall time and peak memory of a finished child process. */
export interface Run {
  seconds: number;
  peakRssMb: number | null;
  stdout: string;
  stderr: string;
  status: number | null;
}

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command to completion, timing it; peak RSS comes from GNU time when the machine has it. */
export function timed(command: string, args: string[], options: SpawnSyncOptions = {}): Run {
  const started = performance.now();
  const result = gnuTime
    ? spawnSync(gnuTime, ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...options })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  const seconds = (performance.now() - started) / 1000;
  const stderr = String(result.stderr);
  const rss = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  return {
    seconds,
    peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
    stdout: String(result.stdout),
    stderr,
    status: result.status,
  };
}

/** Every file below a folder. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Total bytes and count of the files below a folder (sizes only: gzipping 100,000 reports' files takes longer than building them). */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const path of filesUnder(dir)) {
    bytes += statSync(path).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Total bytes of files below a folder, and as a host sends them: each gzipped, except packs
 * (`.bin`), whose values are compressed one by one already and are sent as they are.
 */
export function folderBytes(
  dir: string,
  filter: (path: string) => boolean = () => true,
): { bytes: number; gzBytes: number; files: number } {
  let bytes = 0;
  let gzBytes = 0;
  let files = 0;
  for (const path of filesUnder(dir).filter(filter)) {
    const size = statSync(path).size;
    bytes += size;
    gzBytes += path.endsWith('.bin') ? size : gzipSync(readFileSync(path)).length;
    files++;
  }
  return { bytes, gzBytes, files };
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** The mean of a list of numbers, to three decimals. */
export function mean(values: number[]): number {
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1000) / 1000;
}

/** Warm p50 and p95 and cold p50 of query timings, in whole milliseconds. */
export function latencies(warm: number[], cold: number[]): { p50Ms: number; p95Ms: number; coldP50Ms: number } {
  return { p50Ms: Math.round(percentile(warm, 50)), p95Ms: Math.round(percentile(warm, 95)), coldP50Ms: Math.round(percentile(cold, 50)) };
}
