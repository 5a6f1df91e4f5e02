import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizePath, seedPath } from '../helpers.ts';

const seed = (n: string) => normalizePath(seedPath(n));

describe('seed 000, a city bureau page with site chrome', () => {
  const r = seed('000');
  it('has its title, region, years and posted date', () => {
    expect(r.data.title).toBe('阳江市教育局2021年实施妇女儿童发展规划工作总结');
    expect(r.data.region).toEqual({ province: '广东省', city: '阳江市', county: null, code: '441700', level: 'city' });
    expect(r.data.yearsReviewed).toEqual([2021]);
    expect(r.data.yearsPlanned).toEqual([2022]);
    expect(r.data.posted).toBe('2022-01-04');
  });
  it('keeps no header, footer or empty label line', () => {
    for (const chrome of [
      '智能问答',
      '无障碍',
      '关于我们',
      '主办单位',
      '管理维护',
      '网站标识码',
      '备案序号',
      '网站报障',
      '粤公网安备',
      '相关文件',
      '文档附件',
      '转载分享',
      '浏览量',
    ]) {
      expect(r.body).not.toContain(chrome);
    }
    expect(r.data.cleaning.chrome).toContainEqual({ text: '主办单位:阳江市人民政府办公室', why: 'chrome-line' });
  });
  it('keeps the last sentence of the body', () => {
    expect(r.body.trim().endsWith('推动优质资源共享。')).toBe(true);
  });
});

describe('seed 001, a page whose bureau name was replaced by gambling spam', () => {
  const r = seed('001');
  it('keeps no trace of the injected strings in title or body', () => {
    expect(r.data.title).toBe('南昌市教育局2021年工作总结及2022年工作要点');
    for (const spam of ['澳门', '华都', '娱乐', '|']) expect(r.body).not.toContain(spam);
    expect(r.data.cleaning.chrome.map((c) => c.text).join('\n')).not.toMatch(/澳门|华都/);
  });
  it('records the spam it removed', () => {
    expect(r.data.cleaning.spam.map((s) => s.text)).toEqual(['澳门华都线上娱乐|澳门华都娱乐网址|', '澳门华都网上娱乐|华都娱乐首页|']);
    expect(r.data.cleaning.spam.reduce((n, s) => n + s.count, 0)).toBe(8);
  });
  it('drops the source line with its ?? marks', () => {
    expect(r.body).not.toMatch(/来源|发布日期|访问量|\?\?/);
  });
  it('restores the bureau name with its evidence in the title and inside 《》', () => {
    const title = r.data.cleaning.restorations.find((x) => x.at.startsWith('title'));
    expect(title?.text).toBe('南昌市教育局');
    expect(title?.evidence).toContain('洪教发〔2022〕1号');
    expect(title?.evidence).toMatch(/正文提到南昌市 \d+ 次/);
    expect(r.body).toContain('《〖南昌市教育局〗师德监管及“一票否决”实施办法');
    expect(r.body).toContain('洪教发〔2022〕1号〖南昌市教育局〗2021年工作总结及2022年工作要点');
  });
  it('marks the gap where nothing proves what the spam replaced', () => {
    expect(r.body).toContain('节能降耗、〖…〗、政务公开');
    expect(r.data.cleaning.gaps).toHaveLength(1);
  });
  it('resolves 南昌市, not 南昌县, and reads years, number and date', () => {
    expect(r.data.region).toEqual({ province: '江西省', city: '南昌市', county: null, code: '360100', level: 'city' });
    expect(r.data.yearsReviewed).toEqual([2021]);
    expect(r.data.yearsPlanned).toEqual([2022]);
    expect(r.data.docNumber).toBe('洪教发〔2022〕1号');
    expect(r.data.posted).toBe('2022-01-07');
  });
  it('passes 显著 through unchanged', () => {
    expect(readFileSync(seedPath('001'), 'utf8')).toContain('显著');
    expect(r.body).toContain('显著');
    expect(r.data.cleaning.convertedChars).toBe(0);
  });
});

describe('seed 002, a report published inside a 印发 notice', () => {
  const r = seed('002');
  it('takes the report, not the notice, as the title', () => {
    expect(r.data.title).toBe('庆元县教育局2020年工作总结暨2021年工作思路');
    expect(r.data.subtitle).toBe('聚力高质量发展 迈向教育现代化新征程');
  });
  it('records the notice as the wrapper and keeps it out of the body', () => {
    expect(r.data.notice).toMatchObject({
      title: '庆元县教育局关于印发2020年工作总结暨2021年工作思路的通知',
      recipients: '各中小学、幼儿园、成技校,局直属各单位',
      signedBy: '庆元县教育局',
      date: '2021-01-08',
    });
    expect(r.data.notice?.text).toContain('印发给你们');
    expect(r.body).not.toMatch(/印发给你们|此件公开发布|各中小学、幼儿园、成技校/);
  });
  it('keeps the index number and reads region, years and dates', () => {
    expect(r.data.indexNumber).toBe('002658260/2021-17205');
    expect(r.data.region.code).toBe('331126');
    expect(r.data.region).toMatchObject({ province: '浙江省', city: '丽水市', county: '庆元县' });
    expect(r.data.yearsReviewed).toEqual([2020]);
    expect(r.data.yearsPlanned).toEqual([2021]);
    expect(r.data.issued).toBe('2021-01-08');
    expect(r.data.posted).toBe('2021-01-12');
  });
  it('drops the disclosure labels and trailing attachment labels', () => {
    expect(r.body).not.toMatch(/法定主动公开内容|原文链接|政策解读链接|附件/);
  });
});

describe('seed 003, a district page that lost its first section number', () => {
  const r = seed('003');
  it('has title, region, years and posted date', () => {
    expect(r.data.title).toBe('2021年麻章区教育局工作成效盘点');
    expect(r.data.region).toEqual({ province: '广东省', city: '湛江市', county: '麻章区', code: '440811', level: 'county' });
    expect(r.data.yearsReviewed).toEqual([2021]);
    expect(r.data.yearsPlanned).toEqual([]);
    expect(r.data.posted).toBe('2021-12-31');
  });
  it('restores （一） and splits the heading 夯实党建工作 from its paragraph', () => {
    expect(r.body).toContain('## （一）夯实党建工作\n\n一是落实全面从严治党主体责任');
    expect(r.data.cleaning.renumbered).toBe(1);
    expect(r.data.sections[0]).toMatchObject({ heading: '（一）夯实党建工作', topic: '党建' });
  });
  it('drops navigation, breadcrumb, font line and the page tail', () => {
    for (const chrome of ['首页首页', '您当前所在位置', '视力保护色', '关闭', '智能问答', '官方微信', '投诉', '返回顶部', 'IPv6']) {
      expect(r.body).not.toContain(chrome);
    }
  });
});

describe('seed 004, a Traditional copy on a template site', () => {
  const r = seed('004');
  it('is Simplified throughout, with the 著 family right', () => {
    expect(r.data.title).toBe('区教育局关于2022年工作总结与2023年工作打算');
    expect(r.data.rawTitle).toMatch(/范文$/);
    expect(r.body).toContain('借助');
    expect(r.body).toContain('随着我区产业发展');
    expect(r.body).not.toMatch(/[總結範區關於雙減藉隨]/);
    expect(r.data.source.script).toBe('traditional');
    expect(r.data.cleaning.convertedChars).toBeGreaterThan(500);
  });
  it('keeps and counts the * redactions', () => {
    expect(r.body).toContain('\\*高新区（\\*区）');
    expect(r.data.cleaning.redactions).toBeGreaterThan(50);
  });
  it('leaves the region unknown rather than guessing', () => {
    expect(r.data.region).toEqual({ province: null, city: null, county: null, code: null, level: null });
    expect(r.data.issuer).toBeNull();
  });
  it('reads years and posted date and marks the masked text a template', () => {
    expect(r.data.yearsReviewed).toEqual([2022]);
    expect(r.data.yearsPlanned).toEqual([2023]);
    expect(r.data.posted).toBe('2023-11-13');
    expect(r.data.source.origin).toBe('template');
  });
  it('drops the template site chrome', () => {
    for (const chrome of ['静网', 'PWA', 'txt下载', '收藏', '相关推荐', '清纯唯美图片大全', '字典网', 'Copyright']) {
      expect(r.body).not.toContain(chrome);
    }
  });
});

describe('every Simplified seed', () => {
  it('passes the converter byte-identical', () => {
    for (const n of ['000', '001', '002', '003']) expect(seed(n).data.cleaning.convertedChars).toBe(0);
  });
});
