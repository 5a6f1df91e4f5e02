/** One year of a term's trend. */
export interface TrendPoint {
  year: number;
  /** Reports covering that year. */
  reports: number;
  /** How many of them use the term. */
  using: number;
  /** Times the term occurs across them. */
  mentions: number;
}

/** A report's years and full text, as the trend needs them. */
export interface TrendSource {
  years: number[];
  text: string;
}

/** How often each year's reports use a term: per year, reports using it and total mentions. */
export function termTrend(term: string, sources: TrendSource[]): TrendPoint[] {
  const byYear = new Map<number, TrendPoint>();
  for (const { years, text } of sources) {
    let mentions = 0;
    for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) mentions++;
    for (const year of years) {
      const point = byYear.get(year) ?? { year, reports: 0, using: 0, mentions: 0 };
      point.reports++;
      if (mentions) point.using++;
      point.mentions += mentions;
      byYear.set(year, point);
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
