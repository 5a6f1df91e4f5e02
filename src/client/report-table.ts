import { kindLabel, unknownYearLabel, yearsText } from '../lib/labels.ts';
import { reportOrders, tableCataloguePath, type ReportOrder, type TableCatalogue } from '../lib/report-table.ts';
import { filteredTableHref, reportHref } from '../lib/urls.ts';
import { noteLabels } from '../lib/report-notes.ts';
import { el } from './element.ts';

/**
 * The all-reports table's filters. The static pages already list every report in each sort
 * order; this shows the filter form and, when the URL asks for a filter (`?kind=&year=&region=
 * &sort=&page=`), fetches the catalogue once and renders that page of the filtered table in
 * place, with its own page links. Logs `[report-table] …` and never throws into the page.
 */
const pageSize = 100;
type Row = TableCatalogue['rows'][number];

/** Codes of a place and everything under it share its code without trailing `00` pairs. */
const codePrefix = (code: string) => code.replace(/(?:00)+$/, '');

const filing = (r: Row) => r[3].at(-1) ?? r[4][0] ?? 0;

function sortRows(rows: Row[], order: ReportOrder, regions: TableCatalogue['regions']): Row[] {
  const collator = new Intl.Collator('zh-Hans-CN');
  const newest = (a: Row, b: Row) => filing(b) - filing(a) || (b[6] ?? '').localeCompare(a[6] ?? '');
  if (order === 'date') return rows.sort((a, b) => (b[6] ?? '').localeCompare(a[6] ?? '') || newest(a, b));
  if (order === 'year') return rows.sort(newest);
  return rows.sort((a, b) => collator.compare(regions[a[2]]![1], regions[b[2]]![1]) || newest(a, b));
}

function pageLink(params: URLSearchParams, page: number, text: string, current = false): HTMLElement {
  if (current) return el('li', {}, el('span', { ariaCurrent: 'page' }, text));
  const next = new URLSearchParams(params);
  if (page === 1) next.delete('page');
  else next.set('page', String(page));
  return el('li', {}, el('a', { href: filteredTableHref(next) }, text));
}

function pager(params: URLSearchParams, current: number, count: number): HTMLElement {
  const list = el('ul');
  if (current > 1) list.append(pageLink(params, current - 1, '上一页'));
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) list.append(el('li', { className: 'muted' }, '…'));
    list.append(pageLink(params, n, String(n), n === current));
  });
  if (current < count) list.append(pageLink(params, current + 1, '下一页'));
  const nav = el('nav', { className: 'pager' }, list, el('p', { className: 'muted' }, `第 ${current} 页，共 ${count} 页`));
  nav.setAttribute('aria-label', '分页');
  return nav;
}

async function render(params: URLSearchParams): Promise<void> {
  const response = await fetch(tableCataloguePath);
  if (!response.ok) throw new Error(`${tableCataloguePath}: HTTP ${response.status}`);
  const catalogue = (await response.json()) as TableCatalogue;
  const kind = params.get('kind') ?? '';
  const year = Number(params.get('year')) || null;
  const region = params.get('region') ?? '';
  const order: ReportOrder = reportOrders.find((o) => o === params.get('sort')) ?? 'date';
  const prefix = region ? codePrefix(region) : '';
  const rows = sortRows(
    catalogue.rows.filter(
      (r) =>
        (!kind || r[5] === kind) &&
        (year === null || r[3].includes(year) || r[4].includes(year)) &&
        (!prefix || (catalogue.regions[r[2]]![0] ?? '').startsWith(prefix)),
    ),
    order,
    catalogue.regions,
  );
  const count = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(count, Math.max(1, Number(params.get('page')) || 1));
  const body = document.querySelector('[data-table-body]');
  body?.replaceChildren(
    ...rows
      .slice((page - 1) * pageSize, page * pageSize)
      .map((r) =>
        el(
          'tr',
          {},
          el(
            'td',
            {},
            el('a', { href: reportHref(r[0]) }, r[1]),
            ...noteLabels(r[7]).map((label) => el('span', { className: 'note-tag' }, label)),
          ),
          el('td', {}, catalogue.regions[r[2]]![1]),
          el('td', {}, yearsText({ yearsReviewed: r[3], yearsPlanned: r[4] }) || unknownYearLabel),
          el('td', {}, kindLabel(r[5])),
          el('td', { className: 'nowrap' }, r[6] ?? '—'),
        ),
      ),
  );
  const regionName = region ? (catalogue.regions.find(([code]) => code === region)?.[1] ?? region) : '';
  const what = [kind && kindLabel(kind), year && `${year} 年`, regionName].filter(Boolean).join('、');
  document
    .querySelector('[data-table-summary]')
    ?.replaceChildren(`筛选（${what || '全部'}）：共 ${rows.length} 篇。`, el('a', { href: filteredTableHref() }, '清除筛选'));
  for (const slot of document.querySelectorAll('[data-table-pager-top], [data-table-pager-bottom]'))
    slot.replaceChildren(...(count > 1 ? [pager(params, page, count)] : []));
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.sort-links a[data-sort]')) {
    const next = new URLSearchParams(params);
    next.set('sort', link.dataset.sort!);
    next.delete('page');
    link.href = filteredTableHref(next);
  }
}

function main(): void {
  const form = document.querySelector<HTMLFormElement>('[data-table-filters]');
  if (!form) return;
  form.hidden = false;
  const params = new URLSearchParams(location.search);
  for (const name of ['kind', 'year', 'region', 'sort']) {
    const field = form.elements.namedItem(name);
    const value = params.get(name);
    if (value && (field instanceof HTMLSelectElement || field instanceof HTMLInputElement)) {
      if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === value))
        field.append(el('option', { value }, value));
      field.value = value;
    }
  }
  if (!['kind', 'year', 'region'].some((n) => params.get(n))) return;
  render(params).catch((error: unknown) => {
    console.error('[report-table] failed', error);
    document.querySelector('[data-table-summary]')?.append(' 筛选暂不可用，请稍后再试。');
  });
}

main();
