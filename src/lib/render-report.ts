import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { anchorNamer } from './anchored-text.ts';
import { bodyHast } from './body-hast.ts';
import { isHttpUrl } from './http-url.ts';
import type { Section } from './report-schema.ts';

/** One entry of a report's table of contents. */
export interface TocEntry {
  id: string;
  text: string;
  depth: number;
}

/** A report body ready for the page. */
export interface RenderedBody {
  html: string;
  toc: TocEntry[];
  paragraphs: number;
}

const marks = /〖([^〗]*)〗/g;

/** Splits text at the cleaner's marks: 〖X〗 becomes a restoration, 〖…〗 a gap; the rest stays text. */
function markRestorations(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(marks)) {
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    const inner = m[1]!;
    out.push(
      inner === '…'
        ? {
            type: 'element',
            tagName: 'span',
            properties: { className: ['gap'], title: '此处原文被注入内容替换，无证据可复原' },
            children: [{ type: 'text', value: '〔缺〕' }],
          }
        : {
            type: 'element',
            tagName: 'ins',
            properties: { className: ['restored'], title: '清洗程序依据文中证据复原' },
            children: [{ type: 'text', value: inner }],
          },
    );
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/**
 * What a link or image in a body becomes: itself when it points to an `http:`/`https:` URL or an
 * anchor of the page, else its text (a link's content, an image's alt text), so that a
 * `javascript:` or `data:` address never becomes a live link.
 */
function safeLinks<T extends HastRoot['children'][number]>(child: T): (T | ElementContent)[] {
  if (child.type !== 'element') return [child];
  const { href, src, alt } = child.properties;
  if (child.tagName === 'a') {
    return typeof href === 'string' && (href.startsWith('#') || isHttpUrl(href)) ? [child] : child.children.flatMap(safeLinks);
  }
  if (child.tagName === 'img') {
    return typeof src === 'string' && isHttpUrl(src) ? [child] : [{ type: 'text', value: typeof alt === 'string' ? alt : '' }];
  }
  return [child];
}

function walk(node: HastRoot | Element, visit: (el: Element) => void): void {
  node.children = node.children.flatMap(safeLinks);
  for (const child of node.children) {
    if (child.type === 'element') {
      visit(child);
      walk(child, visit);
    }
  }
  node.children = node.children.flatMap((child) =>
    child.type === 'text' && child.value.includes('〖') ? markRestorations(child.value) : [child],
  );
}

/**
 * Renders a report's Markdown body to HTML. Raw HTML in the Markdown is dropped, never passed
 * through; only `http:`/`https:` links are links (others become their text); headings get the section ids from the frontmatter and every paragraph a stable
 * `p-N` anchor; the cleaner's restoration marks become `<ins>` and its gap marks a visible 〔缺〕.
 */
export function renderBody(markdown: string, sections: Section[]): RenderedBody {
  const hast = bodyHast(markdown);
  const toc: TocEntry[] = [];
  const name = anchorNamer(sections);
  walk(hast, (el) => {
    if (/^h[1-6]$/.test(el.tagName)) {
      const id = name.heading();
      el.properties = { ...el.properties, id };
      toc.push({ id, text: textOf(el).replace(/[〖〗]/g, ''), depth: Number(el.tagName[1]) });
    } else if (el.tagName === 'p') {
      const id = name.paragraph();
      el.properties = { ...el.properties, id };
      el.children.push(
        { type: 'text', value: ' ' },
        {
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['anchor'], ariaLabel: `第${name.paragraphs()}段的链接` },
          children: [{ type: 'text', value: '¶' }],
        },
      );
    }
  });
  return { html: toHtml(hast), toc, paragraphs: name.paragraphs() };
}

function textOf(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}
