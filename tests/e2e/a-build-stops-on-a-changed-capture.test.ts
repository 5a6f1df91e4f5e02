import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';

describe('a build whose raw capture changed after normalizing', () => {
  // The writers check each capture's SHA-256 in worker threads while the pages render: a failure
  // there must stop the whole build, not leave it waiting or publish part of the archive's files.
  it('fails naming the file, publishes no search index or downloads, and does not hang', () => {
    const root = mkdtempSync(join(tmpdir(), 'archive-changed-'));
    const raw = join(root, 'raw');
    cpSync('content/raw', raw, { recursive: true });
    const reports = join(root, 'reports');
    expect(normalizeBatch(raw, reports).outcomes.every((o) => o.ok)).toBe(true);
    const changed = readdirSync(raw).sort()[2]!;
    appendFileSync(join(raw, changed), '\n');
    const dist = join(root, 'dist');
    const env = { ...process.env, ARCHIVE_RAW: raw, ARCHIVE_REPORTS: reports, ARCHIVE_OUT: dist, ASTRO_TELEMETRY_DISABLED: '1' };
    const build = spawnSync('npx', ['astro', 'build'], { env, encoding: 'utf8', timeout: 100_000 });
    expect(build.signal).toBeNull();
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toMatch(
      new RegExp(
        `raw file ${join(raw, changed).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has SHA-256 [0-9a-f]{64}, not the [0-9a-f]{64} the report records; run npm run normalize`,
      ),
    );
    // The pages of /search/ and /reports/… are Astro's; the writers' files never moved in.
    expect(existsSync(join(dist, 'search', 'manifest.json'))).toBe(false);
    expect(readdirSync(join(dist, 'reports')).filter((name) => /\.(md|json|txt|original)$/.test(name))).toEqual([]);
  });
});
