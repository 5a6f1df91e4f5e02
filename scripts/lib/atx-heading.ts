import type { Heading } from 'mdast';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';

/** Whether a heading holds only text on one line: the library would write it as an ATX heading. */
function oneLineOfText(node: Heading): boolean {
  return node.children.every((child) => child.type === 'text' && !/[\r\n]/.test(child.value));
}

/**
 * mdast-util-to-markdown's heading handler without its search for line breaks. Unless the
 * `setext` option is set (the normalizer does not set it), the library writes a heading as an
 * ATX one (`## 标题`) when no text in it breaks the line, and finds out by walking the heading's
 * tree: a tenth of the whole writer's time on Chinese reports, whose headings are one text each.
 * Such headings are written here as the library writes them (the same phrasing, with a leading
 * space or tab turned into a character reference); any other goes to the library's own handler.
 */
export const atxHeading: Handle = (node: Heading, parent, state, info) => {
  if (state.options.setext || !oneLineOfText(node)) return defaultHandlers.heading(node, parent, state, info);
  const marks = '#'.repeat(Math.max(Math.min(6, node.depth), 1));
  const tracker = state.createTracker(info);
  const exitHeading = state.enter('headingAtx');
  const exitPhrasing = state.enter('phrasing');
  tracker.move(`${marks} `);
  let value = state.containerPhrasing(node, { before: '# ', after: '\n', ...tracker.current() });
  const first = value.charCodeAt(0);
  if (first === 9 || first === 32) value = `&#x${first.toString(16).toUpperCase()};${value.slice(1)}`;
  exitPhrasing();
  exitHeading();
  const atx = value ? `${marks} ${value}` : marks;
  return state.options.closeAtx ? `${atx} ${marks}` : atx;
};
