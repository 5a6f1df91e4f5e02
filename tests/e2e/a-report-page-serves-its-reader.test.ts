import { describe, expect, inject, it } from 'vitest';
import { browserForFile, collectErrors, countDialogs } from './browser.ts';

const report = '/reports/2021-jiangxi-nanchang-summary-plan/';
const browser = browserForFile();

describe('a report page', () => {
  it('reads fully with JavaScript off', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}${report}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('南昌市教育局2021年工作总结及2022年工作要点');
    const body = await page.locator('[data-report-body]').innerText();
    expect(body).toContain('全力维护校园安全稳定');
    expect(body.length).toBeGreaterThan(10_000);
    expect(await page.locator('[data-report-body] ins.restored').count()).toBe(4);
    await context.close();
  });

  it('has table-of-contents links that all land on a heading', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}${report}`);
    const targets = await page.locator('.toc a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash.slice(1)));
    expect(targets.length).toBeGreaterThan(30);
    for (const id of targets) {
      const tag = await page.evaluate((x) => document.getElementById(x)?.tagName ?? null, id);
      expect(tag, id).toMatch(/^H[2-5]$/);
    }
    await page.locator('.toc a').nth(3).click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe(`#${targets[3]}`);
    await page.close();
  });

  it('gives every paragraph a stable anchor', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}${report}#p-5`);
    const ids = await page.locator('[data-report-body] p').evaluateAll((ps) => ps.map((p) => p.id));
    expect(ids.every((id, i) => id === `p-${i + 1}`)).toBe(true);
    await page.close();
  });

  it('links the raw text, served as plain text', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}${report}`);
    const href = await page.locator('a', { hasText: '查看原始抓取文本' }).getAttribute('href');
    const response = await page.request.get(`${inject('baseUrl')}${href}`);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await response.text()).toContain('澳门华都网上娱乐|华都娱乐首页|2021年工作总结及2022年工作要点');
    await page.close();
  });

  it('offers Markdown and JSON downloads that match the page', async () => {
    const base = inject('baseUrl');
    const json = (await (await fetch(`${base}/reports/2021-jiangxi-nanchang-summary-plan.json`)).json()) as { title: string; body: string };
    expect(json.title).toBe('南昌市教育局2021年工作总结及2022年工作要点');
    const md = await (await fetch(`${base}/reports/2021-jiangxi-nanchang-summary-plan.md`)).text();
    expect(md.startsWith('---\n{')).toBe(true);
    expect(md).toContain(json.body.slice(0, 200));
  });

  it('switches to Traditional characters and back', async () => {
    const page = await browser().newPage();
    const errors = collectErrors(page);
    await page.goto(`${inject('baseUrl')}/reports/2021-guangdong-zhanjiang-mazhang-summary/`);
    const toggle = page.locator('[data-script-toggle]');
    await toggle.click();
    await expect.poll(() => page.locator('[data-report-body] h2').first().textContent()).toBe('（一）夯實黨建工作');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => page.locator('[data-report-body] h2').first().textContent()).toBe('（一）夯实党建工作');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('hostile text in a report', () => {
  it('shows as text: no dialog fires and no injected element exists', async () => {
    const page = await browser().newPage();
    const dialogs = countDialogs(page);
    await page.goto(`${inject('baseUrl')}/reports/2021-zhejiang-hangzhou-linan-summary/`, { waitUntil: 'networkidle' });
    expect(await page.locator('h1').textContent()).toBe('临安区教育局2021年工作总结<script>alert(1)</script>');
    const body = page.locator('[data-report-body]');
    expect(await body.locator('img, iframe, script, b, a[href^="javascript"]').count()).toBe(0);
    expect(await body.innerText()).toContain('<img src=x onerror=alert(1)>');
    await page.locator('[data-report-body] p').first().hover();
    expect(dialogs()).toBe(0);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await page.close();
  });
});
