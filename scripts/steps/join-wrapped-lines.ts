import type { LinesRoot } from '../tree.ts';
import { headingMarker } from '../lib/numbering.ts';

const terminal = /[。！？；：:”’」』）)》…]$/;

/** The line length hard-wrapped text breaks at, or null when the text is not hard-wrapped. */
export function wrapWidth(values: string[]): number | null {
  const open = values.filter((v) => v.length >= 15 && !terminal.test(v)).map((v) => v.length);
  if (open.length < 5 || open.length < values.length * 0.3) return null;
  const counts = new Map<number, number>();
  for (const n of open) counts.set(n, (counts.get(n) ?? 0) + 1);
  const [width] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  const near = open.filter((n) => Math.abs(n - width) <= 2).length;
  return near >= open.length * 0.5 ? width : null;
}

/**
 * Rejoins paragraphs that PDF extraction or fixed-width capture broke into lines: a line that
 * reaches the text's wrap width and ends mid-sentence continues on the next line.
 */
export function joinWrappedLines() {
  return (tree: LinesRoot): void => {
    const width = wrapWidth(tree.children.map((l) => l.value));
    if (width === null) return;
    const out: LinesRoot['children'] = [];
    for (const line of tree.children) {
      const prev = out.at(-1);
      if (prev && prev.value.length >= width - 2 && !terminal.test(prev.value) && !headingMarker(line.value)) {
        const glue = /[A-Za-z0-9]$/.test(prev.value) && /^[A-Za-z0-9]/.test(line.value) ? ' ' : '';
        prev.value += glue + line.value;
        prev.position = { start: prev.position.start, end: line.position.end };
      } else {
        out.push({ ...line });
      }
    }
    tree.children = out;
  };
}
