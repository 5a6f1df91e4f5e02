import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { unmark } from './cleaner-marks.ts';
import type { Report } from './report-schema.ts';

/** A report body and the sections its frontmatter lists. */
export interface BodySource {
  data: Pick<Report, 'sections'>;
  body: string;
}

/** Headings and paragraphs with the anchors the report page gives them. */
export function anchoredText(source: BodySource): [string, string][] {
  const out: [string, string][] = [];
  let heading = 0;
  let paragraph = 0;
  for (const node of fromMarkdown(source.body).children) {
    const text = unmark(toString(node));
    if (node.type === 'heading') out.push([source.data.sections[heading++]?.id ?? `sec-${heading}`, text]);
    else if (node.type === 'paragraph') out.push([`p-${++paragraph}`, text]);
  }
  return out;
}
