import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, collectErrors } from './browser.ts';
import { searchAnswered, searchStatus, shownSlugs } from './search-page.ts';

const browser = browserForFile();
const base = () => inject('baseUrl');
const status = searchStatus;
const answered = searchAnswered;
const resultSlugs = shownSlugs;
const firstYears = (page: Page) =>
  page.locator('[data-search-results] .meta').evaluateAll((metas) => metas.map((m) => Number(/(\d{4})/.exec(m.textContent)?.[1] ?? 0)));

describe('search with filters alone', () => {
  it('lists every report of the province newest first, with an exact count, and oldest first on request', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${base()}/search/?province=${encodeURIComponent('广东省')}`);
    await answered(page);
    const text = (await status(page).textContent())!;
    expect(text).toMatch(/^找到 \d+ 篇符合筛选条件的报告，最新在前/);
    const total = Number(/找到 (\d+) 篇/.exec(text)![1]);
    const metas = await page.locator('[data-search-results] .meta').allTextContents();
    expect(metas).toHaveLength(total);
    for (const meta of metas) expect(meta.startsWith('广东省')).toBe(true);
    const newest = await resultSlugs(page);
    await page.locator('[data-search-sort]').selectOption('oldest');
    await status(page).filter({ hasText: '最早在前' }).waitFor();
    expect(await resultSlugs(page)).toEqual([...newest].reverse());
    expect(new URL(page.url()).searchParams.get('sort')).toBe('oldest');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says the filters exclude every match, not that no report holds the word', async () => {
    const page = await browser().newPage();
    await page.goto(`${base()}/search/?q=${encodeURIComponent('双减')}&province=${encodeURIComponent('浙江省')}&year=2020`);
    await answered(page);
    expect(await status(page).textContent()).toMatch(/^没有符合筛选条件的报告包含“双减”；不加筛选时有 \d+ 篇。$/);
    await page.goto(`${base()}/search/?q=${encodeURIComponent('量子纠缠')}`);
    await answered(page);
    expect(await status(page).textContent()).toBe('没有找到包含“量子纠缠”的报告。');
    await page.goto(`${base()}/search/?province=${encodeURIComponent('浙江省')}&year=2099`);
    await answered(page);
    expect(await status(page).textContent()).toBe('没有符合筛选条件的报告。请放宽或清除筛选条件。');
    await page.goto(`${base()}/search/`);
    await expect.poll(() => status(page).textContent()).toContain('输入关键词');
    await page.close();
  });

  it('sorts a query by newest and oldest as well as by relevance', async () => {
    const page = await browser().newPage();
    await page.goto(`${base()}/search/?q=${encodeURIComponent('教育')}&sort=newest`);
    await answered(page);
    const years = await firstYears(page);
    expect(years.length).toBeGreaterThan(3);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
    const newest = await resultSlugs(page);
    await page.locator('[data-search-sort]').selectOption('oldest');
    await status(page).filter({ hasText: '最早在前' }).waitFor();
    expect(await resultSlugs(page)).toEqual([...newest].reverse());
    await page.close();
  });
});

describe('the search page state', () => {
  it('survives opening a result and coming Back, and a reload: query, filters, sort and scroll', async () => {
    const context = await browser().newContext({ viewport: { width: 800, height: 400 } });
    const page = await context.newPage();
    await page.goto(`${base()}/search/?q=${encodeURIComponent('教育')}&sort=oldest&kind=summary-plan`);
    await answered(page);
    const before = await resultSlugs(page);
    await expect.poll(() => page.locator('[data-search-results] .snippet').count()).toBe(before.length);
    await page.evaluate(() => {
      window.scrollTo(0, 300);
    });
    await page.waitForTimeout(100);
    await page.locator('[data-search-results] li > a').nth(2).click();
    await page.waitForURL(/\/reports\//);
    await page.goBack();
    await answered(page);
    expect(await page.locator('[data-search-input]').inputValue()).toBe('教育');
    expect(await page.locator('[data-search-sort]').inputValue()).toBe('oldest');
    expect(await page.locator('select[name=kind]').inputValue()).toBe('summary-plan');
    expect(await resultSlugs(page)).toEqual(before);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(250);
    await page.reload();
    await answered(page);
    expect(await resultSlugs(page)).toEqual(before);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(250);
    await context.close();
  });

  it('cuts a 1,000-character query to 64 characters, says so, and keeps the URL short', async () => {
    const page = await browser().newPage();
    await page.goto(`${base()}/search/?q=${encodeURIComponent('教育'.repeat(500))}`);
    await answered(page);
    await expect.poll(() => page.locator('[data-search-notice]').textContent()).toContain('最长 64 个字');
    expect(page.url().length).toBeLessThan(1000);
    expect(Array.from(await page.locator('[data-search-input]').inputValue())).toHaveLength(64);
    await page.close();
  });
});

describe('search failures', () => {
  it('shows it is busy while an index file is slow, then the results', async () => {
    const page = await browser().newPage();
    await page.goto(`${base()}/search/`);
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/search/shard/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('[data-search-input]').fill('学位');
    await page.locator('[data-search-input]').press('Enter');
    await status(page).filter({ hasText: '正在搜索' }).waitFor();
    expect(await page.locator('[data-search-results]').getAttribute('aria-busy')).toBe('true');
    release();
    await answered(page);
    expect(await page.locator('[data-search-results]').getAttribute('aria-busy')).toBe('false');
    await page.close();
  });

  it('gives up on a file that never answers after a timeout and one retry, and says the server did not answer', async () => {
    const page = await browser().newPage();
    await page.goto(`${base()}/search/`);
    let asked = 0;
    await page.route('**/search/shard/**', () => {
      asked++;
    });
    await page.locator('[data-search-input]').fill('学位');
    await page.locator('[data-search-input]').press('Enter');
    await status(page).filter({ hasText: '服务器长时间没有响应' }).waitFor({ timeout: 30_000 });
    expect(asked).toBe(2);
    await page.close();
  });

  it('names a missing index file instead of reporting no results, and a lost connection as such', async () => {
    const page = await browser().newPage();
    await page.goto(`${base()}/search/`);
    await page.route('**/search/shard/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.locator('[data-search-input]').fill('学位');
    await page.locator('[data-search-input]').press('Enter');
    await status(page)
      .filter({ hasText: /搜索索引不完整（缺少文件 shard\/\d+\.bin）/ })
      .waitFor();
    await page.unroute('**/search/shard/**');
    await page.route('**/search/shard/**', (route) => route.abort());
    await page.locator('[data-search-input]').fill('课后服务');
    await page.locator('[data-search-input]').press('Enter');
    await status(page).filter({ hasText: '网络连接失败（已重试一次）' }).waitFor();
    await page.close();
  });

  it('keeps the results and says only the snippets are missing when text parts cannot be read', async () => {
    const page = await browser().newPage();
    await page.route('**/search/text/**', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${base()}/search/?q=${encodeURIComponent('学位')}`);
    await answered(page);
    expect(await status(page).textContent()).toMatch(/^找到 \d+ 篇包含“学位”/);
    await expect.poll(() => page.locator('[data-search-notice]').textContent()).toContain('部分摘要未能加载');
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('a result opened from the search', () => {
  it('carries the query: every occurrence marked, counted, and stepped through', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${base()}/search/?q=${encodeURIComponent('双减')}`);
    await answered(page);
    await page.locator('[data-search-results] li > a').first().click();
    await page.waitForURL(/\/reports\/.+\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('双减');
    const body = page.locator('[data-report-body]');
    const inText = (await body.innerText()).split('双减').length - 1;
    await expect.poll(() => body.locator('mark.hit').count()).toBe(inText);
    const findStatus = page.locator('[data-find-status]');
    expect(await findStatus.textContent()).toMatch(new RegExp(`共 ${inText} 处`));
    await page.locator('[data-find-next]').click();
    const first = (await findStatus.textContent())!;
    await page.locator('[data-find-next]').click();
    expect(await findStatus.textContent()).not.toBe(first);
    await page.locator('[data-find-previous]').click();
    expect(await findStatus.textContent()).toBe(first);
    expect(await body.locator('mark.hit-current').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('reads without JavaScript, query or not', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base()}/reports/2021-jiangxi-nanchang-summary-plan/?q=${encodeURIComponent('双减')}`);
    expect((await page.locator('[data-report-body]').innerText()).length).toBeGreaterThan(10_000);
    expect(await page.locator('mark.hit').count()).toBe(0);
    await context.close();
  });

  it('loads under 10 KB of gzipped JavaScript before any click', async () => {
    const page = await browser().newPage();
    const scripts: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${base()}/reports/2021-jiangxi-nanchang-summary-plan/?q=${encodeURIComponent('双减')}`, { waitUntil: 'networkidle' });
    let bytes = 0;
    for (const url of scripts) bytes += gzipSync(await (await fetch(url)).arrayBuffer()).length;
    expect(scripts.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(10 * 1024);
    await page.close();
  });
});

describe('the 简/繁 switch', () => {
  it('switches the whole page, costs a few KB, and is remembered on the next page', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${base()}/reports/2021-jiangxi-nanchang-summary-plan/`);
    const fetched: [string, number][] = [];
    const counted = (r: Response) => {
      // The switch's own script (loaded on first use) and the report's metadata row (files the host
      // gzips), and its Traditional table (a packed, already compressed range).
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/search/meta/') || path.endsWith('.js')) void r.body().then((b) => fetched.push([path, gzipSync(b).length]));
      if (path.startsWith('/search/traditional/')) void r.body().then((b) => fetched.push([path, b.length]));
    };
    page.on('response', counted);
    await page.locator('[data-script-toggle]').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('南昌市教育局2021年工作總結及2022年工作要點');
    expect(await page.locator('.site-nav').innerText()).toContain('按地區');
    expect(await page.locator('.toc').innerText()).toContain('黨');
    expect(await page.locator('aside').innerText()).toContain('發文單位');
    expect(await page.title()).toContain('總結');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hant');
    await expect.poll(() => fetched.filter(([path]) => path.startsWith('/search/')).length).toBe(2);
    page.off('response', counted);
    expect(fetched.some(([path]) => path.endsWith('.js'))).toBe(true);
    expect(fetched.reduce((sum, [, bytes]) => sum + bytes, 0)).toBeLessThan(30 * 1024);
    await page.goto(`${base()}/reports/2021-guangdong-zhanjiang-mazhang-summary/`);
    await expect.poll(() => page.locator('[data-report-body] h2').first().textContent()).toBe('（一）夯實黨建工作');
    expect(await page.locator('[data-script-toggle]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('[data-script-toggle]').click();
    await expect.poll(() => page.locator('[data-report-body] h2').first().textContent()).toBe('（一）夯实党建工作');
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-report-body] h2').first().textContent()).toBe('（一）夯实党建工作');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('trends', () => {
  it('charts any term as a share per year, by region, with counts on demand, each bar a search', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${base()}/trends/`);
    await page.locator('[data-trend-term]').fill('课后服务');
    await page.locator('[data-trend-form] button[type=submit]').click();
    const chart = page.locator('[data-trend-chart]');
    await expect.poll(() => chart.locator('svg a').count()).toBeGreaterThan(0);
    const labels = await chart.locator('svg a text:nth-of-type(2)').allTextContents();
    for (const label of labels) expect(label).toMatch(/^\d+%$/);
    const href = await chart.locator('svg a').first().getAttribute('href');
    expect(href).toMatch(/^\/search\/\?q=%E8%AF%BE%E5%90%8E%E6%9C%8D%E5%8A%A1&year=\d{4}$/);
    await page.locator('[data-trend-province]').selectOption('广东省');
    await expect.poll(() => chart.locator('svg a').first().getAttribute('href')).toContain('province=');
    await page.locator('[data-trend-counts]').check();
    await expect.poll(() => chart.locator('svg a text:nth-of-type(2)').first().textContent()).toMatch(/^\d+$/);
    expect(new URL(page.url()).searchParams.get('term')).toBe('课后服务');
    await page.reload();
    await expect.poll(() => chart.locator('svg a').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-trend-counts]').isChecked()).toBe(true);
    const bar = chart.locator('svg a').first();
    const year = (await bar.locator('text').first().textContent())!;
    await bar.click();
    await page.waitForURL(/\/search\//);
    await answered(page);
    for (const meta of await page.locator('[data-search-results] .meta').allTextContents()) {
      expect(meta.startsWith('广东省')).toBe(true);
      expect(meta).toContain(year);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('templates and damaged reports', () => {
  it('are labelled in results and in the latest list, and ranked below bureaus’ own reports at equal relevance', async () => {
    const page = await browser().newPage();
    await page.goto(`${base()}/search/?q=${encodeURIComponent('双减')}`);
    await answered(page);
    const template = page.locator('[data-search-results] li', { has: page.locator('a[href*="2022-unknown-summary-plan"]') });
    expect(await template.locator('.note-tag').textContent()).toBe('范文模板');
    await page.goto(`${base()}/`);
    const latest = page.locator('#latest + ul li', { has: page.locator('a[href="/reports/2022-unknown-summary-plan/"]') });
    expect(await latest.locator('.note-tag').textContent()).toBe('范文模板');
    await page.close();
  });
});
