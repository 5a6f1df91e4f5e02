import { describe, expect, it } from 'vitest';
import { fold, scorePage, type GoldPage } from '../../scripts/eval/score-page.ts';

const gold: GoldPage = {
  file: 'p.txt',
  title: '某市教育局2021年工作总结',
  province: '江西省',
  city: null,
  county: null,
  years_reviewed: [2021],
  years_planned: [],
  chrome_snippets: ['浏览次数:', '首页 > 政务公开'],
  body_snippets: ['一、教育 公平*持续推进', '新增学位3000个。'],
};
const cleaned = {
  title: '某市教育局2021年工作总结',
  body: '## 一、教育公平\\*持续推进\n\n新增学位3000个。\n',
  province: '江西省',
  city: null,
  county: null,
  yearsReviewed: [2021],
  yearsPlanned: [],
};

describe('the evaluation scores a page by the set’s rules', () => {
  it('folds whitespace, width, Markdown escapes and line markers away', () => {
    expect(fold('## 一、教育 公平\\*（１）')).toBe('一、教育公平*(1)');
  });
  it('counts kept body, removed chrome and right metadata', () => {
    const s = scorePage(gold, cleaned);
    expect(s).toMatchObject({
      body: { kept: 2, total: 2 },
      chrome: { removed: 2, total: 2 },
      metadata: { right: 6, total: 6 },
      misses: [],
    });
  });
  it('names each miss: chrome left in the title, a field wrong, years compared as sets', () => {
    const s = scorePage(gold, { ...cleaned, title: '首页 > 政务公开', city: '南昌市', yearsReviewed: [2021, 2021] });
    expect(s.chrome.removed).toBe(1);
    expect(s.metadata.right).toBe(4);
    expect(s.misses).toEqual(expect.arrayContaining(['chrome kept: "首页 > 政务公开"', 'city: got "南昌市", label null']));
  });
  it('gives a refused page nothing, and skips a null title label', () => {
    expect(scorePage({ ...gold, title: null }, null)).toMatchObject({
      normalized: false,
      body: { kept: 0 },
      metadata: { right: 0, total: 5 },
    });
  });
});
