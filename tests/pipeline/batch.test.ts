import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
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
    expect(error('image.png')).toBe('tests/fixtures/bad/image.png: expected UTF-8, GB18030, Big5 or UTF-16 text, found binary data (PNG header)');
    expect(error('not-a-report.html')).toMatch(/^tests\/fixtures\/bad\/not-a-report\.html:\d+: not a report: no title naming a report kind/);
    expect(error('dup original.txt')).toBe('tests/fixtures/bad/dup original.txt: duplicate: same normalized text as dup copy 三明.txt; not published twice');
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
    expect(o.ok && o.warnings).toEqual(['tests/fixtures/bad/truncated-utf8.txt: truncated UTF-8: the last 2 byte(s) end mid-character and were dropped']);
  });
});

describe('huge input', () => {
  it('refuses a 50 MB file by name and handles a single 1 MB line', () => {
    const dir = temp('huge-');
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, '教'));
    const sentence = '全县新增学位1200个，专任教师达到3100人，义务教育巩固率达到99.5%。';
    writeFileSync(join(dir, 'one-line.txt'), `长兴县教育局2021年工作总结\n${sentence.repeat(Math.ceil(1e6 / Buffer.byteLength(sentence)))}`);
    const result = normalizeBatch(dir, temp('huge-out-'));
    const [huge, oneLine] = [result.outcomes.find((o) => o.file === 'huge.txt')!, result.outcomes.find((o) => o.file === 'one-line.txt')!];
    expect(huge.ok ? null : huge.error).toBe(`${join(dir, 'huge.txt')}: file is 50.0 MB; raw reports over 20 MB are refused as not a single report`);
    expect(oneLine.ok).toBe(true);
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
