import { describe, expect, it } from 'vitest';
import { lastKind, openingYear, titleYears, yearsIn } from '../../scripts/lib/years.ts';

describe('lastKind', () => {
  it.each([
    ['2021年工作总结', 'summary'],
    ['2022年工作要点', 'plan'],
    // The head noun comes last: a report on the plans, plans and a review of them.
    ['关于2023年工作安排的报告', 'summary'],
    ['2022年工作总结和下一步打算', 'plan'],
    ['教育局2021年度', null],
  ] as const)('%s → %s', (part, kind) => {
    expect(lastKind(part)).toBe(kind);
  });
});

describe('yearsIn', () => {
  it.each([
    ['南昌市教育局2021年工作总结及2022年工作要点', [2021], [2022]],
    ['2020年工作总结暨2021年工作思路', [2020], [2021]],
    ['2021年度工作总结', [2021], []],
    ['2020教育局工作总结', [2020], []],
    ['2035年远景目标', [], [2035]],
    ['和平区教育局2021年工作总结', [2021], []],
    ['2019—2021年工作总结', [2021], []],
    ['2021年工作', [], []],
  ])('%s reviews %j and plans %j', (text, reviewed, planned) => {
    expect(yearsIn(text)).toEqual({ reviewed, planned });
  });
});

describe('titleYears', () => {
  it.each([
    // A conference report or a year's 工作报告, given in year N, reviews N − 1 and plans N.
    ['在2023年全市教育工作会议上的报告', [2022], [2023]],
    ['2022年教育工作报告', [2021], [2022]],
    // A title naming both parts but dating one dates the other by it.
    ['工作总结暨工作计划(2023年)', [2022], [2023]],
    ['2022年工作总结及工作打算', [2022], [2023]],
    ['2021年工作总结', [2021], []],
    ['2022年工作要点', [], [2022]],
  ])('%s reviews %j and plans %j', (title, reviewed, planned) => {
    expect(titleYears(title)).toEqual({ reviewed, planned });
  });
});

describe('openingYear', () => {
  it.each([
    { kind: 'plan', year: 2025, paragraph: '2025年是“十四五”规划收官之年，全区教育系统要坚持稳中求进。' },
    { kind: 'plan', year: 2017, paragraph: '回顾过去，2016年全市教育发展成效明显；2017年，我局将继续深化改革。' },
    { kind: 'plan', year: 2016, paragraph: '过去一年，2016年全市教育事业稳步发展，2017年将继续推进。' },
    { kind: 'summary', year: 2025, paragraph: '2025年是“十四五”规划收官之年，全区教育系统成效明显。' },
    { kind: 'summary', year: null, paragraph: '一年来，全市教育系统坚持立德树人，各项工作取得新进展。' },
    { kind: 'summary', year: null, paragraph: `${'教'.repeat(300)}2021年全市教育事业稳步发展。` },
  ] as const)('a $kind opening → $year: $paragraph', ({ paragraph, kind, year }) => {
    expect(openingYear(paragraph, kind)).toBe(year);
  });
});
