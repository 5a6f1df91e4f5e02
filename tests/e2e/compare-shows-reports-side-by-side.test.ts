import { describe, expect, inject, it } from 'vitest';
import { axeContext, axeViolations, browserForFile, collectErrors } from './browser.ts';

const browser = browserForFile();

describe('comparing reports', () => {
  it('shows two years of one district aligned by topic, with the key figures in one table', async () => {
    const context = await axeContext(browser(), 1280);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}/compare/?r=2021-guangdong-zhanjiang-mazhang-summary&r=2022-guangdong-zhanjiang-mazhang-summary`);
    await page.locator('[data-topic]').first().waitFor();
    const party = page.locator('[data-topic="党建"] .compare-cell');
    expect(await party.count()).toBe(2);
    expect(await party.nth(0).locator('h3').first().textContent()).toBe('（一）夯实党建工作');
    expect(await page.locator('tr[data-figure="new-school-places"] td').allTextContents()).toEqual(['2,480（2021）', '2,800（2022） +320']);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/compare-two-1280.png', fullPage: true });
    await context.close();
  });

  it('offers on the year page a comparison of one bureau across the years, in chronological columns', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}/years/2021/`);
    await page.locator('[data-compare-suggestion]', { hasText: '麻章区' }).click();
    await page.locator('[data-topic]').first().waitFor();
    const slugs = new URL(page.url()).searchParams.getAll('r');
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    expect(slugs.every((s) => s.includes('-guangdong-zhanjiang-mazhang-'))).toBe(true);
    const columns = await page
      .locator('[data-compare-root] > ol.report-list > li a')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(columns[0]).toBe('/reports/2021-guangdong-zhanjiang-mazhang-summary/');
    expect(await page.locator('[data-topic]').first().locator('.compare-cell').count()).toBe(slugs.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a reader pick reports on a region page without typing slugs', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}/regions/guangdong/zhanjiang/mazhang/`);
    const boxes = page.locator('[data-compare-picker] input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.locator('[data-compare-picker] button').click();
    await page.locator('[data-topic]').first().waitFor();
    expect(new URL(page.url()).searchParams.getAll('r')).toHaveLength(2);
    await page.close();
  });

  it('links a plan to the report on the year it planned, and compares plan against outcome', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}/reports/2022-guangdong-zhanjiang-mazhang-plan/`);
    const link = page.locator('[data-plan-outcome]');
    expect(await link.textContent()).toContain('2022年计划 ↔ 2022年实际成效');
    await link.click();
    await page.locator('[data-topic]').first().waitFor();
    expect(await page.locator('main').textContent()).toContain('计划对照成效');
    const labels = await page.locator('[data-topic="双减与课后服务"] .col-label').allTextContents();
    expect(labels).toEqual(['2022年计划', '2022年成效']);
    const back = await browser().newPage();
    await back.goto(`${inject('baseUrl')}/reports/2022-guangdong-zhanjiang-mazhang-summary/`);
    expect(await back.locator('[data-plan-outcome]').count()).toBe(1);
    await back.close();
    await page.close();
  });

  it('charts a term per year with the reports behind each bar one click away', async () => {
    const context = await axeContext(browser(), 375);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}/trends/`);
    const chart = page.locator('[data-trend="双减"]');
    const bars = chart.locator('svg a');
    expect(await bars.count()).toBeGreaterThanOrEqual(3);
    const href = await bars.first().getAttribute('href');
    expect(href).toMatch(/^\/search\/\?q=%E5%8F%8C%E5%87%8F&year=\d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/trends-375.png', fullPage: true });
    await bars.filter({ hasText: '2021' }).locator('text').first().click();
    await page.locator('[data-search-status]').filter({ hasText: '找到' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
