import { bodyParser, inlineText } from './body-hast.ts';
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

/**
 * Headings and paragraphs with the anchors the report page gives them: the body's top-level
 * blocks of text, in order, parsed with the page's own parser (`bodyParser`); a unit test holds
 * them to micromark's mdast as well.
 */
export function anchoredText(source: BodySource): [string, string][] {
  const out: [string, string][] = [];
  const name = anchorNamer(source.data.sections);
  const tokens = bodyParser.parse(source.body, {});
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.level !== 0 || (token.type !== 'heading_open' && token.type !== 'paragraph_open')) continue;
    const text = unmark(inlineText(tokens[i + 1]?.children ?? []));
    out.push([token.type === 'heading_open' ? name.heading() : name.paragraph(), text]);
  }
  return out;
}
