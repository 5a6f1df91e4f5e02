import type { Metric, Report, Topic } from './report-schema.ts';
import { topicNames } from './topic-names.ts';

/** A report to compare: slug, metadata and its body cut into topic chunks (see `chunksOf`). */
export interface CompareInput {
  id: string;
  data: Report;
  chunks: TopicChunk[];
}

/** A chunk with the topic of its heading. */
export type TopicChunk = Chunk & { topic: Topic };

/** A heading of one report and the text under it, down to the next heading. */
export interface Chunk {
  id: string;
  heading: string;
  text: string;
  part: 'review' | 'plan' | 'other';
}

/** One topic across the reports: each report's chunks on it (empty when absent). */
export interface TopicRow {
  topic: Topic;
  cells: Chunk[][];
  /** Column of the first report that covers the topic, when an earlier one did not. */
  newFrom: number | null;
}

/** One key figure across the reports, and the change from each report to the next. */
export interface FigureRow {
  key: string;
  label: string;
  unit: string;
  values: (Pick<Metric, 'value' | 'year' | 'quote'> | null)[];
  /** Change from the previous column that has a value; null where either is missing. */
  changes: (number | null)[];
}

/** How the reports are compared. */
export type CompareMode = 'side-by-side' | 'plan-outcome';

/** A whole comparison. */
export interface Comparison {
  mode: CompareMode;
  /** In plan-outcome mode, the year planned by the first report and reviewed by the second. */
  year: number | null;
  rows: TopicRow[];
  figures: FigureRow[];
}

/** The year the first report plans and the second reviews, when both are of one region. */
export function planOutcomeYear(plan: Report, outcome: Report): number | null {
  if (!plan.region.code || plan.region.code !== outcome.region.code) return null;
  return plan.yearsPlanned.find((y) => outcome.yearsReviewed.includes(y)) ?? null;
}

/**
 * Aligns reports topic by topic and lines up their key figures. Two reports of one region where
 * the first plans the year the second reviews are compared plan against outcome: only the plan's
 * planning sections and the outcome's reviewing sections.
 */
export function compareReports(reports: CompareInput[]): Comparison {
  const year = reports.length === 2 ? planOutcomeYear(reports[0]!.data, reports[1]!.data) : null;
  const mode: CompareMode = year === null ? 'side-by-side' : 'plan-outcome';
  const chunks = reports.map((r, i) => {
    const all = r.chunks;
    if (mode === 'side-by-side') return all;
    const wanted = i === 0 ? 'plan' : 'review';
    const picked = all.filter((c) => c.part === wanted);
    return picked.length ? picked : all;
  });
  const rows: TopicRow[] = [];
  for (const topic of topicNames) {
    const cells = chunks.map((list) => list.filter((c) => c.topic === topic && (c.text || c.heading)).map(({ id, heading, text, part }) => ({ id, heading, text, part })));
    if (cells.every((c) => c.length === 0)) continue;
    const first = cells.findIndex((c) => c.length > 0);
    rows.push({ topic, cells, newFrom: first > 0 ? first : null });
  }
  const keys = new Map<string, { label: string; unit: string }>();
  for (const r of reports) for (const m of r.data.metrics) if (!keys.has(m.key)) keys.set(m.key, { label: m.label, unit: m.unit });
  const figures = [...keys].map(([key, { label, unit }]) => {
    const values = reports.map((r) => {
      const m = r.data.metrics.find((x) => x.key === key);
      return m ? { value: m.value, year: m.year, quote: m.quote } : null;
    });
    let previous: number | null = null;
    const changes = values.map((v) => {
      if (!v) return null;
      const change: number | null = previous === null ? null : Math.round((v.value - previous) * 100) / 100;
      previous = v.value;
      return change;
    });
    return { key, label, unit, values, changes };
  });
  return { mode, year, rows, figures };
}
