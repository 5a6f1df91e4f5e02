import { compareReports, type CompareInput, type Comparison } from '../lib/compare.ts';
import { kindLabel, partLabels, regionLabel, yearsText } from '../lib/labels.ts';
import { noteLabels, reportNotes } from '../lib/report-notes.ts';
import type { Report } from '../lib/report-schema.ts';
import { reportFile, reportHref } from '../lib/urls.ts';
import { el } from './element.ts';

/**
 * The compare page: reads `?r=` slugs from the URL, fetches each report's JSON, and renders the
 * key-figure table and one row per topic. Everything is built from text nodes. Logs
 * `[compare] …` and never throws into the page.
 */
const root = document.querySelector<HTMLElement>('[data-compare-root]');

function columnLabel(c: Comparison, i: number, r: CompareInput): string {
  if (c.mode === 'plan-outcome') return i === 0 ? `${c.year}年计划` : `${c.year}年成效`;
  return `${regionLabel(r.data.region).split(' ').at(-1)} ${yearsText(r.data)}`;
}

function figuresTable(c: Comparison, reports: CompareInput[]): HTMLElement {
  const head = el('tr', {}, el('th', { scope: 'col' }, '指标'), ...reports.map((r, i) => el('th', { scope: 'col' }, columnLabel(c, i, r))));
  const rows = c.figures.map((f) => {
    const distinct = new Set(f.values.filter(Boolean).map((v) => v!.value)).size > 1;
    const tr = el(
      'tr',
      {},
      el('th', { scope: 'row' }, `${f.label}（${f.unit}）`),
      ...f.values.map((v, i) => {
        if (!v) return el('td', { className: 'muted' }, '—');
        const cell = el(
          'td',
          { title: v.quote, className: `nowrap${distinct && c.sameRegion ? ' changed' : ''}` },
          `${v.value.toLocaleString('zh-CN')}${v.year ? `（${v.year}）` : ''}`,
        );
        const change = f.changes[i];
        if (change !== null && change !== undefined && change !== 0) {
          cell.append(
            ' ',
            el(
              'span',
              { className: change > 0 ? 'change-up' : 'change-down' },
              `${change > 0 ? '+' : ''}${change.toLocaleString('zh-CN')}`,
            ),
          );
        }
        return cell;
      }),
    );
    tr.dataset.figure = f.key;
    return tr;
  });
  const caption = c.sameRegion ? '关键数据对比（悬停可见原句）' : '关键数据并列（不同地区，不计增减；悬停可见原句）';
  const scroll = el(
    'div',
    { className: 'table-scroll', tabIndex: 0 },
    el('table', { className: 'figures' }, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, ...rows)),
  );
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', caption);
  return scroll;
}

function topicRow(c: Comparison, reports: CompareInput[], row: Comparison['rows'][number]): HTMLElement {
  const heading = el('h2', {}, row.topic);
  if (row.newFrom !== null) heading.append(el('span', { className: 'badge', title: `自第 ${row.newFrom + 1} 栏起出现` }, '新出现'));
  if (row.droppedFrom !== null)
    heading.append(el('span', { className: 'badge badge-muted', title: `自第 ${row.droppedFrom + 1} 栏起不再出现` }, '不再提及'));
  const grid = el('div', { className: 'compare-grid' });
  grid.style.setProperty('--cols', String(reports.length));
  row.cells.forEach((chunks, i) => {
    const r = reports[i]!;
    const cell = el('div', { className: 'compare-cell' }, el('span', { className: 'col-label' }, columnLabel(c, i, r)));
    if (chunks.length === 0) cell.append(el('p', { className: 'absent' }, '未涉及此主题'));
    // Only a report that both reviews and plans needs its parts told apart.
    const parts = new Set(r.chunks.map((x) => x.part));
    const mixed = parts.has('review') && parts.has('plan');
    for (const chunk of chunks) {
      const part = mixed ? partLabels[chunk.part] : '';
      cell.append(
        el(
          'h3',
          { className: 'chunk-heading' },
          ...(part ? [el('span', { className: `part-tag part-${chunk.part}` }, part), ' '] : []),
          el('a', { href: reportHref(r.id, { anchor: chunk.id }) }, chunk.heading),
        ),
      );
      if (chunk.text.length > 140) {
        cell.append(el('details', {}, el('summary', {}, `${chunk.text.slice(0, 120)}…`), el('p', {}, chunk.text)));
      } else if (chunk.text) {
        cell.append(el('p', {}, chunk.text));
      }
    }
    grid.append(cell);
  });
  const section = el('section', {}, heading, grid);
  section.dataset.topic = row.topic;
  return section;
}

async function main(): Promise<void> {
  if (!root) return;
  const slugs = [...new Set(new URLSearchParams(location.search).getAll('r'))].filter((s) => /^[a-z0-9-]+$/.test(s));
  if (slugs.length < 2 || slugs.length > 4) {
    if (slugs.length)
      root.append(
        el(
          'p',
          { role: 'alert' },
          slugs.length < 2 ? '请至少选择两篇报告。' : `一次最多对比四篇报告，所选为 ${slugs.length} 篇，请返回减少后再对比。`,
        ),
      );
    return;
  }
  const given = await Promise.all(
    slugs.map(async (id) => {
      const response = await fetch(reportFile(id, 'json'));
      if (!response.ok) throw new Error(`${reportFile(id, 'json')}: HTTP ${response.status}`);
      const json = (await response.json()) as Report & { chunks: CompareInput['chunks'] };
      return { id, data: json, chunks: json.chunks };
    }),
  );
  const c = compareReports(given);
  const reports = c.reports;
  document.querySelector('[data-compare-intro]')?.remove();
  const titles = el(
    'ol',
    { className: 'report-list' },
    ...reports.map((r, i) =>
      el(
        'li',
        {},
        el('a', { href: reportHref(r.id) }, r.data.title),
        ...noteLabels(reportNotes(r.data)).map((label) => el('span', { className: 'note-tag' }, label)),
        el('span', { className: 'meta' }, `${columnLabel(c, i, r)} · ${regionLabel(r.data.region)} · ${kindLabel(r.data.kind)}`),
      ),
    ),
  );
  const order = '各栏按时间先后排列（左早右晚）';
  const mode = el(
    'p',
    { className: 'muted' },
    c.mode === 'plan-outcome'
      ? `计划对照成效：左栏为 ${c.year} 年计划中的部署，右栏为 ${c.year} 年总结中的成效，按主题对齐。`
      : c.sameRegion
        ? `${order}，按主题对齐；增减为同一地区相邻两栏之差，缺少的主题标为“未涉及”。`
        : `${order}，按主题对齐。所选报告来自不同地区，数据并列显示、不计增减。`,
  );
  root.append(titles, mode);
  if (c.figures.length) root.append(figuresTable(c, reports));
  for (const row of c.rows) root.append(topicRow(c, reports, row));
  document.title = `对比：${reports.map((r) => r.data.title).join(' / ')} · 教育局工作报告档案`;
}

main().catch((error: unknown) => {
  console.error('[compare] failed', error);
  root?.append(el('p', {}, '无法载入所选报告，请检查链接。'));
});
