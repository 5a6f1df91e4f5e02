import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { unmark } from './cleaner-marks.ts';
import type { Report } from './report-schema.ts';

/** A report body and the sections its frontmatter lists. */
export interface BodySource {
  data: Pick<Report, 'sections'>;
  body: string;
}

/**
 * Names the anchors of a report's headings and paragraphs in document order: a heading takes the
 * id of its section in the frontmatter, a paragraph `p-1`, `p-2`, …. The report page and the
 * search index both name them here, so a search result links to the paragraph it quotes.
 */
export function anchorNamer(sections: Pick<Report, 'sections'>['sections']): {
  heading: () => string;
  paragraph: () => string;
  paragraphs: () => number;
} {
  let heading = 0;
  let paragraph = 0;
  return {
    heading: () => sections[heading++]?.id ?? `sec-${heading}`,
    paragraph: () => `p-${++paragraph}`,
    paragraphs: () => paragraph,
  };
}

/** Headings and paragraphs with the anchors the report page gives them. */
export function anchoredText(source: BodySource): [string, string][] {
  const out: [string, string][] = [];
  const name = anchorNamer(source.data.sections);
  for (const node of fromMarkdown(source.body).children) {
    const text = unmark(toString(node));
    if (node.type === 'heading') out.push([name.heading(), text]);
    else if (node.type === 'paragraph') out.push([name.paragraph(), text]);
  }
  return out;
}
