import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { BatchError, normalizeBatch } from '../../scripts/normalize-batch.ts';
import { readReport } from '../helpers.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('npm run normalize on the archive', () => {
  it('reproduces content/reports byte for byte, and a second run changes nothing', () => {
    const first = temp('reports-');
    const second = temp('reports-');
    normalizeBatch('content/raw', first);
    normalizeBatch('content/raw', second);
    const committed = readdirSync('content/reports').sort();
    expect(readdirSync(first).sort()).toEqual(committed);
    for (const name of committed) {
      const expected = readFileSync(join('content/reports', name), 'utf8');
      expect(readFileSync(join(first, name), 'utf8'), name).toBe(expected);
      expect(readFileSync(join(second, name), 'utf8'), name).toBe(expected);
    }
  });
  it('never writes into content/raw', () => {
    const before = readdirSync('content/raw').map((n) => readFileSync(join('content/raw', n), 'base64'));
    normalizeBatch('content/raw', temp('reports-'));
    expect(readdirSync('content/raw').map((n) => readFileSync(join('content/raw', n), 'base64'))).toEqual(before);
  });
});

describe('a batch with bad and hostile input', () => {
  const out = temp('bad-out-');
  const result = normalizeBatch('tests/fixtures/bad', out);
  const outcome = (file: string) => result.outcomes.find((o) => o.file === file)!;
  const error = (file: string) => {
    const o = outcome(file);
    return o.ok ? null : o.error;
  };

  it('names each refused file and the reason', () => {
    expect(error('empty.txt')).toBe('tests/fixtures/bad/empty.txt: file is empty');
    expect(error('whitespace-only.txt')).toBe('tests/fixtures/bad/whitespace-only.txt: file holds only whitespace');
    expect(error('image.png')).toBe(
      'tests/fixtures/bad/image.png: expected UTF-8, GB18030, Big5 or UTF-16 text, found binary data (PNG header)',
    );
    expect(error('not-a-report.html')).toMatch(
      /^tests\/fixtures\/bad\/not-a-report\.html:\d+: not a report: no title naming a report kind/,
    );
    expect(error('dup original.txt')).toBe(
      'tests/fixtures/bad/dup original.txt: duplicate: same normalized text as dup copy 三明.txt; not published twice',
    );
  });
  it('still writes every good report', () => {
    const written = readdirSync(out);
    expect(written).toHaveLength(result.outcomes.filter((o) => o.ok).length);
    expect(written.length).toBe(4);
  });
  it('keeps a title full of YAML specials intact', () => {
    const o = outcome('yaml-specials-title.txt');
    if (!o.ok) throw new Error(o.error);
    const { data } = readReport(readFileSync(join(out, `${o.slug}.md`), 'utf8'));
    expect(data.title).toBe('title: "测试县教育局": 2021年工作总结 # \'quoted\' ---');
  });
  it('keeps markup in a report as escaped text', () => {
    const o = outcome('hostile-markup.txt');
    if (!o.ok) throw new Error(o.error);
    const markdown = readFileSync(join(out, `${o.slug}.md`), 'utf8');
    const { data, body } = readReport(markdown);
    expect(data.title).toBe('临安区教育局2021年工作总结<script>alert(1)</script>');
    const html: string[] = [];
    visit(fromMarkdown(body), 'html', (node) => {
      html.push(node.value);
    });
    expect(html).toEqual([]);
    expect(body).toContain('\\<img src=x onerror=alert(1)>');
  });
  it('decodes a file whose last character was cut, with a warning', () => {
    const o = outcome('truncated-utf8.txt');
    expect(o.ok && o.warnings).toEqual([
      'tests/fixtures/bad/truncated-utf8.txt: truncated UTF-8: the last 2 byte(s) end mid-character and were dropped',
    ]);
  });
});

describe('huge input', () => {
  it('refuses a 50 MB file by name and handles a single 1 MB line', () => {
    const dir = temp('huge-');
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, '教'));
    const sentence = '全县新增学位1200个，专任教师达到3100人，义务教育巩固率达到99.5%。';
    writeFileSync(
      join(dir, 'one-line.txt'),
      `长兴县教育局2021年工作总结\n${sentence.repeat(Math.ceil(1e6 / Buffer.byteLength(sentence)))}`,
    );
    const result = normalizeBatch(dir, temp('huge-out-'));
    const [huge, oneLine] = [result.outcomes.find((o) => o.file === 'huge.txt')!, result.outcomes.find((o) => o.file === 'one-line.txt')!];
    expect(huge.ok ? null : huge.error).toBe(
      `${join(dir, 'huge.txt')}: file is 50.0 MB; raw reports over 20 MB are refused as not a single report`,
    );
    expect(oneLine.ok).toBe(true);
  });
  it('refuses a file too large by its size, before reading it', () => {
    const dir = temp('sparse-');
    // A 3 GB sparse file: reading it would take 3 GB of memory or fail outright.
    writeFileSync(join(dir, 'sparse.txt'), '');
    execFileSync('truncate', ['-s', '3G', join(dir, 'sparse.txt')]);
    copyFileSync('tests/fixtures/raw/lost-number-third.txt', join(dir, 'z-good.txt'));
    const result = normalizeBatch(dir, temp('sparse-out-'));
    expect(result.outcomes.map((o) => (o.ok ? o.file : o.error))).toEqual([
      `${join(dir, 'sparse.txt')}: file is 3072.0 MB; raw reports over 20 MB are refused as not a single report`,
      'z-good.txt',
    ]);
  });
  it('refuses a body of ten megabytes of escaped asterisks at normalize, naming the limit', () => {
    const dir = temp('stars-');
    writeFileSync(join(dir, 'stars.txt'), `长兴县教育局2021年工作总结\n${'*'.repeat(5 * 1024 * 1024)}\n`);
    const [stars] = normalizeBatch(dir, temp('stars-out-')).outcomes;
    expect(stars!.ok ? null : stars!.error).toMatch(/stars\.txt: report body is 10\.0 MB; bodies over 4 MB are refused$/);
  });
});

/** A raw folder holding one good report, and an output folder. */
function goodRun(): { dir: string; out: string } {
  const dir = temp('own-in-');
  copyFileSync('tests/fixtures/raw/lost-number-third.txt', join(dir, 'good.txt'));
  return { dir, out: temp('own-out-') };
}

describe('normalize owns what it writes', () => {
  it('removes a report only when its own raw file is gone, and never notes or other files', () => {
    const { dir, out } = goodRun();
    copyFileSync('tests/fixtures/raw/xihu-plan-hierarchy.txt', join(dir, 'xihu.txt'));
    const xihu = normalizeBatch(dir, out).outcomes.find((o) => o.file === 'xihu.txt')!;
    writeFileSync(join(out, 'README.md'), '# 说明\n');
    writeFileSync(join(out, 'NOTES.md'), '---\n{"title": "not ours"}\n---\n');
    renameSync(join(dir, 'xihu.txt'), join(temp('elsewhere-'), 'xihu.txt'));
    const result = normalizeBatch(dir, out);
    expect(result.removed).toEqual([{ file: `${xihu.ok && xihu.slug}.md`, reason: 'raw file xihu.txt is gone' }]);
    expect(readdirSync(out).sort()).toEqual(['2023-fujian-sanming-summary.md', 'NOTES.md', 'README.md']);
  });
  it('removes nothing when the input folder is empty', () => {
    const { dir, out } = goodRun();
    normalizeBatch(dir, out);
    const result = normalizeBatch(temp('empty-in-'), out);
    expect(result.removed).toEqual([]);
    expect(result.notes).toEqual([expect.stringMatching(/^no raw files in .*; no report removed from /)]);
    expect(readdirSync(out)).toEqual(['2023-fujian-sanming-summary.md']);
  });
  it('keeps the report of a raw file that failed this run', () => {
    const { dir, out } = goodRun();
    normalizeBatch(dir, out);
    writeFileSync(join(dir, 'good.txt'), '');
    normalizeBatch(dir, out);
    expect(readdirSync(out)).toEqual(['2023-fujian-sanming-summary.md']);
  });
  it('refuses --in equal to --out', () => {
    const { dir } = goodRun();
    expect(() => normalizeBatch(dir, `${dir}/`)).toThrow(
      new BatchError(`--in and --out are the same folder (${dir}); raw pages and normalized reports must live apart`),
    );
    expect(readdirSync(dir)).toEqual(['good.txt']);
  });
  it('refuses to run while another live run holds the output folder, naming it', () => {
    const { dir, out } = goodRun();
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(out, '.normalize.lock'), `${holder.pid}\n`);
      expect(() => normalizeBatch(dir, out)).toThrow(
        `--out ${out}: another normalize run (pid ${holder.pid}) is writing into this folder; wait for it to finish (lock file ${join(out, '.normalize.lock')})`,
      );
      expect(readdirSync(out)).toEqual(['.normalize.lock']);
    } finally {
      holder.kill();
    }
  });
  it('takes over a lock left by a run that died, and releases its own', () => {
    const { dir, out } = goodRun();
    const dead = spawnSync('true').pid;
    writeFileSync(join(out, '.normalize.lock'), `${dead}\n`);
    expect(normalizeBatch(dir, out).outcomes.every((o) => o.ok)).toBe(true);
    expect(readdirSync(out)).toEqual(['2023-fujian-sanming-summary.md']);
  });
  it('cleans up temporary files a killed run left behind, which git ignores', () => {
    const { dir, out } = goodRun();
    writeFileSync(join(out, '.2023-fujian-sanming-summary.md.12345.tmp'), 'half');
    normalizeBatch(dir, out);
    expect(readdirSync(out)).toEqual(['2023-fujian-sanming-summary.md']);
    const ignored = spawnSync('git', ['check-ignore', 'content/reports/.2021-x-summary.md.999.tmp', 'content/reports/.normalize.lock'], {
      encoding: 'utf8',
    });
    expect(ignored.stderr + ignored.stdout).toBe('content/reports/.2021-x-summary.md.999.tmp\ncontent/reports/.normalize.lock\n');
  });
});

describe('per-file read problems', () => {
  it('names a file whose name is not UTF-8 and goes on with the batch', () => {
    const { dir, out } = goodRun();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'x');
    const result = normalizeBatch(dir, out);
    expect(result.outcomes.map((o) => (o.ok ? o.file : o.error))).toEqual([
      `${join(dir, 'bad-\\xff\\xfe.txt')}: file name is not valid UTF-8 (bad bytes shown as \\xNN); rename the file in UTF-8 to normalize it`,
      'good.txt',
    ]);
  });
  // As root every file is readable, so the command runs as nobody; that needs the checkout to be
  // readable by nobody, which a clone inside a 0700 folder (mktemp -d) is not.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const nobodyCanRun = spawnSync(process.execPath, ['-e', ''], asNobody).status === 0;
  it.skipIf(!nobodyCanRun)('names a file it may not read, goes on with the batch and prints the summary', () => {
    const { dir, out } = goodRun();
    writeFileSync(join(dir, 'a-secret.txt'), '长兴县教育局2021年工作总结');
    chmodSync(join(dir, 'a-secret.txt'), 0o000);
    chmodSync(dir, 0o755);
    chmodSync(out, 0o777);
    const run = spawnSync(process.execPath, ['scripts/normalize.ts', '--in', dir, '--out', out], { encoding: 'utf8', ...asNobody });
    expect(run.stderr).toBe(`FAIL  ${join(dir, 'a-secret.txt')}: cannot read the file: permission denied (EACCES)\n`);
    expect(run.stdout).toMatch(/ok {4}good\.txt → 2023-fujian-sanming-summary\.md/);
    expect(run.stdout).toMatch(/normalized 1 of 2 files .*; 1 failed\n$/);
    expect(run.status).toBe(1);
  });
  it('names a page nested too deeply to read', () => {
    const { dir, out } = goodRun();
    writeFileSync(
      join(dir, 'deep.html'),
      `<html><body>${'<div>'.repeat(20000)}长兴县教育局2021年工作总结${'</div>'.repeat(20000)}</body></html>`,
    );
    const deep = normalizeBatch(dir, out).outcomes.find((o) => o.file === 'deep.html')!;
    expect(deep.ok ? null : deep.error).toMatch(/deep\.html: markup nested too deeply to read \(Maximum call stack size exceeded\)$/);
  });
});

describe('the normalize command with unusable folders', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/normalize.ts', ...args], { encoding: 'utf8' });
  it('says in one line that --in does not exist', () => {
    const r = run('--in', '/nonexistent/raw', '--out', temp('x-'));
    expect([r.status, r.stderr, r.stdout]).toEqual([2, 'normalize: --in /nonexistent/raw: no such folder\n', '']);
  });
  it('says in one line that --out cannot be created', () => {
    const file = join(temp('x-'), 'a-file');
    writeFileSync(file, '');
    const r = run('--in', 'content/raw', '--out', join(file, 'reports'));
    expect([r.status, r.stderr]).toEqual([2, `normalize: --out ${join(file, 'reports')}: cannot create the folder (ENOTDIR)\n`]);
  });
  it('says in one line that an option is unknown', () => {
    const r = run('--inn', 'content/raw');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^normalize: Unknown option '--inn'.*\(usage: npm run normalize -- \[--in DIR\] \[--out DIR\] \[--slugs FILE\] \[--threads N\]\)\n$/,
    );
  });
});

describe('the normalize command', () => {
  it('prints a line per file and a summary, and exits 1 when any input failed', () => {
    const dir = temp('cli-');
    copyFileSync('tests/fixtures/raw/lost-number-third.txt', join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const out = temp('cli-out-');
    const run = spawnSync(process.execPath, ['scripts/normalize.ts', '--in', dir, '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`FAIL  ${join(dir, 'empty.txt')}: file is empty`);
    expect(run.stdout).toMatch(/ok {4}good\.txt → 2023-fujian-sanming-summary\.md/);
    expect(run.stdout).toMatch(/normalized 1 of 2 files .*; 1 failed/);
    expect(readdirSync(out)).toEqual(['2023-fujian-sanming-summary.md']);
  });
  it('exits 0 on the archive', () => {
    expect(() => execFileSync(process.execPath, ['scripts/normalize.ts', '--out', temp('cli-ok-')], { encoding: 'utf8' })).not.toThrow();
  });
});
