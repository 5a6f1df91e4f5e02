import { primaryYear, regionLabel, type Entry } from './catalogue.ts';
import type { RelatedReport } from './related.ts';
import { compareHref } from './urls.ts';
import { regionPlaces } from './region-path.ts';

/** A comparison a year page offers: its link and what it compares. */
export interface YearComparison {
  href: string;
  label: string;
  kind: 'same-bureau' | 'same-city';
}

const collator = new Intl.Collator('zh-Hans-CN');

/** Up to four reports of one region around `year`, chronological: the year itself and the nearest others. */
function around(list: RelatedReport[], year: number): RelatedReport[] {
  const dated = list.filter((e) => primaryYear(e.data) !== null);
  const nearest = [...dated]
    .sort((a, b) => Math.abs(primaryYear(a.data)! - year) - Math.abs(primaryYear(b.data)! - year) || a.id.localeCompare(b.id))
    .slice(0, 4);
  return nearest.sort((a, b) => primaryYear(a.data)! - primaryYear(b.data)! || a.id.localeCompare(b.id));
}

/**
 * Comparisons worth offering on a year page: one bureau across the years around `year`
 * (bureaus with the most years first), and the county bureaus of one city in `year`. Never
 * reports of unrelated places. At most `limit` of each.
 */
export function yearComparisons(year: number, ofYear: Entry[], byRegion: Map<string, RelatedReport[]>, limit = 5): YearComparison[] {
  const out: YearComparison[] = [];
  const bureaus = [...new Set(ofYear.map((e) => e.data.region.code).filter((c): c is string => c !== null))]
    .map((code) => ({ code, list: byRegion.get(code) ?? [] }))
    .filter((b) => new Set(b.list.map((e) => primaryYear(e.data))).size > 1)
    .sort((a, b) => b.list.length - a.list.length || a.code.localeCompare(b.code))
    .slice(0, limit);
  for (const { list } of bureaus) {
    const picked = around(list, year);
    const years = picked.map((e) => primaryYear(e.data));
    out.push({
      kind: 'same-bureau',
      href: compareHref(picked.map((e) => e.id)),
      label: `${regionLabel(picked[0]!.data.region)}：${years[0]}–${years.at(-1)} 年 ${picked.length} 篇`,
    });
  }
  const cities = new Map<string, Map<string, Entry>>();
  for (const e of ofYear) {
    if (primaryYear(e.data) !== year || e.data.region.level !== 'county') continue;
    const places = regionPlaces(e.data.region);
    if (places.length < 3) continue;
    const city = places.at(-2)!;
    const counties = cities.get(city.code ?? city.name) ?? new Map<string, Entry>();
    if (!counties.has(e.data.region.code ?? e.id)) counties.set(e.data.region.code ?? e.id, e);
    cities.set(city.code ?? city.name, counties);
  }
  const groups = [...cities.values()]
    .map((m) => [...m.values()].sort((a, b) => collator.compare(regionLabel(a.data.region), regionLabel(b.data.region))))
    .filter((list) => list.length > 1)
    .sort((a, b) => b.length - a.length || a[0]!.id.localeCompare(b[0]!.id))
    .slice(0, limit);
  for (const list of groups) {
    const picked = list.slice(0, 4);
    const city = regionPlaces(picked[0]!.data.region)
      .slice(0, -1)
      .map((p) => p.name)
      .join(' ');
    out.push({
      kind: 'same-city',
      href: compareHref(picked.map((e) => e.id)),
      label: `${city}下辖 ${picked.length} 个区县的 ${year} 年报告`,
    });
  }
  return out;
}
