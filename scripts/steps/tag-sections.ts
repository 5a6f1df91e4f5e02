import type { Root as MdRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { planHeading, reviewHeading } from '../lib/kind-words.ts';
import { numerals } from '../lib/numbering.ts';
import type { Section } from '../../src/lib/report-schema.ts';
import { pickTopic, topicHits } from '../lib/topics.ts';

/** Anchor id of the n-th heading (0-based): stable as long as the headings are. */
export function sectionId(index: number): string {
  return `sec-${index + 1}`;
}

/**
 * Lists the report's headings with an anchor id, the taxonomy topic of each section, and
 * whether it reviews or plans: set by a chapter heading's words, by a restart of the chapter
 * numbering, or by the report's kind.
 */
export function tagSections() {
  return (tree: MdRoot, file: VFile): void => {
    const kind = file.data.kind ?? 'summary';
    let part: Section['part'] = kind === 'plan' ? 'plan' : kind === 'summary' ? 'review' : 'review';
    let lastChapter = 0;
    const sections: Section[] = [];
    const nodes = tree.children;
    const hits = nodes.map((n) => topicHits(toString(n)));
    // Running totals, so a section's body hits are one subtraction, however long the report.
    const totals = [topicHits('')];
    for (const h of hits) totals.push(totals.at(-1)!.map((n, k) => n + h[k]!));
    nodes.forEach((node, i) => {
      if (node.type !== 'heading') return;
      const heading = toString(node);
      if (node.depth === 2) {
        const n = numerals.indexOf(heading[0] ?? '') + 1;
        if (planHeading.test(heading)) part = 'plan';
        else if (reviewHeading.test(heading)) part = 'review';
        else if (kind === 'summary-plan' && n === 1 && lastChapter >= 1) part = 'plan';
        if (n > 0) lastChapter = n;
      }
      const end = nodes.findIndex((m, j) => j > i && m.type === 'heading' && m.depth <= node.depth);
      const stop = totals[end === -1 ? nodes.length : end]!;
      const body = stop.map((n, k) => n - totals[i + 1]![k]!);
      sections.push({ heading, id: sectionId(sections.length), depth: node.depth, topic: pickTopic(hits[i]!, body), part });
    });
    file.data.sections = sections;
  };
}
