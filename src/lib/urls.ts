/**
 * Every URL of the archive, built in one place: pages, list pages and downloads. Paths only
 * (resolve against the site for an absolute URL); no dependencies, so pages, browser scripts and
 * the bench share it.
 */

/** The first page of each listing, and the other pages the navigation names. */
export const indexHrefs = {
  home: '/',
  reports: '/reports/',
  regions: '/regions/',
  years: '/years/',
  search: '/search/',
  compare: '/compare/',
  trends: '/trends/',
} as const;

/** The all-reports table's orders and the first page of each. */
const tableHrefs = { date: indexHrefs.reports, region: `${indexHrefs.reports}by-region/`, year: `${indexHrefs.reports}by-year/` } as const;

/** The downloads of a report, by file ending: the report file, its JSON, the raw text as UTF-8, the raw bytes when they are not UTF-8. */
export type ReportFileKind = 'md' | 'json' | 'raw.txt' | 'original';

/** A query string from parameters, empty values left out, in the order given; empty when none is left. */
function queryString(params: Iterable<[string, string | undefined]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of params) if (value) search.set(key, value);
  return search.size ? `?${search.toString()}` : '';
}

/** A report's page; with a query the page marks it (`?q=`), with an anchor it opens at that heading or paragraph. */
export function reportHref(slug: string, at: { query?: string; anchor?: string | null } = {}): string {
  return `${indexHrefs.reports}${slug}/${at.query ? `?q=${encodeURIComponent(at.query)}` : ''}${at.anchor ? `#${at.anchor}` : ''}`;
}

/** A download of a report: `/reports/<slug>.md` and the like (`*` as the slug makes a robots.txt pattern). */
export function reportFile(slug: string, kind: ReportFileKind): string {
  return `${indexHrefs.reports}${slug}.${kind}`;
}

/** The list of reports about a year. */
export function yearHref(year: number): string {
  return `${indexHrefs.years}${year}/`;
}

/** A region's page from its path segments, province down (`['guangdong', 'zhanjiang']`); no segments is the page of reports without a known region. */
export function regionHref(segments: readonly string[]): string {
  return `${indexHrefs.regions}${segments.length ? segments.join('/') : 'unknown'}/`;
}

/** The compare page for these slugs, side by side in this order; the empty picker without any. */
export function compareHref(slugs: readonly string[]): string {
  return `${indexHrefs.compare}${slugs.length ? `?${slugs.map((s) => `r=${encodeURIComponent(s)}`).join('&')}` : ''}`;
}

/** What the search page's URL can hold (see src/client/search-state.ts); empty or absent values are left out. */
export type SearchParams = Partial<Record<'q' | 'province' | 'city' | 'year' | 'kind' | 'sort' | 'n', string | undefined>>;

/** The search page with a query, filters and order; parameters in the order given, empty ones left out. */
export function searchHref(params: SearchParams = {}): string {
  return `${indexHrefs.search}${queryString(Object.entries(params))}`;
}

/** The all-reports table in one of its orders. */
export function tableHref(order: keyof typeof tableHrefs): string {
  return tableHrefs[order];
}

/** The all-reports table with its filters, sort and page in the query string (`year`, `region`, `kind`, `sort`, `page`). */
export function filteredTableHref(params: URLSearchParams | Record<string, string> = {}): string {
  return `${indexHrefs.reports}${queryString(params instanceof URLSearchParams ? params : Object.entries(params))}`;
}
