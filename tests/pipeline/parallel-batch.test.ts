import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch, normalizeBatchParallel } from '../../scripts/normalize-batch.ts';

const files = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );

describe('normalize on worker threads', () => {
  it('writes the same files and outcomes, byte for byte, as the single-threaded run', async () => {
    const root = mkdtempSync(join(tmpdir(), 'parallel-'));
    const raw = join(root, 'raw');
    mkdirSync(raw);
    for (const dir of ['content/raw', 'tests/fixtures/raw', 'tests/fixtures/bad', 'tests/fixtures/site'])
      for (const f of readdirSync(dir)) cpSync(join(dir, f), join(raw, f));
    const one = normalizeBatch(raw, join(root, 'one'), join(root, 'one-slugs.json'));
    const three = await normalizeBatchParallel(raw, join(root, 'three'), join(root, 'three-slugs.json'), 3);
    expect(three.outcomes).toEqual(one.outcomes);
    expect(readdirSync(join(root, 'one')).length).toBeGreaterThan(20);
    expect(one.outcomes.filter((o) => !o.ok).length).toBeGreaterThan(3);
    expect(files(join(root, 'three'))).toEqual(files(join(root, 'one')));
    expect(readFileSync(join(root, 'three-slugs.json'), 'utf8')).toBe(readFileSync(join(root, 'one-slugs.json'), 'utf8'));
  });
});
