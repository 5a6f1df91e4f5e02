import { anchoredText } from './anchored-text.ts';
import type { TopicChunk } from './compare.ts';
import type { Report } from './report-schema.ts';

/** Splits a report into chunks: each heading with the text until the next heading; pass `anchored` when already cut. */
export function chunksOf(report: { data: Report; body: string }, anchored: [string, string][] = anchoredText(report)): TopicChunk[] {
  const sections = new Map(report.data.sections.map((s) => [s.id, s]));
  const out: TopicChunk[] = [];
  for (const [anchor, text] of anchored) {
    const section = sections.get(anchor);
    if (section) {
      out.push({ id: anchor, heading: text, text: '', part: section.part, topic: section.topic });
    } else {
      let current = out.at(-1);
      if (!current) {
        current = { id: anchor, heading: '导语', text: '', part: 'other', topic: '总体情况' };
        out.push(current);
      }
      current.text += (current.text ? '\n' : '') + text;
    }
  }
  return out;
}
