import { foldText, queryPhrases } from '../lib/search/tokens.ts';

/** Elements whose text is read as one run when looking for a phrase: a match may cross inline marks inside them. */
const blocks = 'h1,h2,h3,h4,h5,h6,p,li,td,th,dd,dt,blockquote';

/** One code unit folded the way the search folds text, or itself when folding would change its length. */
function foldUnit(unit: string): string {
  const folded = foldText(unit);
  return folded.length === 1 ? folded : unit;
}

/** Text nodes under `root`, grouped by the block they sit in. */
function textRuns(root: Element): Text[][] {
  const groups = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement?.closest(blocks) ?? root;
    let group = groups.get(block);
    if (!group) groups.set(block, (group = []));
    group.push(node as Text);
  }
  return [...groups.values()];
}

/** [start, end) ranges of every phrase in a folded text, merged where they overlap, in order. */
function matchRanges(folded: string, phrases: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const p of phrases) for (let i = folded.indexOf(p); i !== -1; i = folded.indexOf(p, i + p.length)) ranges.push([i, i + p.length]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

/**
 * Marks every occurrence of the query's phrases in `root`'s text with `<mark class="hit">`,
 * and returns each occurrence's first mark, in reading order. Only text nodes are split; no
 * markup is parsed.
 */
export function highlight(root: Element, query: string): HTMLElement[] {
  const phrases = queryPhrases(query);
  if (phrases.length === 0) return [];
  const occurrences: HTMLElement[] = [];
  for (const nodes of textRuns(root)) {
    const starts: number[] = [];
    let text = '';
    for (const node of nodes) {
      starts.push(text.length);
      text += node.data;
    }
    const ranges = matchRanges(Array.from(text, foldUnit).join(''), phrases);
    if (ranges.length === 0) continue;
    // Each range as pieces within single text nodes; wrapped from the end so earlier offsets hold.
    const pieces: { node: number; from: number; to: number; range: number }[] = [];
    ranges.forEach(([a, b], range) => {
      nodes.forEach((node, k) => {
        const from = Math.max(a, starts[k]!) - starts[k]!;
        const to = Math.min(b, starts[k]! + node.data.length) - starts[k]!;
        if (from < to) pieces.push({ node: k, from, to, range });
      });
    });
    const first = new Map<number, HTMLElement>();
    for (const piece of pieces.reverse()) {
      const node = nodes[piece.node]!;
      node.splitText(piece.to);
      const middle = node.splitText(piece.from);
      const mark = document.createElement('mark');
      mark.className = 'hit';
      middle.replaceWith(mark);
      mark.append(middle);
      first.set(piece.range, mark);
    }
    occurrences.push(...ranges.map((_, range) => first.get(range)!));
  }
  return occurrences;
}

/** Removes the marks `highlight` made, joining the text back. */
export function unhighlight(root: Element): void {
  for (const mark of root.querySelectorAll('mark.hit')) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}
