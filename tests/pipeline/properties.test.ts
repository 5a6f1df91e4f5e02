import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numerals } from '../../scripts/lib/numbering.ts';
import { unmark } from '../../src/lib/cleaner-marks.ts';
import { normalizeBytes, normalizePath } from '../helpers.ts';

const encode = (s: string) => new TextEncoder().encode(s);

/** Sentences in the style of a report, already in final form (full-width punctuation). */
const sentence = fc
  .tuple(
    fc.constantFrom('全区', '全市', '全县', '我局'),
    fc.constantFrom('深入推进', '扎实开展', '持续加强', '全面落实', '积极探索'),
    fc.constantFrom('课后服务', '集团化办学', '校园安全管理', '教师队伍建设', '学前教育普惠发展', '义务教育优质均衡'),
    fc.integer({ min: 2, max: 9999 }),
    fc.constantFrom('所', '个', '人', '项'),
  )
  .map(([who, verb, what, n, unit]) => `${who}${verb}${what}工作，共完成${n}${unit}，取得明显成效。`);

/** A raw page: chrome, a title, sentences in numbered chapters, a footer. */
const page = fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 6 }).map((chapters) => ({
  chapters,
  raw: [
    '首页 | 政务公开 | 互动交流 | 办事服务',
    '您当前所在位置：首页 > 政务公开',
    '长兴县教育局2021年工作总结',
    '发布时间：2022-01-10 来源：本网 浏览次数：12',
    '',
    ...chapters.flatMap((lines, i) => [`${numerals[i]}、重点工作${i + 1}`, ...lines.map((l) => `\u3000\u3000${l}`)]),
    '',
    '【打印本页】【关闭窗口】',
    '主办单位：长兴县人民政府办公室 网站标识码：3305220001',
  ].join('\n'),
}));

/** A normalized body turned back into raw text: its title (none for an untitled report), then its lines without Markdown. */
function rawAgain(title: string | null, body: string): string {
  return [
    ...(title ? [title] : []),
    ...body
      .split('\n')
      .filter(Boolean)
      .map((l) => l.replace(/^#{2,6} /, '').replace(/\\([*_[\]<>#\\])/g, '$1')),
  ].join('\n');
}

describe('properties of the normalizer', () => {
  it('keeps every body sentence of a generated page, and drops its chrome', () => {
    fc.assert(
      fc.property(page, ({ chapters, raw }) => {
        const { body, data } = normalizeBytes(encode(raw), 'generated.txt');
        for (const line of chapters.flat()) expect(body).toContain(line);
        expect(body).not.toMatch(/首页|当前所在位置|发布时间|打印|主办单位/);
        expect(data.cleaning.chromeLines).toBe(5);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same output for the same input, every time', () => {
    fc.assert(
      fc.property(page, ({ raw }) => {
        expect(normalizeBytes(encode(raw), 'a.txt').markdown).toBe(normalizeBytes(encode(raw), 'a.txt').markdown);
      }),
      { numRuns: 30 },
    );
  });

  it('changes nothing when a normalized report is normalized again', () => {
    const paths = [
      ...readdirSync('content/raw').map((n) => `content/raw/${n}`),
      ...readdirSync('tests/fixtures/raw').map((n) => `tests/fixtures/raw/${n}`),
    ];
    for (const path of paths) {
      const once = normalizePath(path);
      const twice = normalizeBytes(
        encode(rawAgain(once.data.titleFrom === 'none' ? null : once.data.title, unmark(once.body))),
        'again.txt',
      );
      // The cleaner's own marks (〖restored〗, 〖…〗) are annotations, not text: compare without them.
      expect(unmark(twice.body), path).toBe(unmark(once.body));
      expect(twice.data.cleaning.convertedChars, path).toBe(0);
      expect(twice.data.cleaning.punctuation, path).toBe(0);
      expect(twice.data.cleaning.spam, path).toEqual([]);
    }
  });
});
