import { searchHref } from './urls.ts';

/** One year of a term's trend. */
export interface TrendPoint {
  year: number;
  /** Reports covering that year. */
  reports: number;
  /** How many of them use the term. */
  using: number;
  /** Times the term occurs across them, when counted (build-time charts). */
  mentions?: number;
}

/** A report's years and full text, as the trend needs them. */
export interface TrendSource {
  years: number[];
  text: string;
}

/** How often each year's reports use a term: per year, reports using it and total mentions. */
export function termTrend(term: string, sources: Iterable<TrendSource>): TrendPoint[] {
  return termTrends([term], sources).get(term) ?? [];
}

/**
 * `termTrend` for several terms in one pass over the sources, which may be a generator reading
 * each report as it goes: no text is kept once its terms are counted (100,000 reports' texts
 * would take gigabytes).
 */
export function termTrends(terms: readonly string[], sources: Iterable<TrendSource>): Map<string, TrendPoint[]> {
  const byTerm = new Map(terms.map((term) => [term, new Map<number, TrendPoint>()]));
  for (const { years, text } of sources) {
    for (const [term, byYear] of byTerm) {
      let mentions = 0;
      for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) mentions++;
      for (const year of years) {
        const point = byYear.get(year) ?? { year, reports: 0, using: 0, mentions: 0 };
        point.reports++;
        if (mentions) point.using++;
        point.mentions = (point.mentions ?? 0) + mentions;
        byYear.set(year, point);
      }
    }
  }
  return new Map([...byTerm].map(([term, byYear]) => [term, [...byYear.values()].sort((a, b) => a.year - b.year)]));
}

/** Per year, how many reports there are and how many use the term, from each report's years and whether it matches. */
export function yearShares(reports: { years: number[]; match: boolean }[]): TrendPoint[] {
  const byYear = new Map<number, TrendPoint>();
  for (const { years, match } of reports) {
    for (const year of years) {
      const point = byYear.get(year) ?? { year, reports: 0, using: 0 };
      point.reports++;
      if (match) point.using++;
      byYear.set(year, point);
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** A point's share of reports using the term, 0 … 1. */
export function share(p: TrendPoint): number {
  return p.reports ? p.using / p.reports : 0;
}

/** A share as the chart labels it: 37%. */
export function percent(p: TrendPoint): string {
  return `${Math.round(share(p) * 100)}%`;
}

/** One bar of a chart: where it stands and what it says. */
export interface Bar {
  year: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The label above the bar: the share, or the count of reports. */
  label: string;
}

/** Chart size and margins, shared by the build-time chart and the browser's. */
export const chartBox = { width: 560, height: 180, left: 36, right: 8, top: 14, bottom: 28 };

/** Bars of a trend chart: the share of each year's reports using the term, or (`counts`) how many reports. */
export function chartBars(points: TrendPoint[], counts: boolean): { bars: Bar[]; max: number; maxLabel: string } {
  const { width, height, left, right, top, bottom } = chartBox;
  const value = (p: TrendPoint) => (counts ? p.using : share(p));
  const max = Math.max(counts ? 1 : 0.01, ...points.map(value));
  const step = (width - left - right) / Math.max(1, points.length);
  const barWidth = Math.min(48, step * 0.7);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const bars = points.map((p, i) => ({
    year: p.year,
    x: left + step * i + (step - barWidth) / 2,
    y: y(value(p)),
    width: barWidth,
    height: height - bottom - y(value(p)),
    label: counts ? String(p.using) : percent(p),
  }));
  return { bars, max, maxLabel: counts ? String(max) : `${Math.round(max * 100)}%` };
}

/** The search that lists a bar's reports: the term, the year and the region filter. */
export function barHref(term: string, year: number, region: { province?: string; city?: string } = {}): string {
  return searchHref({ q: term, year: String(year), province: region.province, city: region.city });
}
