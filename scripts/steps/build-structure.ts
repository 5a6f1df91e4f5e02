import type { Heading, Paragraph, Root as MdRoot, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { LinesRoot } from '../tree.ts';
import { headingMarker, toChinese, type Kind } from '../lib/numbering.ts';

function label(kind: Kind, n: number): string {
  return kind === 'chapter' ? `${toChinese(n)}、` : kind === 'section' ? `（${toChinese(n)}）` : `${n}．`;
}

/**
 * Splits a numbered line's text into its heading clause and the paragraph it leads, if it is a
 * heading. The clause keeps the mark that ends it (。：！？) so that no character of the text is lost.
 */
export function splitHeading(rest: string): { heading: string; paragraph: string } | null {
  const clean = rest.trim();
  // A clause closed by 。 is a heading only when short and without figures; otherwise it is a sentence.
  const clause = (text: string) => !text.endsWith('。') || (text.length <= 20 && !/\d/.test(text));
  if (clean.length <= 40 && !/[。！？；：:]/.test(clean.slice(0, -1)) && clause(clean)) {
    return { heading: clean, paragraph: '' };
  }
  const stop = clean.search(/[。！？：:]/);
  const lead = clean.search(/一是|首先|第一，/);
  if (stop > 0 && stop <= 40 && stop < clean.length - 1 && (lead === -1 || stop < lead) && clause(clean.slice(0, stop + 1))) {
    return { heading: clean.slice(0, stop + 1), paragraph: clean.slice(stop + 1).trim() };
  }
  if (lead >= 4 && lead <= 30) return { heading: clean.slice(0, lead), paragraph: clean.slice(lead) };
  return null;
}

/** A numbered line, and whether its number was restored. */
type Marker = NonNullable<ReturnType<typeof headingMarker>> & { restored?: boolean };

/** Restores a lost number (`（）`) from the next number of the same kind, when it proves it. */
function restoreNumbers(items: ({ kind: Kind; n: number; restored?: boolean } | null)[]): number {
  let restored = 0;
  items.forEach((item, i) => {
    if (!item || item.n !== 0) return;
    const next = items.slice(i + 1).find((x) => x?.kind === item.kind);
    const prev = items
      .slice(0, i)
      .reverse()
      .find((x) => x?.kind === item.kind);
    const expected = next && next.n > 1 ? next.n - 1 : prev && prev.n > 0 ? prev.n + 1 : 0;
    if (expected > 0 && (!prev || prev.n === expected - 1 || expected === 1)) {
      item.n = expected;
      item.restored = true;
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
    const parsed: (Marker | null)[] = tree.children.map((l) => headingMarker(l.value));
    // A number as printed stays as printed (1、 stays 1、); only a restored one is written out.
    const mark = (p: Marker) => (p.restored ? label(p.kind, p.n) : p.mark);
    file.data.renumbered = restoreNumbers(parsed);
    const splits = parsed.map((p) => (p && p.n > 0 ? splitHeading(p.rest) : null));
    const present = (['chapter', 'section', 'item'] as Kind[]).filter((k) => parsed.some((p, i) => p?.kind === k && splits[i]));
    const children: RootContent[] = [];
    tree.children.forEach((line, i) => {
      const p = parsed[i];
      const split = splits[i];
      if (p && split) {
        const depth = (present.indexOf(p.kind) + 2) as Heading['depth'];
        children.push({ type: 'heading', depth, children: [{ type: 'text', value: mark(p) + split.heading }] });
        if (split.paragraph) children.push(paragraph(split.paragraph));
      } else {
        children.push(paragraph(p && p.n > 0 ? mark(p) + p.rest : line.value));
      }
    });
    return { type: 'root', children };
  };
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}
