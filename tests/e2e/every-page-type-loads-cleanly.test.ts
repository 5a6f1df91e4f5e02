import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeContext, axeViolations, browserForFile, collectErrors } from './browser.ts';

const pages = {
  home: '/',
  report: '/reports/2021-jiangxi-nanchang-summary-plan/',
  'report-traditional-source': '/reports/2022-unknown-summary-plan/',
  regions: '/regions/',
  'all-reports': '/reports/',
  'region-province': '/regions/guangdong/',
  region: '/regions/guangdong/zhanjiang/mazhang/',
  years: '/years/',
  year: '/years/2021/',
  search: '/search/',
  compare: '/compare/',
  'compare-filled': '/compare/?r=2021-guangdong-zhanjiang-mazhang-summary&r=2022-guangdong-zhanjiang-mazhang-summary',
  trends: '/trends/',
  'search-filled': '/search/?q=%E5%AD%A6%E4%BD%8D',
  'not-found': '/no-such-page/',
};

const browser = browserForFile();
beforeAll(() => {
  mkdirSync('test-results/screenshots', { recursive: true });
});

describe.each([375, 1280])('at %i px wide', (width) => {
  it.each(Object.entries(pages))('the %s page loads with an empty console, fits the screen and passes axe', async (name, path) => {
    const context = await axeContext(browser(), width);
    const page = await context.newPage();
    const errors = collectErrors(page);
    const response = await page.goto(`${inject('baseUrl')}${path}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(name === 'not-found' ? 404 : 200);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).not.toBe('');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: name !== 'report' });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors.filter((e) => !(name === 'not-found' && e.includes('404')))).toEqual([]);
    await context.close();
  });
});
