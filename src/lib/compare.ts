import type { Metric, Report, Section, Topic } from './report-schema.ts';
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
  part: Section['part'];
}

/** One topic across the reports: each report's chunks on it (empty when absent). */
export interface TopicRow {
  topic: Topic;
  cells: Chunk[][];
  /** Reports of one region only: the column where the topic first appears, when earlier reports lack it (新出现). */
  newFrom: number | null;
  /** Reports of one region only: the first column that no longer covers the topic, when later reports all lack it (不再提及). */
  droppedFrom: number | null;
}

/** One key figure across the reports, and the change from each report to the next. */
export interface FigureRow {
  key: string;
  label: string;
  unit: string;
  values: (Pick<Metric, 'value' | 'year' | 'quote'> | null)[];
  /**
   * Change from the nearest earlier column of the same region that has a value; null where
   * there is none: figures of different bureaus are shown side by side, never as a change.
   */
  changes: (number | null)[];
}

/** How the reports are compared. */
export type CompareMode = 'side-by-side' | 'plan-outcome';

/** A whole comparison. */
export interface Comparison {
  /** The reports in column order: chronological. */
  reports: CompareInput[];
  /** Whether every report is of one region (same GB/T 2260 code). */
  sameRegion: boolean;
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

const kindOrder: Record<Report['kind'], number> = { plan: 0, 'summary-plan': 1, summary: 2 };

/**
 * Oldest first: by the year a report is filed under (the last it reviews, else the first it
 * plans), a plan before a summary of the same year, then by date.
 */
export function chronological(a: CompareInput, b: CompareInput): number {
  const year = (r: Report) => r.yearsReviewed.at(-1) ?? r.yearsPlanned[0] ?? 0;
  return (
    year(a.data) - year(b.data) ||
    kindOrder[a.data.kind] - kindOrder[b.data.kind] ||
    (a.data.posted ?? a.data.issued ?? '').localeCompare(b.data.posted ?? b.data.issued ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Aligns reports topic by topic and lines up their key figures, in chronological columns
 * whatever order they are given in. Two reports of one region where the first plans the year
 * the second reviews are compared plan against outcome: only the plan's planning sections and
 * the outcome's reviewing sections.
 */
export function compareReports(given: CompareInput[]): Comparison {
  const reports = [...given].sort(chronological);
  const code = reports[0]?.data.region.code ?? null;
  const sameRegion = code !== null && reports.every((r) => r.data.region.code === code);
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
    const cells = chunks.map((list) =>
      list.filter((c) => c.topic === topic && (c.text || c.heading)).map(({ id, heading, text, part }) => ({ id, heading, text, part })),
    );
    if (cells.every((c) => c.length === 0)) continue;
    const first = cells.findIndex((c) => c.length > 0);
    const last = cells.findLastIndex((c) => c.length > 0);
    rows.push({
      topic,
      cells,
      newFrom: sameRegion && first > 0 ? first : null,
      droppedFrom: sameRegion && last < cells.length - 1 ? last + 1 : null,
    });
  }
  const keys = new Map<string, { label: string; unit: string }>();
  for (const r of reports) for (const m of r.data.metrics) if (!keys.has(m.key)) keys.set(m.key, { label: m.label, unit: m.unit });
  const figures = [...keys].map(([key, { label, unit }]) => {
    const values = reports.map((r) => {
      const m = r.data.metrics.find((x) => x.key === key);
      return m ? { value: m.value, year: m.year, quote: m.quote } : null;
    });
    const previous = new Map<string, number>();
    const changes = values.map((v, i) => {
      const region = reports[i]!.data.region.code;
      if (!v || region === null) return null;
      const before = previous.get(region);
      previous.set(region, v.value);
      return before === undefined ? null : Math.round((v.value - before) * 100) / 100;
    });
    return { key, label, unit, values, changes };
  });
  return { reports, sameRegion, mode, year, rows, figures };
}
