import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../helpers.ts';

describe('writing reports', () => {
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
    expect(readdirSync(out).filter((n) => !n.endsWith('.md') && !/^\..+\.tmp$/.test(n))).toEqual([]);
  });
});
