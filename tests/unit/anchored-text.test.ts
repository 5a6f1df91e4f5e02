import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { anchoredText, anchorNamer, type BodySource } from '../../src/lib/anchored-text.ts';
import { unmark } from '../../src/lib/cleaner-marks.ts';
import { normalizePath, readReport } from '../helpers.ts';

/** The anchored text as the page's own parser (micromark, via mdast) reads the body: what the index must agree with. */
function viaMdast(source: BodySource): [string, string][] {
  const name = anchorNamer(source.data.sections);
  return fromMarkdown(source.body).children.flatMap((node): [string, string][] => {
    if (node.type === 'heading') return [[name.heading(), unmark(toString(node))]];
    if (node.type === 'paragraph') return [[name.paragraph(), unmark(toString(node))]];
    return [];
  });
}

const noSections = { data: { sections: [] } };

describe('anchoredText', () => {
  it('reads every seed report as the page parser does', () => {
    const dir = 'content/reports';
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const report = readReport(readFileSync(join(dir, file), 'utf8'));
      const text = anchoredText(report);
      expect(text.length, file).toBeGreaterThan(5);
      expect(text, file).toEqual(viaMdast(report));
    }
  });

  it('reads every normalized fixture as the page parser does', () => {
    const dir = 'tests/fixtures/raw';
    for (const file of readdirSync(dir)) {
      const report = normalizePath(join(dir, file));
      expect(anchoredText(report), file).toEqual(viaMdast(report));
    }
  });

  it('reads 200 generated reports as the page parser does', () => {
    const root = mkdtempSync(join(tmpdir(), 'anchored-'));
    generateCorpus(200, join(root, 'raw'));
    normalizeBatch(join(root, 'raw'), join(root, 'reports'));
    const files = readdirSync(join(root, 'reports')).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(200);
    for (const file of files) {
      const report = readReport(readFileSync(join(root, 'reports', file), 'utf8'));
      expect(anchoredText(report), file).toEqual(viaMdast(report));
    }
  });

  it('agrees with the page parser on escapes, entities, marks, links, images, breaks, HTML, lists and quotes', () => {
    const body = [
      '# 一、总体 *要求* 与 **目标**',
      '',
      '全区\\*\\*学校 \\# 不是标题，&amp; 与 &#x4E2D; 与 &copy; 解码；`代码 \\* 不变`。',
      '第二行软换行  ',
      '硬换行之后\\',
      '反斜杠换行。',
      '',
      '链接 [教育局](https://example.cn "题") 与 [坏链接](javascript:alert(1)) 与 <https://a.cn/x> 与 ![图 *说明* \\*](x.png)。',
      '',
      '内联 <b>HTML</b> 与 〖复原〗 与 〖…〗 标记。',
      '',
      '二、设题行',
      '----',
      '',
      '- 列表项一',
      '- 列表项二',
      '',
      '> 引文段落',
      '',
      '<div>',
      '块级 HTML',
      '</div>',
      '',
      '    缩进代码',
      '',
      '最后一段。',
    ].join('\n');
    const source = { ...noSections, body };
    const text = anchoredText(source);
    expect(text).toEqual(viaMdast(source));
    expect(text.map(([anchor]) => anchor)).toEqual(['sec-1', 'p-1', 'p-2', 'p-3', 'sec-2', 'p-4']);
    expect(text[1]![1]).toContain('全区**学校 # 不是标题，& 与 中 与 © 解码；代码 \\* 不变。');
  });
});
