import { primaryYear } from './catalogue.ts';
import type { Report } from './report-schema.ts';

/** What comparisons need of a report: its slug, title, region and years. */
export interface RelatedReport {
  id: string;
  data: Pick<Report, 'title' | 'region' | 'yearsReviewed' | 'yearsPlanned'>;
}
import { compareHref } from './urls.ts';

/** A pair of reports worth comparing, and why. */
export interface CompareLink {
  href: string;
  label: string;
  kind: 'same-region' | 'plan-outcome' | 'same-year';
}

/** Reports grouped the way comparisons look them up: by region code and by filing year. */
export interface RelatedIndex {
  byRegion: Map<string, RelatedReport[]>;
  byYear: Map<number, RelatedReport[]>;
}

/** Groups every report once, so each report page finds its related reports without a scan. */
export function relatedIndex(all: RelatedReport[]): RelatedIndex {
  const byRegion = new Map<string, RelatedReport[]>();
  const byYear = new Map<number, RelatedReport[]>();
  for (const entry of all) {
    const code = entry.data.region.code;
    if (code) byRegion.set(code, [...(byRegion.get(code) ?? []), entry]);
    const year = primaryYear(entry.data);
    if (year !== null) {
      const list = byYear.get(year) ?? [];
      list.push(entry);
      byYear.set(year, list);
    }
  }
  return { byRegion, byYear };
}

/**
 * Reports to compare with `report`: the same region's other years, a plan beside the report
 * that reviews the planned year (either way round), and other regions' reports of the same year.
 */
export function relatedComparisons(report: RelatedReport, index: RelatedIndex, sameYearLimit = 6): CompareLink[] {
  const links: CompareLink[] = [];
  const code = report.data.region.code;
  const year = primaryYear(report.data);
  for (const other of code ? (index.byRegion.get(code) ?? []) : []) {
    if (other.id === report.id) continue;
    const planned = report.data.yearsPlanned.find((y) => other.data.yearsReviewed.includes(y));
    const reviewed = report.data.yearsReviewed.find((y) => other.data.yearsPlanned.includes(y));
    if (planned !== undefined)
      links.push({ kind: 'plan-outcome', href: compareHref([report.id, other.id]), label: `${planned}年计划 ↔ ${planned}年实际成效` });
    else if (reviewed !== undefined)
      links.push({ kind: 'plan-outcome', href: compareHref([other.id, report.id]), label: `${reviewed}年计划 ↔ ${reviewed}年实际成效` });
    links.push({ kind: 'same-region', href: compareHref([report.id, other.id].sort()), label: other.data.title });
  }
  // The year's list holds thousands of reports in a large archive: stop at the first few.
  let sameYear = 0;
  for (const other of year === null ? [] : (index.byYear.get(year) ?? [])) {
    if (sameYear === sameYearLimit) break;
    if (other.id === report.id || other.data.region.code === code) continue;
    links.push({ kind: 'same-year', href: compareHref([report.id, other.id]), label: other.data.title });
    sameYear++;
  }
  return links;
}
