import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../scripts/steps/compile-report.ts';
import { bodyHast } from '../../src/lib/body-hast.ts';
import { blocksTree, normalizePath, readReport } from '../helpers.ts';

/** The tree the page used to render: micromark's mdast turned into hast, without the positions and data `toHtml` never writes. */
function viaMdast(markdown: string): Root {
  return JSON.parse(
    JSON.stringify(toHast(fromMarkdown(markdown)), (key: string, value: unknown) =>
      key === 'position' || key === 'data' ? undefined : value,
    ),
  ) as Root;
}

/**
 * A tree with every list read as tight: list items' paragraphs replaced by their content and the
 * line endings between an item's children dropped. mdast-util-from-markdown calls some lists loose
 * that CommonMark (and markdown-it) call tight, e.g. an item followed by a blank line and a quote
 * inside a quote; compared this way, the two trees must still agree on everything else.
 */
function tightened(node: Root | ElementContent): Root | ElementContent {
  if (node.type !== 'root' && node.type !== 'element') return node;
  let children = (node.children as ElementContent[]).map((child) => tightened(child) as ElementContent);
  if (node.type === 'element' && node.tagName === 'li')
    children = children
      .flatMap((child) => (child.type === 'element' && child.tagName === 'p' ? child.children : [child]))
      .filter((child) => !(child.type === 'text' && child.value === '\n'));
  return { ...node, children };
}

describe('bodyHast', () => {
  it('gives the tree micromark and mdast-util-to-hast give for every seed and fixture report', () => {
    const seeds = readdirSync('content/reports')
      .filter((f) => f.endsWith('.md'))
      .map((f) => readReport(readFileSync(join('content/reports', f), 'utf8')).body);
    const fixtures = readdirSync('tests/fixtures/raw').map((f) => normalizePath(join('tests/fixtures/raw', f)).body);
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const body of [...seeds, ...fixtures]) expect(bodyHast(body)).toEqual(viaMdast(body));
  });

  it('gives the same tree on every kind of block and inline Markdown', () => {
    const body = [
      '# 一、总体 *要求* 与 **目标** #',
      '',
      '全区\\*\\*学校 \\# 不是标题，&amp; 与 &#x4E2D; 与 &copy; 解码；`代码 \\* 不变`。',
      '第二行软换行  ',
      '硬换行之后\\',
      '反斜杠换行。\t',
      '  缩进的续行',
      '',
      '链接 [教育局](https://example.cn/路径?q=中 "题") 与 [坏链接](javascript:alert(1)) 与 <https://a.cn/%E4%B8%AD> 与 <a@b.cn> 与 ![图 *说明* \\*](x.png "图题")。',
      '',
      '引用 [甲][1] 与 [乙] 与 [未定义][2]。',
      '',
      '[1]: https://example.cn/一 "定义"',
      '[乙]: /相对',
      '',
      '内联 <b>HTML</b> 与 〖复原〗 与 〖…〗 标记 **粗*斜*体** _下划_ __线__ ***三***。',
      '',
      '二、设题行',
      '----',
      '',
      '- 列表项一',
      '- 列表项二',
      '  1. 嵌套',
      '  2. 嵌套二',
      '',
      '3. 松散一',
      '',
      '4. 松散二',
      '',
      '   第二段',
      '',
      '* ```',
      '  代码',
      '  ```',
      '*',
      '',
      '> 引文段落',
      '>',
      '> > 嵌套引文',
      '',
      '<div>',
      '块级 HTML',
      '</div>',
      '',
      '    缩进代码',
      '    第二行',
      '',
      '```js 其余 信息',
      'const a = 1;',
      '```',
      '',
      '~~~',
      '~~~',
      '',
      '***',
      '',
      '最后一段。',
    ].join('\n');
    expect(bodyHast(body)).toEqual(viaMdast(body));
    expect(toHtml(bodyHast(body))).toContain('<ol start="3">');
  });

  it('reads a list as CommonMark does where mdast-util-from-markdown calls it loose', () => {
    const body = '> - 引文列表\n>\n> > 嵌套引文\n';
    expect(toHtml(bodyHast(body))).toBe(
      '<blockquote>\n<ul>\n<li>引文列表</li>\n</ul>\n<blockquote>\n<p>嵌套引文</p>\n</blockquote>\n</blockquote>',
    );
    expect(toHtml(viaMdast(body))).toContain('<li>\n<p>引文列表</p>\n</li>');
    expect(tightened(bodyHast(body))).toEqual(tightened(viaMdast(body)));
  });

  // Report bodies are what the normalizer's writer makes of headings and paragraphs: any text, its
  // Markdown syntax escaped. Hand-written Markdown can part the two parsers in corners no body
  // reaches (empty list items, a tab before a line ending, a lazy line after a definition in a quote,
  // blank lines closing an unclosed fence); the constructs above are compared whole.
  it('gives the same tree on bodies the normalizer writes from any text (fast-check)', () => {
    const pieces = [
      '学校',
      ' ',
      '  ',
      '\n',
      '*',
      '**',
      '_',
      '`',
      '\\',
      '#',
      '# ',
      '- ',
      '1. ',
      '2) ',
      '> ',
      '    ',
      '```',
      '~~~',
      '---',
      '===',
      '[',
      ']',
      '(',
      ')',
      '](https://a.cn/中)',
      '![',
      '<',
      '>',
      '<b>',
      '<div>',
      '&amp;',
      '&#x4E2D;',
      '"',
      '〖',
      '〗',
      '〖…〗',
      '<https://a.cn>',
      '[x]: /u',
      '1',
      '。',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), text), { minLength: 1, maxLength: 6 }), (blocks) => {
        const markdown = toMarkdown(blocksTree(blocks), markdownOptions);
        expect(bodyHast(markdown)).toEqual(viaMdast(markdown));
      }),
      { numRuns: 3000 },
    );
  });
});
