import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { isCalendarDay } from '../../src/lib/calendar-date.ts';
import { renderBody } from '../../src/lib/render-report.ts';
import { reportSchema } from '../../src/lib/report-schema.ts';
import { xmlText } from '../../src/lib/xml-text.ts';
import { normalizeBytes, readReport } from '../helpers.ts';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const good = 'tests/fixtures/raw/lost-number-third.txt';

/** Normalizes the good fixture beside a sidecar named `sidecar` holding `json`; returns the one outcome. */
function withSidecar(json: unknown, sidecar = 'report.source.json') {
  const dir = temp('sidecar-');
  copyFileSync(good, join(dir, 'report.txt'));
  writeFileSync(join(dir, sidecar), JSON.stringify(json));
  const out = temp('sidecar-out-');
  const [o] = normalizeBatch(dir, out).outcomes;
  return { o: o!, dir, out };
}

describe('source URLs', () => {
  it.each([
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'JavaScript:alert(1)',
    'ftp://example.com/a.txt',
    ' javascript:alert(1)',
  ])('refuses %j in a sidecar, naming it', (url) => {
    const { o, dir } = withSidecar({ url });
    expect(o.ok ? null : o.error).toBe(
      `${join(dir, 'report.txt')}: ${join(dir, 'report.source.json')}: **url**: expected an http: or https: URL`,
    );
  });
  it('accepts an https: URL and keeps it', () => {
    const { o, out } = withSidecar({ url: 'https://jyj.sm.gov.cn/zwgk/1.html', site: '三明市教育局' });
    if (!o.ok) throw new Error(o.error);
    expect(readReport(readFileSync(join(out, `${o.slug}.md`), 'utf8')).data.source).toMatchObject({
      url: 'https://jyj.sm.gov.cn/zwgk/1.html',
      site: '三明市教育局',
    });
  });
  it('accepts the sidecar named after the whole file name too', () => {
    const { o, out } = withSidecar({ url: 'https://jyj.sm.gov.cn/zwgk/2.html' }, 'report.txt.source.json');
    if (!o.ok) throw new Error(o.error);
    expect(readReport(readFileSync(join(out, `${o.slug}.md`), 'utf8')).data.source.url).toBe('https://jyj.sm.gov.cn/zwgk/2.html');
  });
  it('refuses two sidecars for one raw file, naming both', () => {
    const dir = temp('two-sidecars-');
    copyFileSync(good, join(dir, 'report.txt'));
    writeFileSync(join(dir, 'report.source.json'), '{}');
    writeFileSync(join(dir, 'report.txt.source.json'), '{}');
    const [o] = normalizeBatch(dir, temp('two-out-')).outcomes;
    expect(o!.ok ? null : o!.error).toBe(
      `${join(dir, 'report.txt')}: ${join(dir, 'report.source.json')} and ${join(dir, 'report.txt.source.json')}: two sidecars for one raw file; keep one`,
    );
  });
  it('removes control, bidi and non-characters from sidecar strings', () => {
    const { o, out } = withSidecar({ site: '三明\u202e市\uffff教育局\u0085', fetchedAt: '2024-01-02\u0007' });
    if (!o.ok) throw new Error(o.error);
    expect(readReport(readFileSync(join(out, `${o.slug}.md`), 'utf8')).data.source).toMatchObject({
      site: '三明市教育局',
      fetchedAt: '2024-01-02',
    });
  });
});

describe('links in report bodies', () => {
  const html = renderBody(
    [
      '[点我](javascript:alert(1)) [数据](data:text/html,x) <javascript:alert(2)> ![图](data:image/png;base64,AAAA)',
      '',
      '[官网](https://jyj.sm.gov.cn/) [本段](#p-1) [[嵌套](javascript:x)](vbscript:y)',
    ].join('\n'),
    [],
  ).html;
  it('renders javascript: and data: links and images as their text', () => {
    expect(html).not.toMatch(/(?:href|src)="(?!https?:|#)/);
    expect(html).toContain('javascript:alert(2)');
    expect(html).toContain('点我');
    expect(html).toContain('数据');
    expect(html).toContain('图');
    expect(html).toContain('嵌套');
  });
  it("keeps http(s) links and the page's own anchors", () => {
    expect(html).toContain('<a href="https://jyj.sm.gov.cn/">官网</a>');
    expect(html).toContain('<a href="#p-1">本段</a>');
  });
});

describe('characters no report may hold', () => {
  it('removes non-characters, C0 and C1 controls and bidi overrides from the title and body at normalize, counting the invisible ones', () => {
    const raw =
      '\u202e三明市教育局\uffff2023年\ufffe工作\u0091总结\u0007\n一、主要\u2066工作\u2069\n全市新增学位\u{1fffe}1200个，专任教师达到3100人。\n';
    const { data, markdown } = normalizeBytes(new TextEncoder().encode(raw), 'hostile-characters.txt');
    expect(data.title).toBe('三明市教育局2023年工作总结');
    // Bidi controls and non-characters are the cleaner's (strip-annotations), which counts them.
    expect(data.cleaning.annotations).toContainEqual(expect.objectContaining({ kind: 'invisible' }));
    expect(markdown).not.toMatch(/(?![\t\n])[\p{Cc}\p{Noncharacter_Code_Point}\p{Bidi_Control}]/u);
  });
  it('writes feed text without the characters XML forbids', () => {
    expect(xmlText('标题\uffff\ufffe\u0001<&>"\'')).toBe('标题&#60;&#38;&#62;&#34;&#39;');
  });
});

describe('dates', () => {
  it.each(['2022-13-45', '2022-02-30', '2023-02-29', '2022-00-10', '2022-1-5', '20220105'])(
    'refuses %s as a date in the frontmatter',
    (date) => {
      const { data } = normalizeBytes(readFileSync(good), 'x.txt');
      const parsed = reportSchema.safeParse({ ...data, issued: date });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ['issued'], message: 'expected a real calendar date as YYYY-MM-DD' });
    },
  );
  it('accepts real dates, leap days included', () => {
    expect([isCalendarDay(2024, 2, 29), isCalendarDay(2000, 2, 29), isCalendarDay(1900, 2, 29), isCalendarDay(2022, 4, 31)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it('reads no posted date from a page that shows an impossible one', () => {
    const raw = '三明市教育局2023年工作总结\n发布时间：2023-02-30\n一、主要工作\n全市新增学位1200个，专任教师达到3100人。\n';
    expect(normalizeBytes(new TextEncoder().encode(raw)).data.posted).toBeNull();
  });
});
