import { byNewest, type Entry } from './catalogue.ts';
import { regionPlaces } from './region-path.ts';
import type { ReportOrder } from './report-table.ts';

const collator = new Intl.Collator('zh-Hans-CN');

/** A region's place names as one sortable key: province, then city, then county. */
function regionKey(e: Entry): string {
  return regionPlaces(e.data.region)
    .map((p) => p.name)
    .join('\u0001');
}

/**
 * Sorts a copy of `entries`: `date` newest posted first (undated last), `region` by province,
 * city and county in Chinese collation (unknown last) then newest, `year` by filing year,
 * newest first. Each order is total, so pages never shuffle between builds.
 */
export function sortReports(entries: Entry[], order: ReportOrder): Entry[] {
  if (order === 'year') return [...entries].sort(byNewest);
  if (order === 'date') {
    const date = (e: Entry) => e.data.posted ?? e.data.issued ?? '';
    return [...entries].sort((a, b) => date(b).localeCompare(date(a)) || byNewest(a, b));
  }
  const keys = new Map(entries.map((e) => [e, regionKey(e)]));
  const ranks = new Map(
    [...new Set(keys.values())].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b))).map((k, i) => [k, i]),
  );
  return [...entries].sort((a, b) => ranks.get(keys.get(a)!)! - ranks.get(keys.get(b)!)! || byNewest(a, b));
}
