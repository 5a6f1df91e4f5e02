import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { normalizePunctuation } from '../../scripts/steps/normalize-punctuation.ts';
import type { LinesRoot } from '../../scripts/tree.ts';

/** The line after the step, and how many marks it changed. */
function punctuate(value: string): [string, number] {
  const point = { line: 1, column: 1 };
  const tree: LinesRoot = { type: 'root', children: [{ type: 'line', value, position: { start: point, end: point } }] };
  const file = new VFile();
  normalizePunctuation()(tree, file);
  return [tree.children[0]!.value, file.data.punctuation ?? 0];
}

describe('normalize-punctuation', () => {
  it.each([
    // , and ; after Chinese text or before it.
    ['全市教育系统,坚持立德树人', '全市教育系统，坚持立德树人', 1],
    ['APP;小程序', 'APP；小程序', 1],
    ['“双减”,减负提质', '“双减”，减负提质', 1],
    // Spaces around a mark go with it.
    ['学校 , 家庭', '学校，家庭', 1],
    // : after Chinese text, unless a digit follows (a time, a figure).
    ['主要成效:一是', '主要成效：一是', 1],
    ['时间:2021年', '时间:2021年', 0],
    ['会议于10:30召开', '会议于10:30召开', 0],
    // ? and ! after a Han character.
    ['成效明显!', '成效明显！', 1],
    ['covid-19?', 'covid-19?', 0],
    // Parentheses holding or beside Chinese text, first, so a comma after them is between Chinese text.
    ['学校(幼儿园)', '学校（幼儿园）', 1],
    ['第(1)项', '第（1）项', 1],
    ['学位(新增),共', '学位（新增），共', 2],
    ['see (1) here', 'see (1) here', 0],
    // Numbers and Latin text are left alone.
    ['投入资金1,000万元', '投入资金1,000万元', 0],
    ['Hello, world', 'Hello, world', 0],
  ] as const)('%s → %s', (line, expected, changed) => {
    expect(punctuate(line)).toEqual([expected, changed]);
  });

  it('changes nothing a second time', () => {
    for (const line of ['全市教育系统,坚持立德树人(试行)!', '主要成效:一是', 'see (1) here']) {
      const [once] = punctuate(line);
      expect(punctuate(once)).toEqual([once, 0]);
    }
  });
});
