import { primaryYear, type Entry } from './catalogue.ts';
import { pageHref, pageSize } from './paginate.ts';
import type { RegionNode } from './region-tree.ts';

/** One cell of the coverage grid: how many reports a place has for a year, and where they are listed. */
export interface CoverageCell {
  count: number;
  href: string;
}

/** One row of the coverage grid: a place and its cells, one per year (null where it has none). */
export interface CoverageRow {
  name: string;
  href: string;
  cells: (CoverageCell | null)[];
}

/**
 * Where a list of reports, newest first and cut into pages, shows a year: the page holding its
 * first report, at the year's heading (`#y-2021`).
 */
export function yearAnchor(base: string, reports: Entry[], year: number): string | null {
  const index = reports.findIndex((r) => primaryYear(r.data) === year);
  return index < 0 ? null : `${pageHref(base, Math.floor(index / pageSize) + 1)}#y-${year}`;
}

/** The years any of these reports is filed under, ascending. */
export function coverageYears(reports: Entry[]): number[] {
  return [...new Set(reports.map((r) => primaryYear(r.data)).filter((y): y is number => y !== null))].sort((a, b) => a - b);
}

/** Region × year: for each place, how many reports are filed under each year, each cell linking to them. */
export function coverageRows(nodes: RegionNode[], years: number[]): CoverageRow[] {
  return nodes.map((node) => {
    const counts = new Map<number, number>();
    for (const r of node.reports) {
      const y = primaryYear(r.data);
      if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    return {
      name: node.name,
      href: node.href,
      cells: years.map((y) => {
        const count = counts.get(y);
        return count ? { count, href: yearAnchor(node.href, node.reports, y)! } : null;
      }),
    };
  });
}
