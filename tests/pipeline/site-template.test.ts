import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { readReports } from '../../src/lib/read-reports.ts';

const slogan = '办人民满意教育 建教育现代化强市 共筑美好未来';
const page = (place: string, year: number) =>
  [
    `${place}教育局${year}年工作总结`,
    `${year}年，${place}教育系统坚持立德树人根本任务，推进教育优质均衡发展，各项工作取得新进展，人民群众对教育的满意度持续提升。`,
    `一、学位供给持续扩大`,
    `全年新建改扩建学校${year - 2010}所，新增学位${year * 2}个，有效缓解入学压力。`,
    slogan,
  ].join('\n');

describe('a batch with several captures of one site', () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-template-'));
  const raw = join(dir, 'raw');
  const out = join(dir, 'reports');
  const write = (name: string, text: string, url: string) => {
    writeFileSync(join(raw, `${name}.txt`), text);
    writeFileSync(join(raw, `${name}.source.json`), JSON.stringify({ url }));
  };
  mkdirSync(raw);
  write('a', page('绍兴市', 2021), 'https://jyj.sx.gov.cn/art/2022/1/5/a.html');
  write('b', page('绍兴市', 2022), 'https://jyj.sx.gov.cn/art/2023/1/6/b.html');
  write('c', page('嘉兴市', 2022), 'https://jyj.jiaxing.gov.cn/art/2023/1/6/c.html');
  normalizeBatch(raw, out);
  const reports = readReports(out);
  const bySource = (file: string) => reports.find((r) => r.data.source.file === file)!;

  it('removes a line the site repeats in its captures, with that reason', () => {
    for (const file of ['a.txt', 'b.txt']) {
      expect(bySource(file).body).not.toContain(slogan);
      expect(bySource(file).data.cleaning.chrome).toContainEqual({ text: slogan, why: 'site-template' });
    }
  });
  it('keeps the same line in a capture of another site, and keeps shared headings', () => {
    expect(bySource('c.txt').body).toContain(slogan);
    expect(bySource('a.txt').body).toContain('一、学位供给持续扩大');
  });
});
