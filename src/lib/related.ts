import { primaryYear, type Entry } from './catalogue.ts';

/** A pair of reports worth comparing, and why. */
export interface CompareLink {
  href: string;
  label: string;
  kind: 'same-region' | 'plan-outcome' | 'same-year';
}

/** The compare page URL for these slugs, in this order. */
export function compareHref(slugs: string[]): string {
  return `/compare/?${slugs.map((s) => `r=${encodeURIComponent(s)}`).join('&')}`;
}

/**
 * Reports to compare with `report`: the same region's other years, a plan beside the report
 * that reviews the planned year (either way round), and other regions' reports of the same year.
 */
export function relatedComparisons(report: Entry, all: Entry[], sameYearLimit = 6): CompareLink[] {
  const links: CompareLink[] = [];
  const code = report.data.region.code;
  const year = primaryYear(report.data);
  for (const other of all) {
    if (other.id === report.id) continue;
    const sameRegion = code !== null && other.data.region.code === code;
    if (sameRegion) {
      const planned = report.data.yearsPlanned.find((y) => other.data.yearsReviewed.includes(y));
      const reviewed = report.data.yearsReviewed.find((y) => other.data.yearsPlanned.includes(y));
      if (planned !== undefined) links.push({ kind: 'plan-outcome', href: compareHref([report.id, other.id]), label: `${planned}年计划 ↔ ${planned}年实际成效` });
      else if (reviewed !== undefined) links.push({ kind: 'plan-outcome', href: compareHref([other.id, report.id]), label: `${reviewed}年计划 ↔ ${reviewed}年实际成效` });
      links.push({ kind: 'same-region', href: compareHref([report.id, other.id].sort()), label: other.data.title });
    }
  }
  const sameYear = all.filter((o) => o.id !== report.id && year !== null && primaryYear(o.data) === year && o.data.region.code !== code).slice(0, sameYearLimit);
  for (const other of sameYear) links.push({ kind: 'same-year', href: compareHref([report.id, other.id]), label: other.data.title });
  return links;
}
