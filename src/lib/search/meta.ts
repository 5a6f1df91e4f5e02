import type { MetaRow } from './format.ts';
import type { TableLocation } from './pack.ts';

/** A report's listing row, as a result shows it and a title-and-region match is checked against. */
export interface SearchMeta {
  slug: string;
  title: string;
  /** The region as one line of text (`regionLabel`), or 地区不详. */
  region: string;
  province: string | null;
  city: string | null;
  /** Every year the report reviews or plans, ascending. */
  years: number[];
  kind: string;
  /** The date the site shows for the page. */
  posted: string | null;
  /** The region names and issuer, space-separated: the text a title-and-region hit is checked against. */
  regionAndIssuer: string;
  /** The report's notes as a bit set (`reportNotes`: template, damaged); 0 for a bureau's own clean report. */
  notes: number;
  /** Where the report page's Traditional table lies in its table pack (`searchFiles.tablePack`). */
  table: TableLocation;
}

/** A listing row as it is written to `meta/<c>.json`: by position, which keeps the files small. */
export function encodeMeta(m: SearchMeta): MetaRow {
  return [m.slug, m.title, m.region, m.province, m.city, m.years, m.kind, m.posted, m.regionAndIssuer, m.notes, m.table];
}

/** A row of `meta/<c>.json` with its fields named: `encodeMeta`'s inverse. */
export function decodeMeta(row: MetaRow): SearchMeta {
  const [slug, title, region, province, city, years, kind, posted, regionAndIssuer, notes, table] = row;
  return { slug, title, region, province, city, years, kind, posted, regionAndIssuer, notes, table };
}
