/** Most entries a list page shows. */
export const pageSize = 100;

/** One page of a list: its number (from 1), how many pages there are, and its entries. */
export interface ListPage<T> {
  number: number;
  count: number;
  items: T[];
}

/** Cuts a list into pages of `size`; an empty list still has one (empty) page. */
export function pagesOf<T>(items: T[], size = pageSize): ListPage<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, items: items.slice(i * size, (i + 1) * size) }));
}

/** URL of page `n` of a list whose first page is `base` (ending in `/`): `base`, `base2/`, `base3/` … */
export function pageHref(base: string, n: number): string {
  return n === 1 ? base : `${base}${n}/`;
}

/** The page numbers a pager shows around `current`: first, last, and two either side; null marks a gap. */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}
