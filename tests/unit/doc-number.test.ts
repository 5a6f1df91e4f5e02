import { describe, expect, it } from 'vitest';
import { docNumberIn } from '../../scripts/lib/doc-number.ts';

describe('docNumberIn', () => {
  it.each([
    ['洪教发〔2022〕1号', '洪教发〔2022〕1号'],
    ['洪教发[2022]1号', '洪教发〔2022〕1号'],
    ['赣教发【2019】8号', '赣教发〔2019〕8号'],
    ['庆教（2021）15号', '庆教〔2021〕15号'],
    ['庆教〔 2021 〕 15 号', '庆教〔2021〕15号'],
    ['文号：湛麻教〔2022〕12号', '湛麻教〔2022〕12号'],
    // The first number that an issuer's abbreviation leads.
    [' 〔2020〕5号 洪教发〔2022〕1号', '洪教发〔2022〕1号'],
  ])('reads %s as %s', (text, number) => {
    expect(docNumberIn(text)).toBe(number);
  });
  it.each(['〔2022〕1号', '2022年1号文件', '洪教发[2022]第1号', '洪教发〔22〕1号'])('finds none in %s', (text) => {
    expect(docNumberIn(text)).toBeNull();
  });
});
