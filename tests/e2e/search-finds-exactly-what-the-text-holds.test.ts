import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, collectErrors, countDialogs } from './browser.ts';

const browser = browserForFile();

const resultSlugs = (page: Page) =>
  page
    .locator('[data-search-results] li > a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]!).sort());

async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto(`${inject('baseUrl')}/search/?q=${encodeURIComponent(query)}`);
  await page
    .locator('[data-search-status]')
    .filter({ hasText: /找到|没有/ })
    .waitFor();
}

describe('the search page', () => {
  it('returns the reports that contain 双减, not 庆元 2020, each with its match marked', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await searchFor(page, '双减');
    const slugs = await resultSlugs(page);
    for (const slug of [
      '2021-guangdong-yangjiang-summary-plan',
      '2021-jiangxi-nanchang-summary-plan',
      '2021-guangdong-zhanjiang-mazhang-summary',
      '2022-unknown-summary-plan',
    ]) {
      expect(slugs).toContain(slug);
    }
    expect(slugs).not.toContain('2020-zhejiang-lishui-qingyuan-summary-plan');
    const items = page.locator('[data-search-results] li');
    await expect.poll(() => page.locator('[data-search-results] li:has(mark)').count()).toBe(await items.count());
    for (let i = 0; i < (await items.count()); i++) expect(await items.nth(i).locator('mark').first().textContent()).toBe('双减');
    expect(await items.first().locator('a').getAttribute('href')).toMatch(/#(p|sec)-\d+$/);
    expect(await page.locator('[data-search-more]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the same reports for the Traditional 雙減', async () => {
    const page = await browser().newPage();
    await searchFor(page, '双减');
    const simplified = await resultSlugs(page);
    await searchFor(page, '雙減');
    expect(await resultSlugs(page)).toEqual(simplified);
    await page.close();
  });

  it('finds 麻章 when asked for its city 湛江', async () => {
    const page = await browser().newPage();
    await searchFor(page, '湛江');
    expect(await resultSlugs(page)).toContain('2021-guangdong-zhanjiang-mazhang-summary');
    await page.close();
  });

  it('keeps a province filter from the URL and shows only that province', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}/search/?q=${encodeURIComponent('学位')}&province=${encodeURIComponent('广东省')}`);
    await page.locator('[data-search-status]').filter({ hasText: /找到/ }).waitFor();
    const metas = await page.locator('[data-search-results] .meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta.startsWith('广东省')).toBe(true);
    expect(await page.locator('select[name=province]').inputValue()).toBe('广东省');
    await page.close();
  });

  it('searches as you type, after a pause, and the back button returns to the last search', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}/search/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('阳江');
    await page.keyboard.press('Enter');
    await page.locator('[data-search-status]').filter({ hasText: '阳江' }).waitFor();
    await page.locator('[data-search-input]').fill('麻章');
    await page.keyboard.press('Enter');
    await page.locator('[data-search-status]').filter({ hasText: '麻章' }).waitFor();
    await page.goBack();
    await expect.poll(() => page.locator('[data-search-input]').inputValue()).toBe('阳江');
    await page.locator('[data-search-input]').press('Escape');
    await expect.poll(() => page.locator('[data-search-results] li').count()).toBe(0);
    await page.close();
  });

  it('fills in filter counts after the results, and answers again after a failed shard', async () => {
    const page = await browser().newPage();
    await searchFor(page, '学位');
    // Counts arrive after the results: every province option shows one, and they add up.
    await expect.poll(() => page.locator('select[name=province] option').count()).toBeGreaterThan(2);
    const total = Number((await page.locator('[data-search-status]').textContent())!.match(/找到 (\d+) 篇/)![1]);
    const counts = await page
      .locator('select[name=kind] option')
      .evaluateAll((options) => options.slice(1).map((o) => Number(o.textContent.match(/（(\d+)）/)![1])));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);

    // Every shard request fails (each is retried once) until the failure is shown.
    let failing = true;
    await page.route('**/search/shard/**', async (route) => {
      if (failing) await route.abort();
      else await route.continue();
    });
    await page.locator('[data-search-input]').fill('课后服务');
    await page.locator('[data-search-input]').press('Enter');
    await page.locator('[data-search-status]').filter({ hasText: '网络连接失败' }).waitFor();
    failing = false;
    await page.locator('[data-search-input]').press('Enter');
    await page
      .locator('[data-search-status]')
      .filter({ hasText: /找到 \d+ 篇包含“课后服务”/ })
      .waitFor();
    expect(await page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('keeps a hostile query as inert text', async () => {
    const page = await browser().newPage();
    const dialogs = countDialogs(page);
    await searchFor(page, '<img src=x onerror=alert(1)>');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('[data-search-status]').textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(dialogs()).toBe(0);
    await page.close();
  });
});
