import { describe, expect, it } from 'vitest';
import { datedByline, isDatedMeta, isoDateIn, signatureDate } from '../../scripts/lib/dates.ts';

describe('isoDateIn', () => {
  const dates: Record<string, string> = {
    '发布时间：2023-07-02 18:17': '2023-07-02',
    '2022年3月4日': '2022-03-04',
    '南昌市教育局  2022 年 12 月 31 日': '2022-12-31',
    '日期：2022.1.5': '2022-01-05',
    '2022/11/30 来源：本站': '2022-11-30',
    '2024年2月29日': '2024-02-29',
  };
  it.each(Object.entries(dates))('reads %s as %s', (text, iso) => {
    expect(isoDateIn(text)).toBe(iso);
  });
  it.each([
    ['2023年2月29日', 'a day the calendar does not have'],
    ['2022-13-01', 'a thirteenth month'],
    ['2022-13-01 更新于 2022-01-01', 'a first date that is not real, even with a real one after it'],
    ['2021年工作总结', 'a year alone'],
    ['2022年03月', 'a month without a day'],
    ['来源：南昌市教育局', 'no date'],
  ])('finds nothing in %s (%s)', (text) => {
    expect(isoDateIn(text)).toBeNull();
  });
});

describe('signatureDate', () => {
  it.each(['2022年1月5日', '2022 年 1 月 5 日', '2022年01月05日'])('takes %s, a date on its own line, for a signature’s', (line) => {
    expect(signatureDate.test(line)).toBe(true);
  });
  it.each(['2022-01-05', '二〇二二年一月五日', '南昌市教育局 2022年1月5日', '2022年1月5日发布'])('does not take %s', (line) => {
    expect(signatureDate.test(line)).toBe(false);
  });
});

describe('datedByline', () => {
  it.each(['2023年11月13日', '2022-03-14 作文网', '（2021年12月30日）', '2021.3.5'])(
    'takes %s, a date alone or with a short byline',
    (line) => {
      expect(datedByline.test(line)).toBe(true);
    },
  );
  it.each([
    '2022-03-14 作文网 阅读',
    '2022-03-14 这是一句超过十二个字的很长很长的说明',
    '2022-03-14，全市教育工作会议召开',
    '2022年工作总结',
  ])('does not take %s', (line) => {
    expect(datedByline.test(line)).toBe(false);
  });
});

describe('isDatedMeta', () => {
  it.each([
    ['发布时间：2023-07-02 18:17 阅读：2952', true],
    ['来源：市教育局 2021.03.05', true],
    ['2023-07-02 18:17', false],
    // Only -, / and . separate a meta line's date: 2023年7月2日 is a signature's or a sentence's.
    ['发布时间：2023年7月2日', false],
    [`发布 2023-07-02 ${'教'.repeat(80)}`, false],
  ])('%s → %s', (line, expected) => {
    expect(isDatedMeta(line)).toBe(expected);
  });
});
