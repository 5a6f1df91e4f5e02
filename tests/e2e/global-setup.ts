import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    /** An empty folder for the generated 1,000-report archive: the first test file that needs it builds it there (see `sharedCorpusArchive`). */
    corpusRoot: string;
  }
}

let server: ChildProcess | undefined;
let corpusRoot: string | undefined;

/**
 * Builds a fixture archive (the real raw pages plus tests/fixtures/site) into a temporary folder
 * and serves it with `astro preview`, so end-to-end tests see real built pages and fixtures
 * never enter the published archive.
 */
export async function setup(project: TestProject): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'archive-e2e-'));
  const raw = join(root, 'raw');
  mkdirSync(raw);
  for (const dir of ['content/raw', 'tests/fixtures/site']) for (const f of readdirSync(dir)) cpSync(join(dir, f), join(raw, f));
  const reports = join(root, 'reports');
  const result = normalizeBatch(raw, reports);
  const failed = result.outcomes.filter((o) => !o.ok);
  if (failed.length) throw new Error(`fixture archive failed to normalize: ${JSON.stringify(failed)}`);
  const env = {
    ...process.env,
    ARCHIVE_RAW: raw,
    ARCHIVE_REPORTS: reports,
    ARCHIVE_OUT: join(root, 'dist'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const build = spawnSync('npx', ['astro', 'build'], { env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  const port = Number(process.env.E2E_PORT) || (await freePort());
  server = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1'], { env, stdio: 'pipe', detached: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${baseUrl}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  project.provide('baseUrl', baseUrl);
  project.provide('distDir', join(root, 'dist'));
  // E2E_CORPUS_DIR keeps the generated archive between runs while iterating on its tests (rebuild it by emptying the folder).
  const kept = process.env.E2E_CORPUS_DIR;
  if (kept) mkdirSync(kept, { recursive: true });
  else corpusRoot = mkdtempSync(join(tmpdir(), 'archive-1k-'));
  project.provide('corpusRoot', kept ?? corpusRoot!);
}

/** Stops the preview server and everything it started, and removes the generated archive. */
export function teardown(): void {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (corpusRoot) rmSync(corpusRoot, { recursive: true, force: true });
}
