import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { convertToSimplified, mayChange, traditionalCount } from '../../src/lib/traditional.ts';
import { seedPath } from '../helpers.ts';

describe('convertToSimplified', () => {
  it('writes 随着, 本着, 着力 and 借助, and keeps 显著, 著名, 著作', () => {
    expect(convertToSimplified('隨著發展，本著原則，著力推進，藉助平台，成效顯著，著名學校，著作豐富')).toBe(
      '随着发展，本着原则，着力推进，借助平台，成效显著，著名学校，著作丰富',
    );
  });
  it('never rewrites ordinary words into Taiwan IT terms', () => {
    expect(convertToSimplified('智慧校園新增建立文件')).toBe('智慧校园新增建立文件');
  });
  it('changes no character of the Simplified seeds', () => {
    for (const n of ['001', '002', '003']) expect(traditionalCount(readFileSync(seedPath(n), 'utf8'))).toBe(0);
  });
  it('leaves any Simplified report sentence unchanged', () => {
    const words = ['教育', '学校', '显著', '著名', '着力', '随着', '新增', '学位', '双减', '课后服务', '，', '。', '2021年'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(convertToSimplified(text)).toBe(text);
      }),
    );
  });
  it('skips the converter for Simplified text whose characters the tables map there and back (台, 温, 户), with the same result', () => {
    const converter = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const text = '出台政策，搭建平台，温度适宜，卧室整洁，户籍登记，税收减免，脱贫攻坚';
    expect(mayChange(text)).toBe(false);
    expect(converter(text)).toBe(text);
    expect(mayChange('颱風')).toBe(true);
    expect(convertToSimplified('臺風來臨，溫度驟降')).toBe('台风来临，温度骤降');
  });
});
