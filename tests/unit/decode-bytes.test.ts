import chardet from 'chardet';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chineseCandidates, decodeBytes, maxRawBytes } from '../../src/lib/decode-bytes.ts';

const sample = '2021年，阳江市教育局坚持立德树人，新增中小学学位3030个，学前教育毛入园率99.2%。'.repeat(4);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeBytes(new TextEncoder().encode(sample))).toEqual({ text: sample, encoding: 'UTF-8', warning: null });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(sample)]);
    expect(decodeBytes(bom).text).toBe(sample);
  });
  it('detects GB18030 and Big5', () => {
    expect(decodeBytes(iconv.encode(sample, 'gb18030'))).toMatchObject({ text: sample, encoding: 'GB18030' });
    const traditional = '2021年，陽江市教育局堅持立德樹人，新增中小學學位3030個，學前教育毛入園率99.2%。'.repeat(4);
    expect(decodeBytes(iconv.encode(traditional, 'big5'))).toMatchObject({ text: traditional, encoding: 'Big5' });
  });
  it('detects the encoding of a page whose first kilobytes are ASCII markup', () => {
    const head = `<html><head><meta charset="big5"><style>${'.nav a { color: #333; } '.repeat(600)}</style></head><body><p>`;
    const traditional = '教育局堅持立德樹人，新增學位三千個，學前教育毛入園率達到百分之九十九。'.repeat(6);
    expect(head.length).toBeGreaterThan(8192);
    expect(decodeBytes(iconv.encode(`${head}${traditional}</p></body></html>`, 'big5'))).toMatchObject({ encoding: 'Big5' });
    expect(decodeBytes(iconv.encode(`${head}${sample}</p></body></html>`, 'gb18030'))).toMatchObject({ encoding: 'GB18030' });
  });
  it('reads UTF-16 with a byte-order mark, either byte order', () => {
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf-16le')]))).toMatchObject({
      text: sample,
      encoding: 'UTF-16LE',
    });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf-16be')]))).toMatchObject({
      text: sample,
      encoding: 'UTF-16BE',
    });
  });
  it('drops a character cut off at the end of the file, with a warning', () => {
    const bytes = new TextEncoder().encode(`${sample}教`);
    const result = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(result.text).toBe(sample);
    expect(result.warning).toBe('truncated UTF-8: the last 2 byte(s) end mid-character and were dropped');
  });
  it('refuses an image, naming what it found', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBytes(png)).toThrow('expected UTF-8, GB18030, Big5 or UTF-16 text, found binary data (PNG header)');
  });
  it('refuses bytes that decode as no accepted encoding', () => {
    const noise = new Uint8Array(Array.from({ length: 400 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    expect(() => decodeBytes(noise)).toThrow(/found bytes that decode as none of them|binary data/);
  });
  it('refuses a file larger than any single report', () => {
    expect(() => decodeBytes(new Uint8Array(maxRawBytes + 1))).toThrow(/MB; raw reports over 20 MB are refused/);
  });
});

describe('decoding without a byte-order mark or with a bad byte', () => {
  const text = '三明市教育局2023年工作总结\n一、主要工作\n全市新增学位1200个，专任教师达到3100人。\n';
  it.each([
    ['UTF-16LE', 'utf16le'],
    ['UTF-16BE', 'utf16be'],
  ] as const)('reads %s without a byte-order mark, with a warning', (encoding, node) => {
    const le = Buffer.from(text, 'utf16le');
    const bytes = node === 'utf16le' ? le : Buffer.from(le).swap16();
    expect(decodeBytes(bytes)).toEqual({ text, encoding, warning: `${encoding} without a byte-order mark, recognised by its zero bytes` });
  });
  it('names the offset of the first byte that is neither UTF-8 nor any legacy encoding', () => {
    const bytes = Buffer.concat([Buffer.from('abc'), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80, 0x81, 0xfe, 0xff])]);
    expect(() => decodeBytes(bytes)).toThrow('found bytes that decode as none of them (first byte that is not UTF-8 at offset 3 (0xc3))');
  });
});

describe('chineseCandidates', () => {
  const chardetChinese = (bytes: Uint8Array) => chardet.analyse(bytes).filter((m) => m.lang === 'zh');
  const texts = [
    sample,
    '2021年，陽江市教育局堅持立德樹人，新增中小學學位3030個，學前教育毛入園率99.2%。',
    '教育委員会は学校の働き方改革を進めています。',
    '교육청은 학교 교육 과정을 개선했습니다.',
  ];
  it('gives what chardet.analyse gives for Chinese, in the same order, on text in many encodings', () => {
    for (const text of texts)
      for (const encoding of ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'euc-jp', 'utf-8', 'utf-16le']) {
        const bytes = iconv.encode(text, encoding);
        expect(chineseCandidates(bytes), `${encoding}: ${text.slice(0, 8)}`).toEqual(chardetChinese(bytes));
      }
  });
  it('gives what chardet.analyse gives for Chinese on arbitrary bytes', () => {
    // High bytes weighted so that many samples look like some double-byte encoding.
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0xa1, max: 0xfe }), fc.integer({ min: 0x40, max: 0x7e }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 600 }), (list) => {
        const bytes = Uint8Array.from(list);
        expect(chineseCandidates(bytes)).toEqual(chardetChinese(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
