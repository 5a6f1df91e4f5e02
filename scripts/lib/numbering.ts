/** Section numbering of Chinese official documents: 一、 （一） 1． */

/** Numbering kinds of Chinese official documents, outermost first. */
export type Kind = 'chapter' | 'section' | 'item';

/** The Chinese numerals of section numbers, one to ten. */
export const numerals = '一二三四五六七八九十';
const markers: [Kind, RegExp][] = [
  ['chapter', new RegExp(`^([${numerals}]{1,3})、\\s*(.*)$`)],
  ['section', new RegExp(`^[（(]([${numerals}]{0,3})[）)]\\s*(.*)$`)],
  ['item', /^(\d{1,2})[.．、](?![\d.．])\s*(.*)$/],
];

/** The numbering kind, number (0 when lost) and text of a numbered line, or null. */
export function headingMarker(line: string): { kind: Kind; n: number; rest: string; mark: string } | null {
  for (const [kind, pattern] of markers) {
    const m = line.match(pattern);
    if (m) {
      const n = kind === 'item' ? Number(m[1]) : chineseNumber(m[1]!);
      return { kind, n, rest: m[2]!, mark: line.slice(0, line.length - m[2]!.length).trim() };
    }
  }
  return null;
}

/** The value of a Chinese section number: 三 → 3, 十二 → 12, 二十三 → 23; 0 for an empty (lost) one. */
export function chineseNumber(s: string): number {
  if (s === '') return 0;
  const digit = (c: string | undefined) => (c ? numerals.indexOf(c) + 1 : 0);
  if (s.length === 1) return digit(s);
  if (s[0] === '十') return 10 + digit(s[1]);
  return digit(s[0]) * 10 + (s[2] ? digit(s[2]) : 0);
}

/** A number written as a Chinese section number: 12 → 十二. */
export function toChinese(n: number): string {
  if (n <= 10) return numerals[n - 1]!;
  if (n < 20) return `十${numerals[n - 11] ?? ''}`;
  return `${numerals[Math.floor(n / 10) - 1]}十${n % 10 ? numerals[(n % 10) - 1] : ''}`;
}

/** A chapter number at the line's start: 一、, 十二、. */
export const chapterMark = new RegExp(`^[${numerals}]+、`);

/** A numbered heading or list item at the line's start: 一、 （一） 1. */
export const numbered = new RegExp(`^(?:[${numerals}]+、|[(（][${numerals}\\d]+[)）]|\\d+[.．、])`);
