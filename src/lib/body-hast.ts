import type { Element, ElementContent, Properties, Root } from 'hast';
import MarkdownIt, { type Token } from 'markdown-it';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';

/**
 * The CommonMark parser the report page renders bodies with. markdown-it, not micromark: the
 * page used to parse each body into mdast with micromark (`mdast-util-from-markdown`) and turn
 * that into hast (`mdast-util-to-hast`), which took a quarter of the build's main thread;
 * markdown-it reads the same CommonMark in a fraction of the time. Links keep the address as
 * written, for `normalizeUri` below to encode as mdast-util-to-hast does, and every link is
 * parsed as a link whatever its address (the page then shows a non-`http` one as its text).
 */
export const bodyParser = new MarkdownIt('commonmark');
bodyParser.validateLink = () => true;
bodyParser.normalizeLink = (url) => url;
bodyParser.normalizeLinkText = (text) => text;

/** A token's attribute as text, or null when it has none. */
function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

function element(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

/** `nodes` with a line ending between each, and around them when `loose` (mdast-util-to-hast's `wrap`). */
function wrap(nodes: ElementContent[], loose: boolean): ElementContent[] {
  const out: ElementContent[] = loose ? [{ type: 'text', value: '\n' }] : [];
  nodes.forEach((node, i) => {
    if (i > 0) out.push({ type: 'text', value: '\n' });
    out.push(node);
  });
  if (loose && nodes.length > 0) out.push({ type: 'text', value: '\n' });
  return out;
}

/**
 * The plain text of inline tokens, as mdast's `toString` gives it: escapes and entities resolved,
 * marks dropped, an image its description, a soft line break a newline, text trimmed around line
 * endings as mdast's is. An image's `alt`, and the search index's text of a block.
 */
export function inlineText(tokens: Token[]): string {
  let out = '';
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'text_special') text += token.content;
    else if (token.type === 'softbreak') text += '\n';
    else {
      out += trimLines(text);
      text = '';
      if (token.type === 'image') out += inlineText(token.children ?? []);
      else if (token.type === 'code_inline' || token.type === 'html_inline') out += token.content;
    }
  }
  return out + trimLines(text);
}

/**
 * Inline tokens as hast: adjacent text and soft breaks make one text node, trimmed around its
 * line endings, as an mdast text node becomes one; raw HTML is dropped.
 */
function inlines(tokens: Token[]): ElementContent[] {
  const root: ElementContent[] = [];
  const stack: ElementContent[][] = [root];
  let text: string | null = null;
  const flush = (): void => {
    if (text) stack.at(-1)!.push({ type: 'text', value: trimLines(text) });
    text = null;
  };
  const open = (node: Element): void => {
    flush();
    stack.at(-1)!.push(node);
    stack.push(node.children);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        text = (text ?? '') + token.content;
        break;
      case 'softbreak':
        text = (text ?? '') + '\n';
        break;
      case 'hardbreak':
        flush();
        stack.at(-1)!.push(element('br'), { type: 'text', value: '\n' });
        break;
      case 'em_open':
      case 'strong_open':
        open(element(token.tag));
        break;
      case 'link_open': {
        const title = attr(token, 'title');
        open(element('a', { href: normalizeUri(attr(token, 'href') ?? ''), ...(title === null ? {} : { title }) }));
        break;
      }
      case 'em_close':
      case 'strong_close':
      case 'link_close':
        flush();
        stack.pop();
        break;
      case 'code_inline':
        flush();
        stack.at(-1)!.push(element('code', {}, [{ type: 'text', value: token.content.replace(/\r?\n|\r/g, ' ') }]));
        break;
      case 'image': {
        flush();
        const title = attr(token, 'title');
        const properties = { src: normalizeUri(attr(token, 'src') ?? ''), alt: inlineText(token.children ?? []) };
        stack.at(-1)!.push(element('img', title === null ? properties : { ...properties, title }));
        break;
      }
      case 'html_inline':
        flush();
        break;
      default:
        throw new Error(`body-hast: unexpected inline token ${token.type}`);
    }
  }
  flush();
  return root;
}

/** A list item's children as mdast-util-to-hast gives them: in a tight list (hidden paragraphs) a paragraph's content stands in its place. */
function listItem(children: ElementContent[], tight: Set<Element>): Element {
  const loose = children.some((child) => child.type === 'element' && child.tagName === 'p' && !tight.has(child));
  const out: ElementContent[] = [];
  const isP = (node: ElementContent | undefined) => node?.type === 'element' && node.tagName === 'p';
  children.forEach((child, i) => {
    if (loose || i !== 0 || !isP(child)) out.push({ type: 'text', value: '\n' });
    if (isP(child) && !loose) out.push(...(child as Element).children);
    else out.push(child);
  });
  const tail = children.at(-1);
  if (tail && (loose || !isP(tail))) out.push({ type: 'text', value: '\n' });
  return element('li', {}, out);
}

/** Block tokens from `at` up to the closing token `until` (or the end) as hast; returns them and the index after the close. */
function blocks(tokens: Token[], at: number, until: string | null, tight: Set<Element>): [ElementContent[], number] {
  const out: ElementContent[] = [];
  let i = at;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.type === until) return [out, i + 1];
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const node = element(token.tag, {}, inlines(tokens[i + 1]!.children ?? []));
        if (token.hidden) tight.add(node);
        out.push(node);
        i += 3;
        break;
      }
      case 'blockquote_open': {
        const [children, next] = blocks(tokens, i + 1, 'blockquote_close', tight);
        out.push(element('blockquote', {}, wrap(children, true)));
        i = next;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        const [items, next] = blocks(tokens, i + 1, ordered ? 'ordered_list_close' : 'bullet_list_close', tight);
        const start = Number(token.attrGet('start') ?? 1);
        out.push(element(ordered ? 'ol' : 'ul', ordered && start !== 1 ? { start } : {}, wrap(items, true)));
        i = next;
        break;
      }
      case 'list_item_open': {
        const [children, next] = blocks(tokens, i + 1, 'list_item_close', tight);
        out.push(listItem(children, tight));
        i = next;
        break;
      }
      case 'fence':
      case 'code_block': {
        const lang = token.type === 'fence' ? bodyParser.utils.unescapeAll(token.info).trim().split(/\s+/)[0]! : '';
        // mdast keeps the code without its last line ending, and mdast-util-to-hast adds one back to code that is not empty.
        const value = token.content.replace(/\n$/, '');
        const code = element('code', lang ? { className: [`language-${lang}`] } : {}, [{ type: 'text', value: value ? `${value}\n` : '' }]);
        out.push(element('pre', {}, [code]));
        i += 1;
        break;
      }
      case 'hr':
        out.push(element('hr'));
        i += 1;
        break;
      case 'html_block':
        i += 1;
        break;
      default:
        throw new Error(`body-hast: unexpected block token ${token.type}`);
    }
  }
  return [out, i];
}

/**
 * A Markdown body as the hast tree `toHast(fromMarkdown(markdown))` gives (mdast-util-to-hast,
 * no raw HTML), parsed with markdown-it: the same elements, properties and text nodes. Unit
 * tests hold the two trees equal on the seeds, the fixtures, Markdown of every construct and
 * bodies as the normalizer writes them from any text. In hand-written corners the two parsers
 * read differently (an empty list item followed by blank lines, a list's looseness inside a
 * quote, a tab before a line ending, a lazy line after a link definition in a quote), and the
 * page follows markdown-it there; no normalized body holds them.
 */
export function bodyHast(markdown: string): Root {
  const [children] = blocks(bodyParser.parse(markdown, {}), 0, null, new Set());
  return { type: 'root', children: wrap(children, false) };
}
