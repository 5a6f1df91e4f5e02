import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toTraditional } from '../../src/lib/to-traditional.ts';
import { buildTraditionalTable, tableConverter } from '../../src/lib/traditional-table.ts';
import { yearShares, chartBars, barHref } from '../../src/lib/trends.ts';

describe('a page’s Traditional table', () => {
  const reports = readdirSync('content/reports').map((name) => readFileSync(join('content/reports', name), 'utf8'));

  it.each(reports.map((text, i) => [i, text] as const))('converts report %i as OpenCC does, in a few KB', (_, text) => {
    const table = buildTraditionalTable([text], toTraditional);
    expect(tableConverter(table)(text)).toBe(toTraditional(text));
    expect(Buffer.byteLength(JSON.stringify(table))).toBeLessThan(30_000);
  });

  it('keeps context where the same character converts two ways', () => {
    const text = '头发很长。发展教育。';
    const table = buildTraditionalTable([text], toTraditional);
    expect(toTraditional(text)).toBe('頭髮很長。發展教育。');
    expect(tableConverter(table)(text)).toBe('頭髮很長。發展教育。');
    expect(table.a).toContain('发');
  });
});

describe('trends', () => {
  it('count, per year, the reports and those using the term', () => {
    const points = yearShares([
      { years: [2020, 2021], match: true },
      { years: [2021], match: false },
      { years: [2021], match: true },
    ]);
    expect(points).toEqual([
      { year: 2020, reports: 1, using: 1 },
      { year: 2021, reports: 3, using: 2 },
    ]);
    expect(chartBars(points, false).bars.map((b) => b.label)).toEqual(['100%', '67%']);
    expect(chartBars(points, true).bars.map((b) => b.label)).toEqual(['1', '2']);
    expect(barHref('双减', 2021, { province: '广东省' })).toBe(
      '/search/?q=%E5%8F%8C%E5%87%8F&year=2021&province=%E5%B9%BF%E4%B8%9C%E7%9C%81',
    );
  });
});
