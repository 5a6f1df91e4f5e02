import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/** Elements that never hold report text. */
const dropped = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'head',
]);

/** Table parts: old government sites lay pages out in tables, so each row and cell is a block. */
const tableParts = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

/** Whether decoded text is an HTML page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  const tags = head.match(/<\/?(?:p|div|br|span|table|td|body|meta|title|h[1-6])\b[^>]*>/g);
  return (tags?.length ?? 0) >= 5;
}

function prune(children: RootContent[]): RootContent[] {
  const kept: RootContent[] = [];
  for (const node of children) {
    if (node.type === 'comment' || node.type === 'doctype') continue;
    if (node.type === 'element') {
      if (dropped.has(node.tagName)) continue;
      if (tableParts.has(node.tagName)) node.tagName = 'div';
      node.children = prune(node.children) as Element['children'];
    }
    kept.push(node);
  }
  return kept;
}

/** The `<title>` of a page, if any: evidence for the report title. */
function pageTitle(tree: Root): string | null {
  let found: string | null = null;
  const visit = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (found !== null) return;
      if (n.type === 'element') {
        if (n.tagName === 'title') found = toText(n).trim() || null;
        else visit(n.children);
      }
    }
  };
  visit(tree.children);
  return found;
}

/**
 * Turns an HTML page into plain text with one block per line: scripts, styles, navigation,
 * headers, footers and asides are dropped; markup never survives as markup.
 */
export function htmlToText(html: string): { text: string; title: string | null } {
  const tree = fromHtml(html);
  const title = pageTitle(tree);
  tree.children = prune(tree.children);
  return { text: toText(tree), title };
}
