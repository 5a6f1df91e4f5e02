/** The orders a list of reports can be sorted in (see `sortReports`). */
export const reportOrders = ['date', 'region', 'year'] as const;
export type ReportOrder = (typeof reportOrders)[number];
import { tableHref } from './urls.ts';

/** The all-reports table's sort orders: the first page of each, and its label. */
export const tableOrders: { order: ReportOrder; base: string; label: string }[] = [
  { order: 'date', base: tableHref('date'), label: '发布日期' },
  { order: 'region', base: tableHref('region'), label: '地区' },
  { order: 'year', base: tableHref('year'), label: '年份' },
];

/** The compact catalogue the table's filters read: regions once, then one row per report. */
export interface TableCatalogue {
  /** `[code, label]` of every region, referenced by index from the rows. */
  regions: [string | null, string][];
  /** `[slug, title, region index, years reviewed, years planned, kind, posted, notes]`, newest first; notes as `reportNotes` gives them (template, damaged). */
  rows: [string, string, number, number[], number[], string, string | null, number][];
}

/** Where the catalogue is served. */
export const tableCataloguePath = '/api/catalogue.json';
