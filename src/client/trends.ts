import { FetchError, loadSearchIndex, type SearchSource } from '../lib/search/reader.ts';
import { allFacets, matchingIds } from '../lib/search/run.ts';
import { failureText } from '../lib/search/status.ts';
import { barHref, chartBars, chartBox, percent, yearShares, type TrendPoint } from '../lib/trends.ts';

/**
 * The trends page's own chart: any term, nationwide or in one province or city, as the share of
 * each year's reports that use it (or, on request, how many), each bar linking to the search for
 * those reports. Reads the search index; the state lives in the URL. Logs `[trends] …`.
 */
const form = document.querySelector<HTMLFormElement>('[data-trend-form]');
const termInput = document.querySelector<HTMLInputElement>('[data-trend-term]');
const provinceSelect = document.querySelector<HTMLSelectElement>('[data-trend-province]');
const citySelect = document.querySelector<HTMLSelectElement>('[data-trend-city]');
const countsBox = document.querySelector<HTMLInputElement>('[data-trend-counts]');
const statusLine = document.querySelector<HTMLElement>('[data-trend-status]');
const chart = document.querySelector<HTMLElement>('[data-trend-chart]');
/** Candidates checked against their texts for a phrase of three or more characters; beyond this the count is from the index alone. */
const checkUpTo = 300;

const load = loadSearchIndex;

const svgNs = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function drawChart(
  term: string,
  points: TrendPoint[],
  counts: boolean,
  region: { province: string; city: string },
  exact: boolean,
): HTMLElement {
  const { width, height, left, right, top, bottom } = chartBox;
  const { bars, maxLabel } = chartBars(points, counts);
  const where = region.city || region.province || '全国';
  const figure = document.createElement('figure');
  figure.className = 'trend';
  const summary = points.map((p) => `${p.year}年 ${p.using}/${p.reports} 篇（${percent(p)}）`).join('；');
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    width: '100%',
    'aria-label': `${where}使用“${term}”的报告${counts ? '篇数' : '比例'}：${summary}`,
  });
  root.append(
    svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, stroke: 'currentColor', 'stroke-opacity': 0.4 }),
    svg('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', 'font-size': 11, fill: 'currentColor' }, maxLabel),
    svg('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end', 'font-size': 11, fill: 'currentColor' }, '0'),
  );
  for (const b of bars) {
    const link = svg('a', { href: barHref(term, b.year, region) });
    link.append(
      svg('rect', { x: b.x, y: b.y, width: b.width, height: b.height, fill: 'var(--accent)' }),
      svg(
        'text',
        { x: b.x + b.width / 2, y: height - bottom + 16, 'text-anchor': 'middle', 'font-size': 11, fill: 'currentColor' },
        String(b.year),
      ),
      svg('text', { x: b.x + b.width / 2, y: b.y - 3, 'text-anchor': 'middle', 'font-size': 11, fill: 'currentColor' }, b.label),
    );
    root.append(link);
  }
  const caption = document.createElement('figcaption');
  caption.className = 'muted';
  caption.textContent = `${where}：每年${counts ? '使用“' + term + '”的报告篇数' : '使用“' + term + '”的报告占当年报告的比例'}（点击柱形查看这些报告）。${exact ? '' : '候选报告较多，未逐篇核对全文，数字按索引统计，可能略多。'}`;
  const details = document.createElement('details');
  const summaryEl = document.createElement('summary');
  summaryEl.textContent = '数据表';
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const label of ['年份', '使用该词的报告', '比例']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const p of points) {
    const row = body.insertRow();
    for (const text of [String(p.year), `${p.using} / ${p.reports}`, percent(p)]) row.insertCell().textContent = text;
  }
  details.append(summaryEl, table);
  figure.append(root, caption, details);
  return figure;
}

function fillRegions(manifest: SearchSource['manifest'], province: string, city: string): void {
  if (!provinceSelect || !citySelect) return;
  provinceSelect.replaceChildren(new Option('全国', ''), ...manifest.provinces.map((p) => new Option(p, p, false, p === province)));
  const cities = manifest.places
    .filter(([p, c]) => c >= 0 && (!province || manifest.provinces[p] === province))
    .map(([, c]) => manifest.cities[c]!);
  citySelect.replaceChildren(
    new Option('全部', ''),
    ...[...new Set(cities)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN')).map((c) => new Option(c, c, false, c === city)),
  );
}

let latest = 0;
async function draw(push: boolean): Promise<void> {
  if (!termInput || !chart) return;
  const id = ++latest;
  const term = termInput.value.trim();
  const province = provinceSelect?.value ?? '';
  const city = citySelect?.value ?? '';
  const counts = countsBox?.checked ?? false;
  const params = new URLSearchParams();
  if (term) params.set('term', term);
  if (province) params.set('province', province);
  if (city) params.set('city', city);
  if (counts) params.set('counts', '1');
  const url = `${location.pathname}${params.size ? `?${params.toString()}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
  if (!term) {
    chart.replaceChildren();
    if (statusLine) statusLine.textContent = '';
    return;
  }
  chart.setAttribute('aria-busy', 'true');
  if (statusLine) statusLine.textContent = '正在统计…';
  try {
    const index = await load();
    const [rows, found] = await Promise.all([allFacets(index), matchingIds(index, term, checkUpTo)]);
    if (id !== latest) return;
    const matching = new Set(found.ids);
    const points = yearShares(
      rows.flatMap((r, i) =>
        (!province || r.province === province) && (!city || r.city === city) ? [{ years: r.years, match: matching.has(i) }] : [],
      ),
    );
    const using = points.length
      ? found.ids.filter((i) => (!province || rows[i]!.province === province) && (!city || rows[i]!.city === city)).length
      : 0;
    chart.replaceChildren(drawChart(found.query, points, counts, { province, city }, found.exact));
    if (statusLine) statusLine.textContent = points.length ? `共 ${using} 篇报告使用“${found.query}”。` : '所选地区没有收录报告。';
  } catch (error) {
    if (id !== latest) return;
    console.error('[trends] failed', error);
    chart.replaceChildren();
    if (statusLine)
      statusLine.textContent = error instanceof FetchError ? failureText(error.failure, error.path) : failureText('unknown', '');
  } finally {
    if (id === latest) chart.removeAttribute('aria-busy');
  }
}

function restore(): void {
  const params = new URLSearchParams(location.search);
  if (termInput) termInput.value = params.get('term') ?? '';
  if (countsBox) countsBox.checked = params.get('counts') === '1';
  const province = params.get('province') ?? '';
  const city = params.get('city') ?? '';
  for (const [select, value] of [
    [provinceSelect, province],
    [citySelect, city],
  ] as const) {
    if (select && value && ![...select.options].some((o) => o.value === value)) select.append(new Option(value, value));
    if (select) select.value = value;
  }
  void load()
    .then((index) => {
      fillRegions(index.manifest, province, city);
    })
    .catch((error: unknown) => {
      console.error('[trends] index failed to load', error);
    });
  void draw(false);
}

if (form && termInput) {
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void draw(true);
  });
  provinceSelect?.addEventListener('change', () => {
    void load().then((index) => {
      fillRegions(index.manifest, provinceSelect.value, '');
    });
    if (citySelect) citySelect.value = '';
    void draw(true);
  });
  citySelect?.addEventListener('change', () => void draw(true));
  countsBox?.addEventListener('change', () => void draw(true));
  window.addEventListener('popstate', restore);
  restore();
}
