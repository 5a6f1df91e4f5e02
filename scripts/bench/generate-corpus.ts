import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { divisionByCode, divisions, regionOf, type Division } from '../../src/lib/gazetteer.ts';
import { unmark } from '../../src/lib/cleaner-marks.ts';
import { readReportFiles } from '../../src/lib/read-reports.ts';
import { reportKindSchema, type Region, type ReportKind } from '../../src/lib/report-schema.ts';
import { chapterMark, numerals } from '../lib/numbering.ts';

/** What a generated report truly is, for checking what the cleaner recovers. */
export interface Truth {
  file: string;
  title: string;
  region: Region;
  yearsReviewed: number[];
  yearsPlanned: number[];
  kind: ReportKind;
  /** Set on a 范文 template (numbers masked) or a damaged capture (body romanized into toneless pinyin). */
  note?: 'template' | 'damaged';
}

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function divisionNamed(code: string): Division {
  const d = divisionByCode(code);
  if (!d) throw new Error(`generate-corpus: no division ${code} in the gazetteer (expected a GB/T 2260 code such as 429004)`);
  return d;
}

/** Chapters (a heading line and its text lines) of the archive's normalized reports. */
function chaptersOf(reportsDir: string): string[][] {
  const chapters: string[][] = [];
  for (const file of readReportFiles(reportsDir)) {
    const body = unmark(file.body.replace(/\\([*_[\]<>#])/g, '$1'));
    let current: string[] | null = null;
    for (const line of body.split('\n').filter(Boolean)) {
      if (line.startsWith('## ')) {
        current = [line.slice(3).replace(chapterMark, '')];
        chapters.push(current);
      } else if (current) {
        current.push(line.replace(/^#{3,6} /, ''));
      }
    }
  }
  // A chapter heading naming a year (2021年工作计划) would change the years the cleaner reads.
  return chapters.filter((c) => c.length > 1 && !/\d{4}\s*年/.test(c[0]!));
}

const chromeHead = ['首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流', '您当前所在位置：首页 > 政务公开 > 计划总结'];
const chromeTail = ['【打印本页】【关闭窗口】', '主办单位：{city}人民政府办公室', '网站标识码：{code}0001 备案号：ICP备12345678号'];
const spamRuns = ['太阳城娱乐官网|太阳城注册送彩金|', '澳门葡京网上娱乐|葡京娱乐首页|'];

/** Every 50th report from the 26th on is a 范文 template, from the 46th on a damaged capture: 2% each, chosen by position so the other reports stay as they were. */
export function noteAt(i: number): Truth['note'] {
  return i % 50 === 25 ? 'template' : i % 50 === 45 ? 'damaged' : undefined;
}

/** A template site's copy: its figures masked (××所, ××名), as the cleaner's template test looks for. */
function masked(lines: string[]): string[] {
  return [...lines.map((l) => l.replace(/\d+(?=[名所个人])/g, '××')), '全年新建改扩建学校××所，新增学位××个，补充教师××名，培训校长××人。'];
}

/** Text romanized wholesale into toneless pinyin, as some mirror sites serve it: the cleaner marks it damaged. */
function romanized(lines: string[]): string[] {
  const ascii: Record<string, string> = { '，': ',', '。': '.', '、': ',', '；': ';', '：': ':', '（': '(', '）': ')', '“': '"', '”': '"' };
  return lines.map((l) =>
    pinyin(l, { toneType: 'none', type: 'string', nonZh: 'consecutive' })
      .replace(/[，。、；：（）“”]/g, (c) => ascii[c]!)
      .replace(/ ([,.;:)"])/g, '$1'),
  );
}

/**
 * Generates `count` raw reports from the archive's real ones: chapters recombined across
 * reports, regions spread over the whole GB/T 2260 gazetteer, years 2012–2025, with site chrome
 * and injected spam in the shapes the cleaner handles; some Traditional, some GB18030, some HTML;
 * a few 范文 templates and damaged captures (see `noteAt`).
 * Writes the raw files and `truth.json` into `outDir`. The first reports are of the divisions
 * `include` names by code, in order (a code may repeat, for several years of one place).
 */
export function generateCorpus(
  count: number,
  outDir: string,
  seed = 2026,
  reportsDir = 'content/reports',
  include: string[] = [],
): Truth[] {
  const rand = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  const chapters = chaptersOf(reportsDir);
  const places = divisions().filter((d) => d.level !== 'province' && !/市辖区|直辖/.test(d.name));
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'hk' });
  mkdirSync(outDir, { recursive: true });
  const truths: Truth[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    let place: Division;
    let year: number;
    let kindIndex: number;
    do {
      const wanted = include[i];
      place = wanted ? divisionNamed(wanted) : pick(places);
      year = 2012 + Math.floor(rand() * 14);
      kindIndex = Math.floor(rand() * 3);
    } while (used.has(`${place.code}-${year}-${kindIndex}`));
    used.add(`${place.code}-${year}-${kindIndex}`);
    const region = regionOf(place);
    const issuer = `${region.city && place.level === 'county' && region.city !== region.province ? region.city : ''}${place.name}教育局`;
    const kind = reportKindSchema.options[kindIndex]!;
    const title =
      kind === 'summary'
        ? `${issuer}${year}年工作总结`
        : kind === 'plan'
          ? `${issuer}${year + 1}年工作要点`
          : `${issuer}${year}年工作总结及${year + 1}年工作计划`;
    const lines: string[] = [];
    const chapterCount = 4 + Math.floor(rand() * 4);
    lines.push(`${year}年，${place.name}教育系统坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，各项工作取得新进展。`);
    for (let c = 0; c < chapterCount; c++) {
      const [heading, ...text] = pick(chapters);
      lines.push(`${numerals[c]}、${heading}`, ...text);
    }
    if (rand() < 0.1) {
      const at = 1 + Math.floor(rand() * (lines.length - 1));
      lines[at] = `${pick(spamRuns)}${lines[at]}`;
    }
    const note = noteAt(i);
    const body = note === 'template' ? masked(lines) : note === 'damaged' ? romanized(lines) : lines;
    const city = region.city ?? region.province ?? '';
    const page = [
      ...chromeHead,
      title,
      `发布时间：${year + 1}-01-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')} 来源：${issuer} 浏览次数：${Math.floor(rand() * 5000)}`,
      '',
      ...body.map((l) => `\u3000\u3000${l}`),
      '',
      ...chromeTail.map((l) => l.replace('{city}', city).replace('{code}', place.code)),
    ];
    const style = rand();
    const file = `gen-${String(i).padStart(6, '0')}${style < 0.1 ? '.html' : '.txt'}`;
    let text = page.join('\n');
    // A romanized page keeps too few characters to tell its script by: it stays Simplified.
    if (style >= 0.1 && style < 0.2 && note !== 'damaged') text = toTraditional(text);
    let bytes: Uint8Array;
    if (style < 0.1) {
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      text = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title><script>var t=1;</script></head><body>${page.map((l) => `<p>${esc(l)}</p>`).join('\n')}</body></html>`;
      bytes = new TextEncoder().encode(text);
    } else if (style >= 0.2 && style < 0.3) {
      bytes = iconv.encode(text, 'gb18030');
    } else {
      bytes = new TextEncoder().encode(text);
    }
    writeFileSync(join(outDir, file), bytes);
    truths.push({
      file,
      title,
      region,
      yearsReviewed: kind === 'plan' ? [] : [year],
      yearsPlanned: kind === 'summary' ? [] : [year + 1],
      kind,
      ...(note ? { note } : {}),
    });
  }
  writeFileSync(join(outDir, '..', 'truth.json'), JSON.stringify(truths));
  return truths;
}
