/**
 * `npm run eval -- --set DIR [--json FILE] [--floors FILE]`: scores the normalizer on a labelled
 * set (`DIR/gold.json`, `DIR/raw/`), prints each page's misses and the totals, writes JSON, and
 * exits 1 when a total falls below its floor.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readReportFiles } from '../src/lib/read-reports.ts';
import type { Report } from '../src/lib/report-schema.ts';
import { normalizeBatch } from './normalize-batch.ts';
import { scorePage, type GoldPage, type PageScore } from './eval/score-page.ts';

const { values } = parseArgs({
  options: { set: { type: 'string' }, json: { type: 'string' }, floors: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
if (!values.set) {
  console.error('usage: npm run eval -- --set DIR [--json FILE] [--floors FILE]');
  process.exit(2);
}

const gold = JSON.parse(readFileSync(join(values.set, 'gold.json'), 'utf8')) as GoldPage[];
const out = mkdtempSync(join(tmpdir(), 'eval-'));
const result = normalizeBatch(join(values.set, 'raw'), out);
const reports = new Map(readReportFiles(out).map((r) => [r.id, r]));
rmSync(out, { recursive: true, force: true });

const scores: PageScore[] = gold.map((g) => {
  const outcome = result.outcomes.find((o) => o.file === g.file);
  const report = outcome?.ok ? reports.get(outcome.slug) : undefined;
  if (!report) return { ...scorePage(g, null), misses: [`refused: ${outcome && !outcome.ok ? outcome.error : 'no outcome'}`] };
  const fm = report.frontmatter as unknown as Report;
  return scorePage(g, {
    title: fm.title,
    body: report.body,
    province: fm.region.province,
    city: fm.region.city,
    county: fm.region.county,
    yearsReviewed: fm.yearsReviewed,
    yearsPlanned: fm.yearsPlanned,
  });
});

const sum = (pick: (s: PageScore) => number) => scores.reduce((n, s) => n + pick(s), 0);
const totals = {
  normalized: { right: sum((s) => (s.normalized ? 1 : 0)), total: scores.length },
  body: { right: sum((s) => s.body.kept), total: sum((s) => s.body.total) },
  chrome: { right: sum((s) => s.chrome.removed), total: sum((s) => s.chrome.total) },
  metadata: { right: sum((s) => s.metadata.right), total: sum((s) => s.metadata.total) },
};
const pct = (t: { right: number; total: number }) => (t.total ? (100 * t.right) / t.total : 100);

if (!values.quiet) {
  for (const s of scores) {
    if (s.misses.length === 0) continue;
    console.log(s.file);
    for (const m of s.misses) console.log(`  ${m}`);
  }
}
const names = {
  normalized: 'pages normalized',
  body: 'body snippets kept',
  chrome: 'chrome snippets removed',
  metadata: 'metadata fields right',
};
for (const [key, t] of Object.entries(totals)) {
  console.log(`${names[key as keyof typeof totals].padEnd(24)} ${pct(t).toFixed(1).padStart(5)} % (${t.right}/${t.total})`);
}
if (values.json) writeFileSync(values.json, `${JSON.stringify({ totals, pages: scores }, null, 2)}\n`);

if (values.floors) {
  const floors = JSON.parse(readFileSync(values.floors, 'utf8')) as Record<string, number>;
  const below = Object.entries(floors).filter(([key, floor]) => pct(totals[key as keyof typeof totals]) < floor);
  for (const [key, floor] of below)
    console.error(`below floor: ${names[key as keyof typeof totals]} ${pct(totals[key as keyof typeof totals]).toFixed(1)} % < ${floor} %`);
  process.exitCode = below.length ? 1 : 0;
}
