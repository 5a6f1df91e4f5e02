import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/bench/static-server.ts';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { readReports, type ReportFile } from '../../src/lib/read-reports.ts';
import { placesHref, regionPlaces } from '../../src/lib/region-path.ts';
import { browserForFile, collectErrors } from './browser.ts';
import { freePort } from './free-port.ts';
import { collidingPlaces, sharedCorpusArchive, sharedCorpusSize, type CorpusArchive } from './corpus-archive.ts';

const count = sharedCorpusSize;
const maxEntries = 100;
const maxBytes = 300 * 1024;

let archive: CorpusArchive;
let reports: ReportFile[];
let base = '';
let stop: () => Promise<void> = () => Promise.resolve();
const browser = browserForFile();

beforeAll(async () => {
  archive = sharedCorpusArchive();
  reports = readReports(archive.reports);
  const server = await serveStatic(archive.dist, await freePort());
  base = server.url;
  stop = server.stop;
}, 600_000);

afterAll(async () => {
  await stop();
});

const html = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
};
const h1 = (text: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(text)?.[1] ?? null;
const reportLinks = (text: string) => [...text.matchAll(/href="\/reports\/((?:\d{4}|undated|unknown)-[a-z0-9-]+)\/"/g)].map((m) => m[1]!);

/** Every page of a paginated list, following its 下一页 links from the first. */
async function allPages(first: string): Promise<string[]> {
  const pages: string[] = [];
  for (let path: string | null = first; path;) {
    const { status, text } = await html(path);
    expect(status, path).toBe(200);
    pages.push(text);
    path = /<a href="([^"]+)" rel="next">/.exec(text)?.[1] ?? null;
  }
  return pages;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('index.html'))
    .map((p) => join(dir, p));
}

describe(`an archive of ${count} generated reports`, () => {
  it('holds the places whose names collide and the county-level cities a province administers', () => {
    expect(reports.length).toBeGreaterThanOrEqual(count - 5);
    const codes = new Set(reports.map((r) => r.data.region.code));
    for (const [name, code] of Object.entries(collidingPlaces)) expect(codes.has(code), name).toBe(true);
  });

  it('has a page for every region, each showing its own region, listing every report beneath it once', async () => {
    const beneath = new Map<string, { name: string; parents: string[]; ids: string[] }>();
    for (const r of reports) {
      const places = regionPlaces(r.data.region);
      for (let i = places.length === 0 ? 0 : 1; i <= places.length; i++) {
        const href = placesHref(places.slice(0, i));
        const node = beneath.get(href) ?? {
          name: places[i - 1]?.name ?? '地区不详',
          parents: places.slice(0, Math.max(0, i - 1)).map((p) => p.name),
          ids: [],
        };
        node.ids.push(r.id);
        beneath.set(href, node);
      }
    }
    expect(beneath.size).toBeGreaterThan(500);
    for (const [href, node] of beneath) {
      const pages = await allPages(href);
      expect(h1(pages[0]!), href).toBe(node.name);
      const crumbs = /<nav class="breadcrumb"[\s\S]*?<\/nav>/.exec(pages[0]!)![0];
      for (const parent of node.parents) expect(crumbs, href).toContain(`>${parent}</a>`);
      expect(crumbs).not.toContain('直辖县级');
      const listed = pages.flatMap((p) => reportLinks(/<form[^>]*data-compare-picker[\s\S]*<\/form>/.exec(p)![0]));
      expect(listed.sort(), href).toEqual([...node.ids].sort());
    }
  });

  it('counts the same provinces on the home page and the regions page, 地区不详 not among them', async () => {
    const provinces = new Set(reports.map((r) => r.data.region.province).filter((p) => p !== null)).size;
    expect(reports.some((r) => r.data.region.province === null)).toBe(true);
    expect((await html('/')).text).toContain(`覆盖 ${provinces} 个省级地区`);
    expect((await html('/regions/')).text).toContain(`<p>${provinces} 个省级地区，共 ${reports.length} 篇报告。`);
  });

  it('keeps 山西/陕西, 临夏市/临夏县, 和田市/和田县 apart and puts 仙桃 under 湖北', async () => {
    const expected: [string, string][] = [
      ['/regions/shanxi/', '山西省'],
      ['/regions/shaanxi/', '陕西省'],
      ['/regions/gansu/linxia/linxia-622901/', '临夏市'],
      ['/regions/gansu/linxia/linxia-622921/', '临夏县'],
      ['/regions/xinjiang/hetian/hetian-653201/', '和田市'],
      ['/regions/xinjiang/hetian/hetian-653221/', '和田县'],
      ['/regions/hubei/xiantao/', '仙桃市'],
    ];
    const page = await browser().newPage();
    const errors = collectErrors(page);
    for (const [path, name] of expected) {
      await page.goto(`${base}${path}`);
      await expect(page.locator('h1').textContent()).resolves.toBe(name);
      const metas = await page.locator('[data-compare-picker] .report-list .meta').allTextContents();
      expect(metas.length, path).toBeGreaterThan(0);
      for (const meta of metas) expect(meta, path).toContain(name);
    }
    await page.goto(`${base}/regions/hubei/`);
    await expect(page.locator('#sub-title + ul a', { hasText: '仙桃市' }).getAttribute('href')).resolves.toBe('/regions/hubei/xiantao/');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no list page over 100 entries or 300 KB', () => {
    const lists = htmlFiles(archive.dist).filter((p) => !/^reports\/(?:\d{4}|undated|unknown)-/.test(relative(archive.dist, p)));
    expect(lists.length).toBeGreaterThan(1000);
    const over: string[] = [];
    for (const file of lists) {
      const bytes = statSync(file).size;
      const entries = new Set(reportLinks(readFileSync(file, 'utf8'))).size;
      if (bytes > maxBytes || entries > maxEntries) over.push(`${relative(archive.dist, file)}: ${bytes} bytes, ${entries} reports`);
    }
    expect(over).toEqual([]);
  });

  it('pages the all-reports table in every sort order without JavaScript', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [first, label] of [
      ['/reports/', '发布日期'],
      ['/reports/by-region/', '地区'],
      ['/reports/by-year/', '年份'],
    ] as const) {
      await page.goto(`${base}${first}`);
      await expect(page.locator('.sort-links [aria-current]').textContent()).resolves.toBe(label);
      expect(await page.locator('.report-table tbody tr').count()).toBe(maxEntries);
      await page.locator('.pager a[rel=next]').first().click();
      await page.waitForURL(`${base}${first}2/`);
      expect(await page.locator('.report-table tbody tr').count()).toBe(maxEntries);
    }
    await page.goto(`${base}/reports/by-year/`);
    const years = await page.locator('.report-table tbody tr td:nth-child(3)').allTextContents();
    const first = years.map((y) => Number(/\d{4}/.exec(y)?.[0]));
    expect(first).toEqual([...first].sort((a, b) => b - a));
    expect(await page.locator('table.coverage').count()).toBe(0);
    await page.goto(`${base}/reports/`);
    const cells = page.locator('table.coverage td a');
    expect(await cells.count()).toBeGreaterThan(100);
    await context.close();
  });

  it('filters the table by kind, year and region with JavaScript', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${base}/reports/`);
    await page.locator('select[name=kind]').selectOption('plan');
    await page.locator('select[name=year]').selectOption('2020');
    await page.locator('[data-table-filters] button').click();
    await page.waitForURL(/kind=plan/);
    await page.locator('[data-table-summary]', { hasText: '筛选（' }).waitFor();
    const rows = page.locator('.report-table tbody tr');
    const expected = reports.filter(
      (r) => r.data.kind === 'plan' && [...r.data.yearsReviewed, ...r.data.yearsPlanned].includes(2020),
    ).length;
    expect(await rows.count()).toBe(Math.min(expected, maxEntries));
    for (const kind of await rows.locator('td:nth-child(4)').allTextContents()) expect(kind).toBe('工作计划');
    await page.goto(`${base}/reports/?region=429004`);
    await page.locator('[data-table-summary]', { hasText: '筛选（' }).waitFor();
    for (const region of await rows.locator('td:nth-child(2)').allTextContents()) expect(region).toBe('湖北省 仙桃市');
    expect(await rows.count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compares in chronological columns, with changes only within one region', async () => {
    const xiantao = reports.filter((r) => r.data.region.code === collidingPlaces.仙桃市);
    const other = reports.find((r) => r.data.region.code === collidingPlaces.临夏县)!;
    const newestFirst = [...xiantao].sort(
      (a, b) => (b.data.yearsReviewed.at(-1) ?? b.data.yearsPlanned[0]!) - (a.data.yearsReviewed.at(-1) ?? a.data.yearsPlanned[0]!),
    );
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${base}/compare/?${[...newestFirst.slice(0, 2), other].map((r) => `r=${r.id}`).join('&')}`);
    await page.locator('[data-topic]').first().waitFor();
    const columns = await page
      .locator('[data-compare-root] > ol.report-list > li a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.split('/')[2]!));
    const filed = (id: string) => {
      const d = reports.find((r) => r.id === id)!.data;
      return d.yearsReviewed.at(-1) ?? d.yearsPlanned[0]!;
    };
    expect(columns.map(filed)).toEqual(columns.map(filed).sort((a, b) => a - b));
    const otherColumn = columns.indexOf(other.id);
    const changed = await page
      .locator('tr[data-figure]')
      .evaluateAll(
        (rows, column) => rows.filter((row) => row.querySelectorAll('td')[column]?.querySelector('.change-up, .change-down')).length,
        otherColumn,
      );
    expect(changed).toBe(0);
    await page.goto(`${base}/compare/?r=${xiantao[0]!.id}&r=${other.id}`);
    await page.locator('[data-topic]').first().waitFor();
    expect(await page.locator('.change-up, .change-down').count()).toBe(0);
    expect(await page.locator('[data-topic] .badge').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a figure’s change between one bureau’s years, and none between bureaus, whatever order the link gives', async () => {
    const filed = (r: ReportFile) => r.data.yearsReviewed.at(-1) ?? r.data.yearsPlanned[0] ?? 0;
    const first = (r: ReportFile, key: string) => r.data.metrics.find((m) => m.key === key)?.value;
    // Two years of one bureau stating one figure differently, and a later report of another bureau
    // stating it differently again: a change taken column to column would show on that one.
    let pick: { earlier: ReportFile; later: ReportFile; other: ReportFile; key: string } | undefined;
    const byCode = new Map<string, ReportFile[]>();
    for (const r of reports) if (r.data.region.code) byCode.set(r.data.region.code, [...(byCode.get(r.data.region.code) ?? []), r]);
    search: for (const list of byCode.values()) {
      const sorted = [...list].sort((a, b) => filed(a) - filed(b));
      for (const [i, earlier] of sorted.entries()) {
        for (const later of sorted.slice(i + 1)) {
          if (filed(later) === filed(earlier)) continue;
          for (const { key } of earlier.data.metrics) {
            const [a, b] = [first(earlier, key), first(later, key)];
            if (b === undefined || a === b) continue;
            const other = reports.find(
              (r) => r.data.region.code !== earlier.data.region.code && filed(r) > filed(later) && ![undefined, b].includes(first(r, key)),
            );
            if (other) {
              pick = { earlier, later, other, key };
              break search;
            }
          }
        }
      }
    }
    expect(pick).toBeDefined();
    const { earlier, later, other, key } = pick!;
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${base}/compare/?r=${other.id}&r=${later.id}&r=${earlier.id}`);
    await page.locator('[data-topic]').first().waitFor();
    const columns = await page
      .locator('[data-compare-root] > ol.report-list > li a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.split('/')[2]!));
    const byId = new Map(reports.map((r) => [r.id, r]));
    const years = columns.map((id) => filed(byId.get(id)!));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const cells = page.locator(`tr[data-figure="${key}"] td`);
    const change = Math.round((first(later, key)! - first(earlier, key)!) * 100) / 100;
    for (const [i, id] of columns.entries()) {
      const marks = await cells.nth(i).locator('.change-up, .change-down').allTextContents();
      expect(marks, id).toEqual(id === later.id ? [`${change > 0 ? '+' : ''}${change.toLocaleString('zh-CN')}`] : []);
    }
    await page.goto(`${base}/compare/?r=${earlier.id}&r=${other.id}`);
    await page.locator('[data-topic]').first().waitFor();
    expect(await page.locator(`tr[data-figure="${key}"] td`).allTextContents()).toHaveLength(2);
    expect(await page.locator('.change-up, .change-down, .changed').count()).toBe(0);
    expect(await page.locator('table.figures caption').textContent()).toContain('不同地区，不计增减');
    expect(await page.locator('[data-topic] .badge').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses to compare more than four reports from a picker, saying why', async () => {
    const byProvince = new Map<string, number>();
    for (const r of reports) {
      const province = placesHref(regionPlaces(r.data.region).slice(0, 1));
      byProvince.set(province, (byProvince.get(province) ?? 0) + 1);
    }
    const [busiest] = [...byProvince].sort((a, b) => b[1] - a[1])[0]!;
    const page = await browser().newPage();
    await page.goto(`${base}${busiest}`);
    const boxes = page.locator('[data-compare-picker] input[type=checkbox]');
    for (let i = 0; i < 5; i++) await boxes.nth(i).check();
    await page.locator('[data-compare-picker] button[type=submit]').click();
    await expect(page.locator('[data-picker-status]').textContent()).resolves.toContain('最多对比 4 篇');
    expect(new URL(page.url()).pathname).toBe(busiest);
    await boxes.nth(4).uncheck();
    await page.locator('[data-compare-picker] button[type=submit]').click();
    await page.waitForURL(/\/compare\//);
    expect(new URL(page.url()).searchParams.getAll('r')).toHaveLength(4);
    // The picked reports, whatever their order on the page, side by side oldest first.
    await page.locator('[data-topic]').first().waitFor();
    const columns = await page
      .locator('[data-compare-root] > ol.report-list > li a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.split('/')[2]!));
    expect([...columns].sort()).toEqual(new URL(page.url()).searchParams.getAll('r').sort());
    const filed = (id: string) => {
      const d = reports.find((r) => r.id === id)!.data;
      return d.yearsReviewed.at(-1) ?? d.yearsPlanned[0] ?? 0;
    };
    expect(columns.map(filed)).toEqual(columns.map(filed).sort((a, b) => a - b));
    await page.close();
  });

  it('leaves every report URL where it was when a raw file that sorts first is added', () => {
    const root = mkdtempSync(join(tmpdir(), 'archive-1k-add-'));
    cpSync(archive.raw, join(root, 'raw'), { recursive: true });
    cpSync(archive.reports, join(root, 'reports'), { recursive: true });
    const victim = reports.find(
      (r) => r.data.source.encoding === 'UTF-8' && r.data.source.format === 'text' && r.data.source.script === 'simplified',
    )!;
    const bytes = readFileSync(join(archive.raw, victim.data.source.file), 'utf8');
    writeFileSync(join(root, 'raw', '0000-added.txt'), `${bytes}\n另据统计，全市新建校舍十二所。\n`);
    const result = normalizeBatch(join(root, 'raw'), join(root, 'reports'));
    // Every file published before keeps its slug, in the run's outcomes and in the reports folder.
    const outcome = new Map(result.outcomes.map((o) => [o.file, o.ok ? o.slug : `failed: ${o.error}`]));
    const moved = reports
      .filter((r) => outcome.get(r.data.source.file) !== r.id)
      .map((r) => `${r.data.source.file}: ${r.id} → ${outcome.get(r.data.source.file)}`);
    expect(moved).toEqual([]);
    const published = new Map(readReports(join(root, 'reports')).map((r) => [r.id, r.data.source.file]));
    expect(published.size).toBe(reports.length + 1);
    for (const r of reports) expect(published.get(r.id), r.id).toBe(r.data.source.file);
    const added = result.outcomes.find((o) => o.file === '0000-added.txt');
    expect(added?.ok && added.slug).toMatch(new RegExp(`^${victim.id}-[0-9a-f]{6}$`));
    expect(published.get(added?.ok ? added.slug : '')).toBe('0000-added.txt');
    rmSync(root, { recursive: true, force: true });
  });
});
