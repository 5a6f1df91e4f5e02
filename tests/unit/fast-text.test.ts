import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toMarkdown } from 'mdast-util-to-markdown';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atxHeading } from '../../scripts/lib/atx-heading.ts';
import { fastText } from '../../scripts/lib/fast-text.ts';
import { blocksTree } from '../helpers.ts';

const options = { bullet: '-', emphasis: '_', strong: '*', fences: true } as const;
/** The normalizer's own handlers: the library's text and heading handlers with their shortcuts. */
const handlers = { text: fastText, heading: atxHeading };
const paragraphs = (texts: string[]): Root => ({
  type: 'root',
  children: texts.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
});

describe('the text and heading shortcuts of the Markdown writer', () => {
  const tricky = [
    '1. 学前教育',
    '2) 义务教育',
    '* 号',
    '- 列表',
    '+ 加',
    '# 标题',
    'a_b_c',
    '\\*',
    '末尾\\',
    '<script>alert(1)</script>',
    '&amp;',
    '[链接](x)',
    '`代码`',
    '~~删~~',
    '| 表 |',
    ' 前后空格 ',
    '全角，文字。',
    '2021年-2022年',
    '98.5%',
    '**** 保密',
    '甲\n乙',
    '![',
  ];
  it('writes exactly what the library writes, for Markdown-special text', () => {
    const tree = paragraphs(tricky);
    expect(toMarkdown(tree, { ...options, handlers })).toBe(toMarkdown(tree, options));
  });
  it('writes exactly what the library writes, for Markdown-special headings of every depth, empty and of several texts', () => {
    const tree: Root = {
      type: 'root',
      children: [1, 2, 3, 4, 5, 6, 7].flatMap((depth) => [
        ...[...tricky, '', '\t标题'].map((value) => ({
          type: 'heading' as const,
          depth: depth as 1,
          children: [{ type: 'text' as const, value }],
        })),
        { type: 'heading' as const, depth: depth as 1, children: [] },
        {
          type: 'heading' as const,
          depth: depth as 1,
          children: [
            { type: 'text' as const, value: ' 甲' },
            { type: 'text' as const, value: '乙\n丙' },
          ],
        },
      ]),
    };
    expect(toMarkdown(tree, { ...options, handlers })).toBe(toMarkdown(tree, options));
    expect(toMarkdown(tree, { ...options, closeAtx: true, handlers })).toBe(toMarkdown(tree, { ...options, closeAtx: true }));
    expect(toMarkdown(tree, { ...options, setext: true, handlers })).toBe(toMarkdown(tree, { ...options, setext: true }));
  });
  it('writes exactly what the library writes, for every normalized report', () => {
    for (const dir of ['content/reports', 'tests/fixtures/goldens']) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
        const tree = fromMarkdown(readFileSync(join(dir, name), 'utf8'));
        expect(toMarkdown(tree, { ...options, handlers }), name).toBe(toMarkdown(tree, options));
      }
    }
  });
  it('writes exactly what the library writes, for any mix of Chinese text and Markdown punctuation in headings and paragraphs', () => {
    const pieces = [
      '教育',
      '学校，',
      '。',
      ' ',
      '  ',
      '\t',
      '1.',
      '2)',
      '*',
      '_',
      '-',
      '+',
      '#',
      '!',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '&',
      '`',
      '~',
      '|',
      '\\',
      '\n',
      'a',
      '2021年',
      '98.5%',
      ':',
      '=',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), text), { minLength: 1, maxLength: 6 }), (blocks) => {
        const tree = blocksTree(blocks);
        expect(toMarkdown(tree, { ...options, handlers })).toBe(toMarkdown(tree, options));
      }),
      { numRuns: 2000 },
    );
  });
  it('takes the shortcut only for text with nothing to escape', () => {
    const tree = paragraphs(['全角，文字。']);
    expect(toMarkdown(tree, { ...options, handlers })).toBe('全角，文字。\n');
    expect(toMarkdown(paragraphs(['1. 学前教育']), { ...options, handlers })).toBe('1\\. 学前教育\n');
  });
});
