import { describe, expect, it } from 'vitest';
import { chapterMark, chineseNumber, headingMarker, numbered, toChinese } from '../../scripts/lib/numbering.ts';

describe('Chinese section numbers', () => {
  it.each([
    ['', 0],
    ['三', 3],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十三', 23],
  ])('%s reads as %i', (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [19, '十九'],
    [20, '二十'],
    [23, '二十三'],
  ])('%i is written %s', (n, text) => {
    expect(toChinese(n)).toBe(text);
  });
  it('read back as written, one to ninety-nine', () => {
    for (let n = 1; n < 100; n++) expect(chineseNumber(toChinese(n))).toBe(n);
  });
});

describe('numbered lines', () => {
  it.each([
    ['十一、加强督导', { kind: 'chapter', n: 11, rest: '加强督导', mark: '十一、' }],
    ['(三) 办学条件', { kind: 'section', n: 3, rest: '办学条件', mark: '(三)' }],
    ['12．师资队伍', { kind: 'item', n: 12, rest: '师资队伍', mark: '12．' }],
  ] as const)('%s', (line, marker) => {
    expect(headingMarker(line)).toEqual(marker);
  });
  it.each([
    ['一、基本情况', true, true],
    ['十二、', true, true],
    ['（三）办学条件', false, true],
    ['3.师资', false, true],
    ['2021年工作总结', false, false],
    ['一是落实责任', false, false],
  ])('%s: chapter %s, numbered %s', (line, chapter, anyNumber) => {
    expect(chapterMark.test(line)).toBe(chapter);
    expect(numbered.test(line)).toBe(anyNumber);
  });
});
