import { describe, expect, it } from 'vitest';
import { splitHeading } from '../../scripts/steps/build-structure.ts';
import { headingMarker } from '../../scripts/lib/numbering.ts';

describe('headingMarker', () => {
  it('reads the three numbering kinds, a lost number, and the mark as printed', () => {
    expect(headingMarker('一、基本情况')).toEqual({ kind: 'chapter', n: 1, rest: '基本情况', mark: '一、' });
    expect(headingMarker('（十二）加强督导')).toEqual({ kind: 'section', n: 12, rest: '加强督导', mark: '（十二）' });
    expect(headingMarker('23.保护学生身心健康。')).toEqual({ kind: 'item', n: 23, rest: '保护学生身心健康。', mark: '23.' });
    expect(headingMarker('1、北师大附属学校建设')).toEqual({ kind: 'item', n: 1, rest: '北师大附属学校建设', mark: '1、' });
    expect(headingMarker('（）夯实党建工作')).toEqual({ kind: 'section', n: 0, rest: '夯实党建工作', mark: '（）' });
  });
  it('does not take a year, a decimal or a plain sentence for a number', () => {
    expect(headingMarker('2021年，全市教育系统')).toBeNull();
    expect(headingMarker('1.5亿元投入')).toBeNull();
    expect(headingMarker('一是落实责任')).toBeNull();
  });
});

describe('splitHeading', () => {
  it('splits the heading clause at the first full stop', () => {
    expect(splitHeading('发展规模。全市各级各类学校1012所，在校生575671人。')).toEqual({
      heading: '发展规模。',
      paragraph: '全市各级各类学校1012所，在校生575671人。',
    });
  });
  it('splits before 一是 when the clause has no stop', () => {
    expect(splitHeading('夯实党建工作一是落实全面从严治党主体责任，认真落实“三会一课”和“两学一做”学习教育常态化制度化。')?.heading).toBe(
      '夯实党建工作',
    );
  });
  it('takes a short line whole, keeping its closing mark', () => {
    expect(splitHeading('基本情况：')).toEqual({ heading: '基本情况：', paragraph: '' });
    expect(splitHeading('抓学位，加快推进学位规划建设。')).toEqual({ heading: '抓学位，加快推进学位规划建设。', paragraph: '' });
  });
  it('leaves a sentence with figures or past 20 characters as a paragraph, split or whole', () => {
    expect(splitHeading('全市共有学校1012所。')).toBeNull();
    expect(splitHeading('打造“西湖先锋”党建品牌，推进中小学党组织领导的校长负责制全面落地。')).toBeNull();
    expect(splitHeading('继续扩大优质学位供给，全年计划新增学位4000个。同时推进集团化办学。')).toBeNull();
  });
  it.each([
    ['加强队伍建设！全面提升教师素质', { heading: '加强队伍建设！', paragraph: '全面提升教师素质' }],
    ['主要做法：一是强化统筹', { heading: '主要做法：', paragraph: '一是强化统筹' }],
    ['继续推进集团化办学。', { heading: '继续推进集团化办学。', paragraph: '' }],
    ['  基本情况  ', { heading: '基本情况', paragraph: '' }],
    // ； does not end a heading clause, and nothing else does here.
    ['抓党建；促发展', null],
  ])('cuts %s into its heading clause and the text it leads', (rest, split) => {
    expect(splitHeading(rest)).toEqual(split);
  });
  it('leaves a long numbered sentence as a paragraph', () => {
    expect(
      splitHeading('继续扩大优质学位供给，全年计划新增学位4000个，同时推进集团化办学和学区化治理，带动薄弱学校提高管理水平，深化教学改革'),
    ).toBeNull();
  });
});
