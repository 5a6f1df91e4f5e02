import type { Heading, Paragraph, Root as MdRoot, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { LinesRoot } from '../tree.ts';

/** Numbering kinds of Chinese official documents, outermost first. */
type Kind = 'chapter' | 'section' | 'item';

const numerals = '一二三四五六七八九十';
const markers: [Kind, RegExp][] = [
  ['chapter', new RegExp(`^([${numerals}]{1,3})、\\s*(.*)$`)],
  ['section', new RegExp(`^[（(]([${numerals}]{0,3})[）)]\\s*(.*)$`)],
  ['item', /^(\d{1,2})[.．、](?![\d.．])\s*(.*)$/],
];

/** The numbering kind, number (0 when lost) and text of a numbered line, or null. */
export function headingMarker(line: string): { kind: Kind; n: number; rest: string } | null {
  for (const [kind, pattern] of markers) {
    const m = line.match(pattern);
    if (m) return { kind, n: kind === 'item' ? Number(m[1]) : chineseNumber(m[1]!), rest: m[2]! };
  }
  return null;
}

function chineseNumber(s: string): number {
  if (s === '') return 0;
  const digit = (c: string | undefined) => (c ? numerals.indexOf(c) + 1 : 0);
  if (s.length === 1) return digit(s);
  if (s[0] === '十') return 10 + digit(s[1]);
  return digit(s[0]) * 10 + (s[2] ? digit(s[2]) : 0);
}

function toChinese(n: number): string {
  if (n <= 10) return numerals[n - 1]!;
  if (n < 20) return `十${numerals[n - 11] ?? ''}`;
  return `${numerals[Math.floor(n / 10) - 1]}十${n % 10 ? numerals[(n % 10) - 1] : ''}`;
}

function label(kind: Kind, n: number): string {
  return kind === 'chapter' ? `${toChinese(n)}、` : kind === 'section' ? `（${toChinese(n)}）` : `${n}．`;
}

/** Splits a numbered line's text into its heading clause and the paragraph it leads, if it is a heading. */
export function splitHeading(rest: string): { heading: string; paragraph: string } | null {
  const clean = rest.trim();
  const sentence = /[。！？；]$/.test(clean) && clean.length > 12;
  if (clean.length <= 40 && !sentence && !/[。！？；]/.test(clean.slice(0, -1))) {
    return { heading: clean.replace(/[。：:]$/, ''), paragraph: '' };
  }
  const stop = clean.search(/[。！？：:]/);
  const lead = clean.search(/一是|首先|第一，/);
  if (stop > 0 && stop <= 40 && stop < clean.length - 1 && (lead === -1 || stop < lead)) {
    const heading = clean.slice(0, stop + (/[！？]/.test(clean[stop]!) ? 1 : 0));
    return { heading, paragraph: clean.slice(stop + 1).trim() };
  }
  if (lead >= 4 && lead <= 30) return { heading: clean.slice(0, lead), paragraph: clean.slice(lead) };
  return null;
}

/** Restores a lost number (`（）`) from the next number of the same kind, when it proves it. */
function restoreNumbers(items: ({ kind: Kind; n: number } | null)[]): number {
  let restored = 0;
  items.forEach((item, i) => {
    if (!item || item.n !== 0) return;
    const next = items.slice(i + 1).find((x) => x?.kind === item.kind);
    const prev = items.slice(0, i).reverse().find((x) => x?.kind === item.kind);
    const expected = next && next.n > 1 ? next.n - 1 : prev && prev.n > 0 ? prev.n + 1 : 0;
    if (expected > 0 && (!prev || prev.n === expected - 1 || expected === 1)) {
      item.n = expected;
      restored++;
    }
  });
  return restored;
}

/**
 * Builds the Markdown tree: numbered lines become headings (一、 → ##, （一） → ###, 1． → ####,
 * levels closed up when a kind is absent), their heading clause split from the paragraph it
 * leads; a lost number is restored where the sequence proves it; other lines are paragraphs.
 */
export function buildStructure() {
  return (tree: LinesRoot, file: VFile): MdRoot => {
    const parsed = tree.children.map((l) => headingMarker(l.value));
    file.data.cleaning!.renumbered += restoreNumbers(parsed);
    const splits = parsed.map((p) => (p && p.n > 0 ? splitHeading(p.rest) : null));
    const present = (['chapter', 'section', 'item'] as Kind[]).filter((k) => parsed.some((p, i) => p?.kind === k && splits[i]));
    const children: RootContent[] = [];
    tree.children.forEach((line, i) => {
      const p = parsed[i];
      const split = splits[i];
      if (p && split) {
        const depth = (present.indexOf(p.kind) + 2) as Heading['depth'];
        children.push({ type: 'heading', depth, children: [{ type: 'text', value: label(p.kind, p.n) + split.heading }] });
        if (split.paragraph) children.push(paragraph(split.paragraph));
      } else {
        children.push(paragraph(p && p.n > 0 ? label(p.kind, p.n) + p.rest : line.value));
      }
    });
    return { type: 'root', children };
  };
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}
