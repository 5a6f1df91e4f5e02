import { kindLabel, regionLabel, regionNames } from './labels.ts';
import type { Report } from './report-schema.ts';

export { kindLabel, regionLabel, regionNames };

/** A report as the site sees it: its slug and validated frontmatter. */
export interface Entry {
  id: string;
  data: Report;
}

/** Every year a report reviews or plans, ascending. */
export function yearsOf(r: Report): number[] {
  return [...new Set([...r.yearsReviewed, ...r.yearsPlanned])].sort((a, b) => a - b);
}

/** The year a report is filed under: the last year it reviews, else the first it plans. */
export function primaryYear(r: Pick<Report, 'yearsReviewed' | 'yearsPlanned'>): number | null {
  return r.yearsReviewed.at(-1) ?? r.yearsPlanned[0] ?? null;
}

/** How a report's years read: 2021年总结 · 2022年计划. */
export function yearsLabel(r: Report): string {
  const parts = [];
  if (r.yearsReviewed.length) parts.push(`${r.yearsReviewed.join('、')}年总结`);
  if (r.yearsPlanned.length) parts.push(`${r.yearsPlanned.join('、')}年计划`);
  // A no-break space before the separator: a wrapped line never starts with it.
  return parts.join('\u00a0· ') || '年份不详';
}

/** Newest first: by filing year, then posted date, then title, so the order is total. */
export function byNewest(a: Entry, b: Entry): number {
  return (
    (primaryYear(b.data) ?? 0) - (primaryYear(a.data) ?? 0) ||
    (b.data.posted ?? '').localeCompare(a.data.posted ?? '') ||
    a.data.title.localeCompare(b.data.title, 'zh-Hans-CN') ||
    a.id.localeCompare(b.id)
  );
}

/** A citation in GB/T 7714-2015 form for an online document; `accessed` is the reader's date. */
export function citation(r: Report, url: string, accessed: string): string {
  const author = r.issuer ?? '佚名';
  const date = r.issued ?? r.posted;
  return `${author}. ${r.title}[EB/OL]. ${date ? `(${date})` : ''}[${accessed}]. ${url}.`;
}
