import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { readReport } from '../helpers.ts';

describe('writing reports', () => {
  const killedRun = { root: '', raw: '', out: '' };
  it('leaves no half-written report when the run is killed mid-way', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atomic-'));
    const raw = join(root, 'raw');
    mkdirSync(raw);
    const seeds = readdirSync('content/raw');
    // Copies past the first five are refused as duplicates, which keeps the run busy to be killed.
    for (let i = 0; i < 400; i++) {
      const seed = seeds[i % seeds.length]!;
      cpSync(join('content/raw', seed), join(raw, `${String(i).padStart(4, '0')}-${seed}`));
    }
    const out = join(root, 'out');
    Object.assign(killedRun, { root, raw, out });
    const child = spawn(process.execPath, ['scripts/normalize.ts', '--in', raw, '--out', out], { stdio: 'ignore' });
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        let written = 0;
        try {
          written = readdirSync(out).filter((n) => n.endsWith('.md')).length;
        } catch {
          /* not created yet */
        }
        if (written >= 2) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    await new Promise((r) => child.once('exit', r));
    const reports = readdirSync(out).filter((n) => n.endsWith('.md') && !n.startsWith('.'));
    expect(reports.length).toBeGreaterThanOrEqual(2);
    for (const name of reports) {
      const { data, body } = readReport(readFileSync(join(out, name), 'utf8'));
      expect(data.title.length).toBeGreaterThan(0);
      expect(body.trim().length).toBeGreaterThan(100);
    }
    expect(readdirSync(out).filter((n) => !n.endsWith('.md') && !/^\..+\.tmp$/.test(n) && n !== '.normalize.lock')).toEqual([]);
  });
  it("lets the next run take over the killed run's lock and clean up its temporary files", () => {
    const { root, raw, out } = killedRun;
    expect(root).not.toBe('');
    normalizeBatch(raw, out);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
