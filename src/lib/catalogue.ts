import { kindLabel, regionLabel, regionNames, unknownYearLabel, yearsText } from './labels.ts';
import type { Listing, Report } from './report-schema.ts';

export { kindLabel, regionLabel, regionNames };

/** A report as the lists see it: its slug and listing fields (a report's page reads the whole `Report`). */
export interface Entry {
  id: string;
  data: Listing;
}

/** Every year a report reviews or plans, ascending. */
export function yearsOf(r: Pick<Report, 'yearsReviewed' | 'yearsPlanned'>): number[] {
  return [...new Set([...r.yearsReviewed, ...r.yearsPlanned])].sort((a, b) => a - b);
}

/** The year a report is filed under: the last year it reviews, else the first it plans. */
export function primaryYear(r: Pick<Report, 'yearsReviewed' | 'yearsPlanned'>): number | null {
  return r.yearsReviewed.at(-1) ?? r.yearsPlanned[0] ?? null;
}

/** How a report's years read: 2021年总结 · 2022年计划. */
export function yearsLabel(r: Pick<Report, 'yearsReviewed' | 'yearsPlanned'>): string {
  return yearsText(r) || unknownYearLabel;
}

/** What ordering reports needs of each. */
type Sortable = { id: string; data: Pick<Report, 'yearsReviewed' | 'yearsPlanned' | 'posted' | 'title'> };

/** Newest first: by filing year, then posted date, then title, so the order is total. */
export function byNewest(a: Sortable, b: Sortable): number {
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
