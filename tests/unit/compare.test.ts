import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { compareReports, planOutcomeYear, type CompareInput } from '../../src/lib/compare.ts';
import { chunksOf } from '../../src/lib/topic-chunks.ts';
import { termTrend, termTrends } from '../../src/lib/trends.ts';
import { readReport } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'compare-'));
cpSync('tests/fixtures/site', join(root, 'raw'), { recursive: true });
cpSync('content/raw/003_f402f1ac93898069.txt', join(root, 'raw', '003.txt'));
cpSync('content/raw/001_dbd607472b490044.txt', join(root, 'raw', '001.txt'));
normalizeBatch(join(root, 'raw'), join(root, 'reports'));
const load = (slug: string): CompareInput => {
  const { data, body } = readReport(readFileSync(join(root, 'reports', `${slug}.md`), 'utf8'));
  return { id: slug, data, chunks: chunksOf({ data, body }) };
};
const mazhang2021 = load('2021-guangdong-zhanjiang-mazhang-summary');
const plan2022 = load('2022-guangdong-zhanjiang-mazhang-plan');
const summary2022 = load('2022-guangdong-zhanjiang-mazhang-summary');
const nanchang2021 = load('2021-jiangxi-nanchang-summary-plan');

describe('compareReports', () => {
  it('knows the fixture archive has a region with two successive years', () => {
    expect(readdirSync(join(root, 'reports'))).toContain('2022-guangdong-zhanjiang-mazhang-summary.md');
  });

  it('aligns two years of one district topic by topic', () => {
    const c = compareReports([mazhang2021, summary2022]);
    expect(c.mode).toBe('side-by-side');
    const topics = c.rows.map((r) => r.topic);
    expect(topics).toEqual(expect.arrayContaining(['党建', '学位与校舍', '校园安全']));
    const party = c.rows.find((r) => r.topic === '党建')!;
    expect(party.cells[0]!.map((x) => x.heading)).toEqual(['（一）夯实党建工作']);
    expect(party.cells[1]!.map((x) => x.heading)).toEqual(['一、党建工作']);
  });

  it('marks a topic the later report covers and the earlier does not', () => {
    const c = compareReports([plan2022, summary2022]);
    const aid = c.rows.find((r) => r.topic === '学生资助')!;
    expect(aid.cells[0]).toEqual([]);
    expect(aid.newFrom).toBe(1);
  });

  it('lines up the same key figure from each report with the change between them', () => {
    const c = compareReports([plan2022, summary2022]);
    const places = c.figures.find((f) => f.key === 'new-school-places')!;
    expect(places.values.map((v) => v?.value)).toEqual([3000, 2800]);
    expect(places.values.map((v) => v?.year)).toEqual([2022, 2022]);
    expect(places.changes).toEqual([null, -200]);
  });

  it('compares a plan with the next report on the year it planned', () => {
    expect(planOutcomeYear(plan2022.data, summary2022.data)).toBe(2022);
    expect(planOutcomeYear(summary2022.data, plan2022.data)).toBeNull();
    const c = compareReports([plan2022, summary2022]);
    expect(c.mode).toBe('plan-outcome');
    expect(c.year).toBe(2022);
    expect(c.rows.find((r) => r.topic === '双减与课后服务')!.cells.map((cell) => cell.length)).toEqual([1, 1]);
  });

  it('puts the columns in chronological order whatever order the reports come in', () => {
    expect(compareReports([summary2022, mazhang2021]).reports.map((r) => r.id)).toEqual([mazhang2021.id, summary2022.id]);
    expect(compareReports([summary2022, plan2022, mazhang2021]).reports.map((r) => r.id)).toEqual([
      mazhang2021.id,
      plan2022.id,
      summary2022.id,
    ]);
    const c = compareReports([summary2022, mazhang2021]);
    expect(c.figures.find((f) => f.key === 'new-school-places')!.changes).toEqual([null, 320]);
  });

  it('shows figures of different regions side by side without a change, and marks no topic new or dropped', () => {
    const c = compareReports([summary2022, nanchang2021]);
    expect(c.sameRegion).toBe(false);
    expect(c.reports.map((r) => r.id)).toEqual([nanchang2021.id, summary2022.id]);
    expect(c.figures.flatMap((f) => f.changes).every((x) => x === null)).toBe(true);
    expect(c.rows.every((r) => r.newFrom === null && r.droppedFrom === null)).toBe(true);
  });

  it('marks a topic the later reports no longer cover as dropped, from the first column without it', () => {
    const c = compareReports([summary2022, mazhang2021]);
    for (const row of c.rows) {
      const [earlier, later] = row.cells.map((cell) => cell.length > 0);
      expect(row.droppedFrom).toBe(earlier && !later ? 1 : null);
      expect(row.newFrom).toBe(!earlier && later ? 1 : null);
    }
  });

  it('compares three reports in three columns', () => {
    const c = compareReports([mazhang2021, plan2022, summary2022]);
    expect(c.rows.every((r) => r.cells.length === 3)).toBe(true);
  });
});

describe('termTrend', () => {
  it('counts reports using a term and its mentions per year', () => {
    expect(
      termTrend('双减', [
        { years: [2021], text: '落实双减，双减见效' },
        { years: [2021, 2022], text: '课后服务' },
        { years: [2022], text: '双减' },
      ]),
    ).toEqual([
      { year: 2021, reports: 2, using: 1, mentions: 2 },
      { year: 2022, reports: 2, using: 1, mentions: 1 },
    ]);
  });
});

describe('termTrends', () => {
  it('counts several terms in one pass over a generator, reading each text once', () => {
    const texts = [
      { years: [2021], text: '落实双减，课后服务全覆盖' },
      { years: [2022], text: '双减见效，双减' },
    ];
    let reads = 0;
    function* sources() {
      for (const t of texts) {
        reads++;
        yield t;
      }
    }
    const trends = termTrends(['双减', '课后服务'], sources());
    expect(reads).toBe(2);
    expect(trends.get('双减')).toEqual([
      { year: 2021, reports: 1, using: 1, mentions: 1 },
      { year: 2022, reports: 1, using: 1, mentions: 2 },
    ]);
    expect(trends.get('课后服务')).toEqual([
      { year: 2021, reports: 1, using: 1, mentions: 1 },
      { year: 2022, reports: 1, using: 0, mentions: 0 },
    ]);
  });
});
