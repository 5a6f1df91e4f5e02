import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Truth } from '../../scripts/bench/generate-corpus.ts';
import { serveStatic } from '../../scripts/bench/static-server.ts';
import { anchoredText } from '../../src/lib/anchored-text.ts';
import { byNewest, primaryYear, yearsOf } from '../../src/lib/catalogue.ts';
import { regionNames } from '../../src/lib/labels.ts';
import { readReports, type ReportFile } from '../../src/lib/read-reports.ts';
import { noteLabels, reportNotes } from '../../src/lib/report-notes.ts';
import { partCount, partsOf } from '../../src/lib/search/build.ts';
import type { MetaRow, SearchManifest } from '../../src/lib/search/format.ts';
import { openedFiles, searchFiles } from '../../src/lib/search/files.ts';
import { textLevel } from '../../src/lib/search/run.ts';
import { foldText, queryTerms, shardOf } from '../../src/lib/search/tokens.ts';
import { toTraditional } from '../../src/lib/to-traditional.ts';
import { browserForFile, collectErrors } from './browser.ts';
import { searchAnswered, searchStatus, shownSlugs } from './search-page.ts';
import { sharedCorpusArchive, type CorpusArchive } from './corpus-archive.ts';
import { freePort } from './free-port.ts';

/**
 * Issue #12 on the generated archive of 1,000 reports: search, reading, 简/繁, trends and the
 * labels of templates and damaged reports, each checked in Chromium against what the reports'
 * own files say (frontmatter and text), never against a recorded run.
 */

/** A report as the expectations need it, in the archive's newest-first order. */
interface Doc {
  report: ReportFile;
  slug: string;
  /** Title, region names and issuer, folded: what a title-and-region match is. */
  head: string;
  /** Anchored headings and paragraphs, folded, with their anchors and the part of the text each is in. */
  texts: string[];
  anchors: string[];
  parts: number[];
  notes: number;
}

let archive: CorpusArchive;
let docs: Doc[];
let manifest: SearchManifest;
let base = '';
let stop: () => Promise<void> = () => Promise.resolve();
const browser = browserForFile();

beforeAll(async () => {
  archive = sharedCorpusArchive();
  docs = readReports(archive.reports)
    .sort(byNewest)
    .map((report) => {
      const paragraphs = anchoredText(report);
      const { data } = report;
      return {
        report,
        slug: report.id,
        head: foldText(`${data.title}\n${[...regionNames(data.region), data.issuer ?? ''].join(' ').trim()}`),
        texts: paragraphs.map(([, text]) => foldText(text)),
        anchors: paragraphs.map(([anchor]) => anchor),
        parts: partsOf(paragraphs),
        notes: reportNotes(data),
      };
    });
  manifest = JSON.parse(readFileSync(join(archive.dist, 'search', 'manifest.json'), 'utf8')) as SearchManifest;
  const server = await serveStatic(archive.dist, await freePort());
  base = server.url;
  stop = server.stop;
}, 600_000);

afterAll(async () => {
  await stop();
});

// What the reports say ----------------------------------------------------------------------

const holds = (d: Doc, phrase: string) => d.head.includes(phrase) || d.texts.some((t) => t.includes(phrase));
const occurrences = (text: string, phrase: string) => text.split(phrase).length - 1;

interface Filters {
  province?: string;
  year?: number;
  kind?: string;
}
const passes = (d: Doc, f: Filters) =>
  (!f.province || d.report.data.region.province === f.province) &&
  (!f.year || yearsOf(d.report.data).includes(f.year)) &&
  (!f.kind || d.report.data.kind === f.kind);

/**
 * The results for a query of one Han bigram (whose postings are exact), in the order the search
 * promises: title-and-region matches first, then by the quarter of the text it first occurs in;
 * within each, bureaus' own reports before templates and damaged ones; then newest first.
 */
function byRelevance(phrase: string, f: Filters = {}, lowered = true): Doc[] {
  const bucket = (d: Doc) =>
    d.head.includes(phrase) ? 0 : 1 + textLevel(d.parts[d.texts.findIndex((t) => t.includes(phrase))]!, partCount);
  const noted = (d: Doc) => (lowered && d.notes > 0 ? 1 : 0);
  return docs
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => holds(d, phrase) && passes(d, f))
    .sort((a, b) => bucket(a.d) - bucket(b.d) || noted(a.d) - noted(b.d) || a.i - b.i)
    .map(({ d }) => d);
}
const newestFirst = (phrase: string | null, f: Filters = {}) => docs.filter((d) => (phrase === null || holds(d, phrase)) && passes(d, f));
const slugs = (list: Doc[]) => list.map((d) => d.slug);
const filed = (d: Doc) => primaryYear(d.report.data) ?? 0;

/** The province with the most reports. */
function busiestProvince(): string {
  const counts = new Map<string, number>();
  for (const d of docs)
    if (d.report.data.region.province) counts.set(d.report.data.region.province, (counts.get(d.report.data.region.province) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** A report of typical size: the median body among bureaus' own reports. */
function typicalReport(): Doc {
  const plain = docs
    .filter((d) => d.notes === 0)
    .sort((a, b) => a.report.body.length - b.report.body.length || a.slug.localeCompare(b.slug));
  return plain[Math.floor(plain.length / 2)]!;
}

// What the page shows -----------------------------------------------------------------------

const status = searchStatus;
const answered = searchAnswered;
const searchUrl = (params: Record<string, string | number>) =>
  `${base}/search/?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;

describe('search on 1,000 reports', () => {
  it('lists the filtered reports with no keyword, newest first, ten at a time, with exact counts', async () => {
    const province = busiestProvince();
    const expected = newestFirst(null, { province });
    expect(expected.length).toBeGreaterThan(20);
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(searchUrl({ province }));
    await answered(page);
    expect(await status(page).textContent()).toBe(`找到 ${expected.length} 篇符合筛选条件的报告，最新在前，显示前 10 篇。`);
    expect(await page.locator('[data-search-sort] option:checked').textContent()).toBe('默认（最新在前）');
    expect(await shownSlugs(page)).toEqual(slugs(expected.slice(0, 10)));
    const more = page.locator('[data-search-more]');
    for (let shown = 10; shown < expected.length; shown += 10) {
      expect(await more.textContent()).toBe(`显示更多结果（还有 ${expected.length - shown} 篇）`);
      await more.click();
      await expect.poll(() => page.locator('[data-search-results] li').count()).toBe(Math.min(shown + 10, expected.length));
    }
    expect(await status(page).textContent()).toBe(`找到 ${expected.length} 篇符合筛选条件的报告，最新在前。`);
    expect(await more.isHidden()).toBe(true);
    expect(await shownSlugs(page)).toEqual(slugs(expected));
    const years = expected.map(filed);
    expect(years).toEqual([...years].sort((a, b) => b - a));

    // Each filter value is offered with its exact count among the province's reports.
    const yearSelect = page.locator('select[name=year]');
    await expect.poll(() => yearSelect.locator('option').count()).toBeGreaterThan(1);
    const offered = await yearSelect
      .locator('option')
      .evaluateAll((options) => options.slice(1).map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    const byYear = new Map<number, number>();
    for (const d of expected) for (const y of yearsOf(d.report.data)) byYear.set(y, (byYear.get(y) ?? 0) + 1);
    expect(Object.fromEntries(offered)).toEqual(Object.fromEntries([...byYear].map(([y, n]) => [String(y), `${y}年（${n}）`])));
    const [year] = [...byYear].sort((a, b) => b[1] - a[1])[0]!;
    await yearSelect.selectOption(String(year));
    const ofYear = newestFirst(null, { province, year });
    await status(page)
      .filter({ hasText: `找到 ${ofYear.length} 篇` })
      .waitFor();
    expect(await shownSlugs(page)).toEqual(slugs(ofYear.slice(0, 10)));
    await page.locator('[data-search-sort]').selectOption('oldest');
    await status(page).filter({ hasText: '最早在前' }).waitFor();
    expect(await shownSlugs(page)).toEqual(slugs([...ofYear].reverse().slice(0, 10)));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ province, year: String(year), sort: 'oldest' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('orders a query by relevance, newest or oldest, each exactly as the reports’ text and frontmatter give', async () => {
    const phrase = '学位';
    const orders = { relevance: byRelevance(phrase), newest: newestFirst(phrase), oldest: newestFirst(phrase).reverse() };
    const total = orders.relevance.length;
    expect(total).toBeGreaterThan(100);
    expect(slugs(orders.relevance)).not.toEqual(slugs(orders.newest));
    const page = await browser().newPage();
    const errors = collectErrors(page);
    for (const [sort, word] of [
      ['relevance', '按相关度排列'],
      ['newest', '最新在前'],
      ['oldest', '最早在前'],
    ] as const) {
      await page.goto(searchUrl({ q: phrase, ...(sort === 'relevance' ? {} : { sort }), n: 1000 }));
      await answered(page);
      expect(await status(page).textContent(), sort).toBe(`找到 ${total} 篇包含“${phrase}”的报告，${word}。`);
      expect(await shownSlugs(page), sort).toEqual(slugs(orders[sort]));
    }
    const years = orders.newest.map(filed);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says how sure a count is: an upper bound while candidates are unchecked, exact once all are', async () => {
    const phrase = '新增学位';
    const terms = queryTerms(phrase);
    const candidates = docs.filter((d) => terms.every((t) => d.texts.some((x) => x.includes(t))) || terms.every((t) => d.head.includes(t)));
    const truth = docs.filter((d) => holds(d, phrase));
    expect(candidates.length).toBeGreaterThan(20);
    expect(truth.length).toBeGreaterThan(10);
    const page = await browser().newPage();
    await page.goto(searchUrl({ q: phrase }));
    await answered(page);
    const text = (await status(page).textContent())!;
    const [, confirmed, unchecked] =
      /^找到 (\d+) 篇包含“新增学位”的报告，另有 (\d+) 篇可能包含、尚未逐篇核对；显示前 10 篇，按相关度排列。$/.exec(text) ?? [];
    expect(text).toMatch(/可能包含/);
    expect(Number(confirmed)).toBeGreaterThanOrEqual(10);
    expect(Number(confirmed)).toBeLessThanOrEqual(truth.length);
    expect(Number(confirmed) + Number(unchecked)).toBeGreaterThanOrEqual(truth.length);
    expect(Number(confirmed) + Number(unchecked)).toBeLessThanOrEqual(candidates.length);
    await page.goto(searchUrl({ q: phrase, n: 1000 }));
    await answered(page);
    expect(await status(page).textContent()).toBe(`找到 ${truth.length} 篇包含“${phrase}”的报告，按相关度排列。`);
    expect((await shownSlugs(page)).sort()).toEqual(slugs(truth).sort());
    await page.close();
  });

  it('says why a search is empty: no report holds the word, the filters exclude every one that does, nothing matches the filters, nothing was asked', async () => {
    const absent = '量子';
    expect(docs.filter((d) => holds(d, absent))).toEqual([]);
    const phrase = '学位';
    const holding = newestFirst(phrase).length;
    // A province and year with reports, none of them holding the word; and a province and year with no report at all.
    const years = [...new Set(docs.flatMap((d) => yearsOf(d.report.data)))];
    const provinces = [...new Set(docs.map((d) => d.report.data.region.province).filter((p): p is string => p !== null))].sort();
    const pairs = provinces.flatMap((province) => years.map((year) => ({ province, year })));
    const excluded = pairs.find((f) => newestFirst(null, f).length > 0 && newestFirst(phrase, f).length === 0)!;
    const empty = pairs.find((f) => newestFirst(null, f).length === 0)!;
    expect(excluded).toBeDefined();
    expect(empty).toBeDefined();
    const page = await browser().newPage();
    const errors = collectErrors(page);
    const expectEmpty = async (url: string, message: string) => {
      await page.goto(url);
      await answered(page);
      expect(await status(page).textContent(), url).toBe(message);
      expect(await page.locator('[data-search-results] li').count()).toBe(0);
      expect(await page.locator('[data-search-more]').isHidden()).toBe(true);
    };
    await expectEmpty(searchUrl({ q: absent }), `没有找到包含“${absent}”的报告。`);
    await expectEmpty(
      searchUrl({ q: phrase, province: excluded.province, year: excluded.year }),
      `没有符合筛选条件的报告包含“${phrase}”；不加筛选时有 ${holding} 篇。`,
    );
    await expectEmpty(searchUrl({ province: empty.province, year: empty.year }), '没有符合筛选条件的报告。请放宽或清除筛选条件。');
    await page.goto(`${base}/search/`);
    await expect.poll(() => status(page).textContent()).toBe('输入关键词搜索全文，或选择省份、城市、年份、类型列出报告。');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cuts a 10,000-character query to 64 characters, says so, keeps the URL short and fetches only the shards the cut query needs, each range at its own URL, after the preloaded index files', async () => {
    const text = typicalReport().texts.join('');
    const long = Array.from(text.repeat(Math.ceil(10_000 / text.length)))
      .slice(0, 10_000)
      .join('');
    const cut = Array.from(long).slice(0, 64).join('');
    const shards = new Set(queryTerms(cut).map((t) => shardOf(t, manifest.shards)));
    const packs = new Set([...shards].map((n) => `/search/${searchFiles.shardPack(n)}`));
    const page = await browser().newPage();
    // One range a shard (the shard directory came with the manifest), each at a URL of its own
    // naming its range (the browser's cache would make requests to one URL take turns).
    const fetched = new Set<string>();
    const misnamed: string[] = [];
    // The files the search opens before any query: preloaded by the page, each fetched once.
    const opened = new Map<string, number>();
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/search/shard/')) {
        fetched.add(`${url.pathname} ${r.headers().range}`);
        if (`bytes=${url.searchParams.get('range')}` !== r.headers().range) misnamed.push(r.url());
      }
      if (/^\/search\/[^/]+\.(json|bin)$/.test(url.pathname)) opened.set(url.pathname, (opened.get(url.pathname) ?? 0) + 1);
    });
    const notice = page.locator('[data-search-notice]');
    const cutTo64 = async (how: string) => {
      await answered(page);
      await expect.poll(() => notice.textContent(), { message: how }).toBe('关键词最长 64 个字，已只搜索前 64 个字。');
      expect(await page.locator('[data-search-input]').inputValue(), how).toBe(cut);
      expect(new URL(page.url()).searchParams.get('q'), how).toBe(cut);
      expect(page.url().length, how).toBeLessThan(1000);
      expect(new Set([...fetched].map((f) => f.split(' ')[0])), how).toEqual(packs);
      expect(fetched.size, how).toBe(shards.size);
      expect(misnamed, how).toEqual([]);
    };
    // Pasted or set by a script past the field's own limit…
    await page.goto(`${base}/search/`);
    await page.locator('[data-search-input]').evaluate((input, value) => {
      (input as HTMLInputElement).value = value;
    }, long);
    await page.locator('[data-search-input]').press('Enter');
    await cutTo64('typed');
    expect(Object.fromEntries(opened)).toEqual(Object.fromEntries(openedFiles.map((f) => [`/search/${f}`, 1])));
    expect(await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))).toEqual(
      openedFiles.map((f) => `/search/${f}`),
    );
    // …or carried in a link (as long as a server takes: about 1,500 characters).
    fetched.clear();
    await page.goto(searchUrl({ q: long.slice(0, 1500) }));
    await cutTo64('linked');
    await page.close();
  });

  it('keeps query, filters, sort, results shown and scroll through opening result 36, Back, Forward and reload', async () => {
    const phrase = '学位';
    const expected = slugs(newestFirst(phrase, { kind: 'summary' }).slice(0, 40));
    expect(expected).toHaveLength(40);
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(searchUrl({ q: phrase, kind: 'summary', sort: 'newest' }));
    await answered(page);
    const items = page.locator('[data-search-results] li');
    for (let n = 20; n <= 40; n += 10) {
      await page.locator('[data-search-more]').click();
      await expect.poll(() => items.count()).toBe(n);
    }
    expect(await shownSlugs(page)).toEqual(expected);
    // Each result is redrawn once its snippet arrives: scroll once they all have.
    await expect.poll(() => page.locator('[data-search-results] li .snippet').count()).toBe(40);
    await items.nth(35).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(1000);
    const opened = (await items.nth(35).locator('a').first().getAttribute('href'))!;
    await items.nth(35).locator('a').first().click();
    await page.waitForURL(/\/reports\/.+\?q=/);
    const isBack = async (what: string) => {
      await answered(page);
      await expect.poll(() => items.count(), { message: what }).toBe(40);
      expect(await shownSlugs(page), what).toEqual(expected);
      expect(await page.locator('[data-search-input]').inputValue(), what).toBe(phrase);
      expect(await page.locator('select[name=kind]').inputValue(), what).toBe('summary');
      expect(await page.locator('[data-search-sort]').inputValue(), what).toBe('newest');
      expect(Object.fromEntries(new URL(page.url()).searchParams), what).toEqual({ q: phrase, kind: 'summary', sort: 'newest', n: '40' });
      await expect.poll(() => page.evaluate(() => window.scrollY), { message: what }).toBeGreaterThan(scrolled - 5);
      expect(await page.evaluate(() => window.scrollY), what).toBeLessThan(scrolled + 5);
      const box = (await items.nth(35).boundingBox())!;
      expect(box.y, what).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, what).toBeLessThanOrEqual(800);
    };
    await page.goBack();
    await isBack('Back');
    await page.goForward();
    await page.waitForURL(/\/reports\//);
    expect(page.url()).toBe(`${base}${opened}`);
    await page.goBack();
    await isBack('Back after Forward');
    await page.reload();
    await isBack('reload');
    // Another sort is another history entry; Back returns to the one before, results shown and all.
    await page.locator('[data-search-sort]').selectOption('oldest');
    await status(page).filter({ hasText: '最早在前' }).waitFor();
    expect(await items.count()).toBe(10);
    await page.goBack();
    await isBack('Back from another sort');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a report opened from a search on 1,000 reports', () => {
  it('carries the query: every occurrence marked and counted, stepped through from the one the result quotes', async () => {
    const phrase = '学位';
    const results = byRelevance(phrase).slice(0, 10);
    const at = results.findIndex((d) => d.texts.reduce((n, t) => n + occurrences(t, phrase), 0) >= 3);
    expect(at).toBeGreaterThanOrEqual(0);
    const doc = results[at]!;
    const count = doc.texts.reduce((n, t) => n + occurrences(t, phrase), 0);
    const anchor = doc.anchors[doc.texts.findIndex((t) => t.includes(phrase))]!;
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(searchUrl({ q: phrase }));
    await answered(page);
    expect((await shownSlugs(page))[at]).toBe(doc.slug);
    await page.locator('[data-search-results] li > a').nth(at).click();
    await page.waitForURL(/\/reports\/.+\?q=/);
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/reports/${doc.slug}/`);
    expect(url.searchParams.get('q')).toBe(phrase);
    expect(decodeURIComponent(url.hash)).toBe(`#${anchor}`);
    const body = page.locator('[data-report-body]');
    await expect.poll(() => body.locator('mark.hit').count()).toBe(count);
    expect(occurrences(await body.innerText(), phrase)).toBe(count);
    const findStatus = page.locator('[data-find-status]');
    expect(await findStatus.textContent()).toBe(`“${phrase}”：第 1 处，共 ${count} 处`);
    const current = async () => {
      expect(await body.locator('mark.hit-current').count()).toBe(1);
      const box = (await body.locator('mark.hit-current').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(page.viewportSize()!.height);
      return findStatus.textContent();
    };
    await page.locator('[data-find-next]').click();
    expect(await current()).toBe(`“${phrase}”：第 2 处，共 ${count} 处`);
    await page.locator('[data-find-next]').click();
    expect(await current()).toBe(`“${phrase}”：第 3 处，共 ${count} 处`);
    await page.locator('[data-find-previous]').click();
    await page.locator('[data-find-previous]').click();
    await page.locator('[data-find-previous]').click();
    expect(await current()).toBe(`“${phrase}”：第 ${count} 处，共 ${count} 处`);
    await page.locator('.find-bar button', { hasText: '关闭' }).click();
    expect(await body.locator('mark').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says the query is only in the title or region when the text does not hold it', async () => {
    const doc = docs.find((d) => d.notes === 0 && d.head.includes('广东') && !d.texts.some((t) => t.includes('广东')))!;
    expect(doc).toBeDefined();
    const page = await browser().newPage();
    await page.goto(`${base}/reports/${doc.slug}/?q=${encodeURIComponent('广东')}`);
    await expect.poll(() => page.locator('[data-find-status]').textContent()).toBe('正文中没有“广东”（可能出现在标题或地区信息中）。');
    expect(await page.locator('[data-report-body] mark').count()).toBe(0);
    await page.close();
  });

  it('reads without JavaScript: title, table of contents, metadata and the whole text, the query unmarked', async () => {
    const doc = typicalReport();
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/reports/${doc.slug}/?q=${encodeURIComponent('学位')}`);
    expect(await page.locator('h1').textContent()).toBe(doc.report.data.title);
    const text = foldText(await page.locator('[data-report-body]').innerText());
    for (const t of doc.texts) expect(text).toContain(t);
    const toc = await page.locator('.toc-side a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    expect(toc.length).toBeGreaterThan(0);
    for (const id of toc) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    expect(await page.locator('aside').innerText()).toContain(doc.report.data.issuer ?? '不详');
    expect(await page.locator('mark').count()).toBe(0);
    expect(await page.locator('.find-bar').count()).toBe(0);
    await context.close();
  });

  it('loads under 10 KB of gzipped JavaScript before any click, query or not', async () => {
    const doc = typicalReport();
    for (const path of [`/reports/${doc.slug}/`, `/reports/${doc.slug}/?q=${encodeURIComponent('学位')}`]) {
      const page = await browser().newPage();
      const scripts: string[] = [];
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.push(r.url());
      });
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      let bytes = 0;
      for (const url of new Set(scripts)) bytes += gzipSync(await (await fetch(url)).arrayBuffer()).length;
      expect(scripts.length, path).toBeGreaterThan(0);
      expect(bytes, path).toBeLessThan(10 * 1024);
      console.log(`[1k] ${path}: ${scripts.length} scripts, ${bytes} bytes gzipped`);
      await page.close();
    }
  });
});

describe('search failures on 1,000 reports', () => {
  const shardOfQuery = (q: string) => searchFiles.shardPack(shardOf(q, manifest.shards));

  it('shows it is busy while an index file is slow, then the results', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/search/`);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/search/shard/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('[data-search-input]').fill('学位');
    await page.locator('[data-search-input]').press('Enter');
    await status(page).filter({ hasText: '正在搜索' }).waitFor();
    expect(await status(page).getAttribute('data-busy')).toBe('');
    expect(await page.locator('[data-search-results]').getAttribute('aria-busy')).toBe('true');
    release();
    await answered(page);
    expect(await status(page).textContent()).toMatch(new RegExp(`^找到 ${newestFirst('学位').length} 篇`));
    expect(await status(page).getAttribute('data-busy')).toBeNull();
    expect(await page.locator('[data-search-results]').getAttribute('aria-busy')).toBe('false');
    await page.close();
  });

  it('retries a file whose first request fails, and shows the results', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/search/`);
    const asked = new Map<string, number>();
    await page.route('**/search/shard/**', async (route) => {
      const request = `${new URL(route.request().url()).pathname} ${await route.request().headerValue('range')}`;
      asked.set(request, (asked.get(request) ?? 0) + 1);
      return asked.get(request) === 1 ? route.abort() : route.continue();
    });
    await page.locator('[data-search-input]').fill('学位');
    await page.locator('[data-search-input]').press('Enter');
    await answered(page);
    expect(await status(page).textContent()).toMatch(new RegExp(`^找到 ${newestFirst('学位').length} 篇`));
    // The shard's slot (its one request): failed once, asked again.
    expect([...asked.values()]).toEqual([2]);
    await page.close();
  });

  it('gives up on a file that never answers after a timeout and one retry, and says the server did not answer', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/search/`);
    let asked = 0;
    await page.route('**/search/shard/**', () => {
      asked++;
    });
    await page.locator('[data-search-input]').fill('学位');
    await page.locator('[data-search-input]').press('Enter');
    await status(page).filter({ hasText: '正在搜索' }).waitFor();
    await status(page).filter({ hasText: '服务器长时间没有响应（已重试一次），请稍后再试。' }).waitFor({ timeout: 30_000 });
    expect(asked).toBe(2);
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    await page.close();
  });

  it('says which file is missing, which answered with an error, and when the connection failed', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/search/`);
    // The value is set without an input event, so only Enter searches: the search while typing
    // would otherwise fire too when the machine is slow, and each search asks once.
    const ask = async (q: string) => {
      await page.locator('[data-search-input]').evaluate((input: HTMLInputElement, value) => (input.value = value), q);
      await page.locator('[data-search-input]').press('Enter');
    };
    let asked = 0;
    await page.route('**/search/shard/**', (route) => {
      asked++;
      return route.fulfill({ status: 404, body: 'not found' });
    });
    await ask('学位');
    await status(page).filter({ hasText: '搜索索引不完整' }).waitFor();
    expect(await status(page).textContent()).toBe(
      `搜索索引不完整（缺少文件 ${shardOfQuery('学位')}），这次搜索无法完成。可改用按地区或按年份浏览。`,
    );
    expect(asked).toBe(1);
    await page.unroute('**/search/shard/**');
    await page.route('**/search/shard/**', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await ask('教师');
    await status(page).filter({ hasText: '服务器返回错误' }).waitFor();
    expect(await status(page).textContent()).toBe(`服务器返回错误（${shardOfQuery('教师')}），请稍后再试。`);
    await page.unroute('**/search/shard/**');
    await page.route('**/search/shard/**', (route) => route.abort());
    await ask('课后');
    await status(page).filter({ hasText: '网络连接失败' }).waitFor();
    expect(await status(page).textContent()).toBe('网络连接失败（已重试一次），请检查网络后再试。');
    await page.close();

    const bare = await browser().newPage();
    await bare.route('**/search/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await bare.goto(searchUrl({ q: '学位' }));
    await status(bare).filter({ hasText: '搜索索引缺失' }).waitFor();
    expect(await status(bare).textContent()).toBe('搜索索引缺失，暂时无法搜索。可改用按地区或按年份浏览。');
    await bare.close();
  });

  it('keeps the results and says only the snippets are missing when the text parts cannot be read', async () => {
    const page = await browser().newPage();
    await page.route('**/search/text/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(searchUrl({ q: '学位' }));
    await answered(page);
    expect(await status(page).textContent()).toBe(`找到 ${newestFirst('学位').length} 篇包含“学位”的报告，按相关度排列，显示前 10 篇。`);
    await expect.poll(() => page.locator('[data-search-notice]').textContent()).toBe('部分摘要未能加载，结果本身完整。');
    expect(await shownSlugs(page)).toEqual(slugs(byRelevance('学位').slice(0, 10)));
    await page.close();
  });
});

describe('the 简/繁 switch on 1,000 reports', () => {
  it('points every report page at its own metadata row and table pack, where its table lies', () => {
    const rows = new Map<string, MetaRow[]>();
    const rowsOf = (path: string) => {
      let chunk = rows.get(path);
      if (!chunk) rows.set(path, (chunk = JSON.parse(readFileSync(join(archive.dist, path), 'utf8')) as MetaRow[]));
      return chunk;
    };
    const wrong: string[] = [];
    for (const doc of docs) {
      const html = readFileSync(join(archive.dist, 'reports', doc.slug, 'index.html'), 'utf8');
      const attr = (name: string) => new RegExp(`data-${name}="([^"]*)"`).exec(html)?.[1];
      const [meta, row, pack] = [attr('meta'), Number(attr('row')), attr('pack')];
      const found = meta ? rowsOf(meta)[row] : undefined;
      const id = manifest.metaChunk * Number(/(\d+)\.json$/.exec(meta ?? '')?.[1]) + row;
      if (!found || found[0] !== doc.slug || pack !== `/search/${searchFiles.tablePack(id)}`)
        wrong.push(`${doc.slug}: ${meta} ${row} ${pack}`);
    }
    expect(wrong).toEqual([]);
  });

  /** Every text a reader sees on the page, in document order (what the switch converts). */
  const pageTexts = (page: Page) =>
    page.evaluate(() => {
      const out: string[] = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('script, style, [data-no-convert]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.trim()) out.push((node as Text).data);
      return out;
    });

  it('switches the whole page for a few KB, as OpenCC converts it, and the next page and a reload open switched', async () => {
    const doc = typicalReport();
    const other = docs.find((d) => d.notes === 0 && d.slug !== doc.slug && toTraditional(d.report.data.title) !== d.report.data.title)!;
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${base}/reports/${doc.slug}/`, { waitUntil: 'networkidle' });
    const before = await pageTexts(page);
    let transferred = 0;
    const requests: string[] = [];
    // As a host sends them: the script and the metadata file gzipped, the table's range as it is (compressed already), with headers.
    const counted = (request: Request) => {
      const path = new URL(request.url()).pathname;
      requests.push(path);
      void Promise.all([request.sizes(), request.response().then((r) => r!.body())]).then(([s, body]) => {
        transferred += s.responseHeadersSize + (path.endsWith('.bin') ? body.length : gzipSync(body).length);
      });
    };
    page.on('requestfinished', counted);
    await page.locator('[data-script-toggle]').click();
    await expect.poll(() => page.locator('[data-script-toggle]').getAttribute('aria-pressed')).toBe('true');
    await page.waitForLoadState('networkidle');
    // The switch's script (loaded on first use), the report's metadata row, then its Traditional
    // table, read from its table pack by range.
    const scripts = requests.filter((path) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const path of scripts) expect(path).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    const data = requests.filter((path) => !path.endsWith('.js'));
    expect(data).toHaveLength(2);
    expect(data[0]).toMatch(/^\/search\/meta\/\d+\.json$/);
    expect(data[1]).toMatch(/^\/search\/traditional\/\d+\.bin$/);
    page.off('requestfinished', counted);
    await expect.poll(() => transferred).toBeGreaterThan(0);
    expect(transferred).toBeLessThan(30 * 1024);
    console.log(`[1k] first switch of ${doc.slug} (${doc.report.body.length} characters): ${transferred} bytes transferred`);

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    expect(await page.locator('h1').textContent()).toBe(toTraditional(doc.report.data.title));
    expect(await page.title()).toBe(toTraditional(before[0]!));
    for (const part of ['.site-nav', '.toc-side', 'aside section:first-of-type', '[data-report-body]']) {
      const shown = await page.locator(part).first().innerText();
      expect(shown, part).not.toBe('');
    }
    expect(await page.locator('.site-nav').innerText()).toContain('按地區');
    expect(await page.locator('aside').innerText()).toContain('發文單位');
    // Every text on the page reads as OpenCC converts it, character by character.
    const after = await pageTexts(page);
    expect(after).toHaveLength(before.length);
    let differing = 0;
    let converted = 0;
    before.forEach((text, i) => {
      const want = toTraditional(text);
      for (let k = 0; k < want.length; k++) {
        if (want[k] !== text[k]) converted++;
        if (want[k] !== after[i]![k]) differing++;
      }
    });
    expect(converted).toBeGreaterThan(100);
    expect(differing).toBe(0);

    await page.goto(`${base}/reports/${other.slug}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(toTraditional(other.report.data.title));
    expect(await page.locator('[data-script-toggle]').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe(toTraditional(other.report.data.title));
    await page.locator('[data-script-toggle]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(other.report.data.title);
    await page.goto(`${base}/reports/${doc.slug}/`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe(doc.report.data.title);
    expect(await page.locator('[data-script-toggle]').getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says when the Traditional text cannot be loaded, stays Simplified, and switches on the next try', async () => {
    const doc = typicalReport();
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}/reports/${doc.slug}/`);
    await page.route('**/search/traditional/**', (route) => route.abort());
    await page.locator('[data-script-toggle]').click();
    await expect.poll(() => page.locator('[data-script-status]').textContent()).toBe('繁体文本加载失败，请稍后再试。');
    expect(await page.locator('h1').textContent()).toBe(doc.report.data.title);
    expect(await page.locator('[data-script-toggle]').getAttribute('aria-pressed')).toBe('false');
    await page.unroute('**/search/traditional/**');
    await page.locator('[data-script-toggle]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(toTraditional(doc.report.data.title));
    expect(await page.locator('[data-script-status]').textContent()).toBe('');
    await context.close();
  });
});

describe('trends on 1,000 reports', () => {
  it('charts a typed term as each year’s share of a province’s reports, counts on demand, each bar the search for its reports', async () => {
    const term = '体育';
    const province = busiestProvince();
    const inProvince = newestFirst(null, { province });
    const points = new Map<number, { reports: number; using: number }>();
    for (const d of inProvince) {
      for (const y of yearsOf(d.report.data)) {
        const p = points.get(y) ?? { reports: 0, using: 0 };
        p.reports++;
        if (holds(d, term)) p.using++;
        points.set(y, p);
      }
    }
    const years = [...points.keys()].sort((a, b) => a - b);
    expect(years.length).toBeGreaterThan(5);
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${base}/trends/`);
    const presets = await page.locator('section[aria-label]').evaluateAll((s) => s.map((x) => x.getAttribute('aria-label')));
    expect(presets.length).toBeGreaterThan(0);
    expect(presets).not.toContain(term);
    await page.locator('[data-trend-term]').fill(term);
    await page.locator('[data-trend-province] option', { hasText: province }).waitFor({ state: 'attached' });
    await page.locator('[data-trend-province]').selectOption(province);
    const chart = page.locator('[data-trend-chart]');
    await expect.poll(() => chart.locator('svg a').count()).toBe(years.length);
    await expect
      .poll(() => page.locator('[data-trend-status]').textContent())
      .toBe(`共 ${inProvince.filter((d) => holds(d, term)).length} 篇报告使用“${term}”。`);
    expect([...points.values()].some((p) => p.using > 0 && p.using < p.reports)).toBe(true);
    const rows = await chart
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual(
      years.map((y) => [
        String(y),
        `${points.get(y)!.using} / ${points.get(y)!.reports}`,
        `${Math.round((points.get(y)!.using / points.get(y)!.reports) * 100)}%`,
      ]),
    );
    const labels = () => chart.locator('svg a text:nth-of-type(2)').allTextContents();
    expect(await labels()).toEqual(years.map((y) => `${Math.round((points.get(y)!.using / points.get(y)!.reports) * 100)}%`));
    await page.locator('[data-trend-counts]').check();
    await expect.poll(labels).toEqual(years.map((y) => String(points.get(y)!.using)));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ term, province, counts: '1' });

    const year = years.find((y) => points.get(y)!.using > 0)!;
    const bar = chart.locator('svg a').nth(years.indexOf(year));
    expect(await bar.getAttribute('href')).toBe(`/search/?${new URLSearchParams({ q: term, year: String(year), province }).toString()}`);
    await bar.click();
    await page.waitForURL(/\/search\//);
    await answered(page);
    const found = newestFirst(term, { province, year });
    expect(found).toHaveLength(points.get(year)!.using);
    expect(await status(page).textContent()).toMatch(new RegExp(`^找到 ${found.length} 篇包含“${term}”的报告`));
    expect(await shownSlugs(page)).toEqual(slugs(byRelevance(term, { province, year }).slice(0, 10)));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('templates and damaged reports among 1,000', () => {
  /** Note tags of each report a page lists, by slug: in list items and table rows. */
  function listedTags(html: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [row] of html.matchAll(/<(li|tr)\b[^>]*>(?:(?!<\/?\1\b)[\s\S])*?<\/\1>/g)) {
      const slug = /href="\/reports\/([^/"?#]+)\/"/.exec(row)?.[1];
      if (!slug || !/^(?:\d{4}|undated|unknown)-/.test(slug)) continue;
      out.set(
        slug,
        [...row.matchAll(/<span class="note-tag"[^>]*>([^<]*)<\/span>/g)].map((m) => m[1]!),
      );
    }
    return out;
  }

  it('are the ones the generator made, and are labelled in every list that shows them', () => {
    const truths = JSON.parse(readFileSync(join(archive.raw, '..', 'truth.json'), 'utf8')) as Truth[];
    const byFile = new Map(docs.map((d) => [d.report.data.source.file, d]));
    const made = truths.filter((t) => t.note);
    expect(made.filter((t) => t.note === 'template').length).toBeGreaterThanOrEqual(10);
    expect(made.filter((t) => t.note === 'damaged').length).toBeGreaterThanOrEqual(10);
    for (const t of made) expect(byFile.get(t.file)?.notes, t.file).toBe(t.note === 'template' ? 1 : 2);

    const labels = new Map(docs.map((d) => [d.slug, noteLabels(d.notes)]));
    const seen = new Map<string, number>();
    const wrong: string[] = [];
    const lists = readdirSync(archive.dist, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('index.html') && !/^reports\/(?:\d{4}|undated|unknown)-/.test(p))
      .map((p) => join(archive.dist, p));
    for (const file of lists) {
      for (const [slug, tags] of listedTags(readFileSync(file, 'utf8'))) {
        if (JSON.stringify(tags) !== JSON.stringify(labels.get(slug)))
          wrong.push(`${relative(archive.dist, file)}: ${slug} tagged ${JSON.stringify(tags)}`);
        seen.set(slug, (seen.get(slug) ?? 0) + 1);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Every noted report is listed somewhere (its region, its years, the all-reports table).
    for (const d of docs.filter((x) => x.notes)) expect(seen.get(d.slug) ?? 0, d.slug).toBeGreaterThanOrEqual(3);
  });

  it('are labelled in search results and the filtered table, and ranked below bureaus’ own reports at equal relevance', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    const lowered = new Set<number>();
    for (const phrase of ['学位', '广东']) {
      const expected = byRelevance(phrase);
      // Without the lowering some noted report would come before a bureau's own at equal relevance.
      expect(slugs(expected)).not.toEqual(slugs(byRelevance(phrase, {}, false)));
      await page.goto(searchUrl({ q: phrase, n: 1000 }));
      await answered(page);
      expect(await shownSlugs(page), phrase).toEqual(slugs(expected));
      const tags = await page
        .locator('[data-search-results] li')
        .evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('.note-tag')].map((t) => t.textContent)));
      expect(tags, phrase).toEqual(expected.map((d) => noteLabels(d.notes)));
      for (const d of expected) if (d.notes) lowered.add(d.notes);
    }
    expect([...lowered].sort()).toEqual([1, 2]);

    const damaged = docs.find((d) => d.notes === 2)!;
    await page.goto(`${base}/reports/?region=${damaged.report.data.region.code}`);
    await page.locator('[data-table-summary]', { hasText: '筛选（' }).waitFor();
    const row = page.locator('.report-table tbody tr', { has: page.locator(`a[href="/reports/${damaged.slug}/"]`) });
    expect(await row.locator('.note-tag').allTextContents()).toEqual(['文本受损']);
    const template = docs.find((d) => d.notes === 1 && d.report.data.region.code)!;
    const peer =
      docs.find((d) => d.notes === 0 && d.report.data.region.code === template.report.data.region.code) ?? docs.find((d) => d.notes === 0)!;
    await page.goto(`${base}/compare/?r=${template.slug}&r=${peer.slug}`);
    await page.locator('[data-compare-root] > ol.report-list > li').first().waitFor();
    const column = page.locator('[data-compare-root] > ol.report-list > li', { has: page.locator(`a[href="/reports/${template.slug}/"]`) });
    expect(await column.locator('.note-tag').allTextContents()).toEqual(['范文模板']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
