import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizePath } from '../helpers.ts';

const dir = 'tests/fixtures/raw';
const run = (name: string) => normalizePath(`${dir}/${name}`);

describe('raw pages in the shapes other sites use', () => {
  it.each(readdirSync(dir))('%s matches its golden output', async (name) => {
    await expect(run(name).markdown).toMatchFileSnapshot(`../fixtures/goldens/${name.replace(/\.[^.]+$/, '')}.md`);
  });

  it('an HTML page loses scripts, styles, navigation, footer and print links, and settles 鼓楼区 by 福州', () => {
    const r = run('html-county-gulou.html');
    expect(r.data.title).toBe('鼓楼区教育局2022年工作总结');
    expect(r.data.region.code).toBe('350102');
    expect(r.data.source.format).toBe('html');
    expect(r.data.posted).toBe('2023-01-16');
    expect(r.body).not.toMatch(/_hmt|font-size|政务公开|主办单位|打印本页|关闭窗口|分享到|相关推荐|javascript/);
    expect(r.body).toContain('## 一、坚持党建引领，筑牢思想根基');
    expect(r.data.metrics.find((m) => m.key === 'new-school-places')).toMatchObject({ value: 2400, unit: '个', year: 2022 });
  });

  it('a GBK plan without a review is a plan for its year', () => {
    const r = run('gbk-luoyang-plan.txt');
    expect(r.data.source.encoding).toBe('GB18030');
    expect(r.data).toMatchObject({ kind: 'plan', yearsReviewed: [], yearsPlanned: [2023], posted: '2023-02-20' });
    expect(r.data.region.code).toBe('410300');
    expect(r.body).not.toMatch(/当前位置|打印|版权所有/);
  });

  it('Big5 Traditional from a Hong Kong mirror comes out Mainland Simplified', () => {
    const r = run('big5-tianhe-traditional.txt');
    expect(r.data.source).toMatchObject({ encoding: 'Big5', script: 'traditional' });
    expect(r.data.title).toBe('广州市天河区教育局2019年工作总结');
    expect(r.data.region.code).toBe('440106');
    expect(r.body).toContain('随着全区经济社会发展步伐，着力推进教育现代化，办学质量显著提升，涌现出一批著名品牌学校');
    expect(r.body).toContain('本着「引育并举」的原则');
    expect(r.body).toContain('着眼长远');
    expect(r.data.yearsPlanned).toEqual([2020]);
    expect(r.body).not.toMatch(/相关文章|返回顶部/);
  });

  it('Taiwan-style Traditional with 裡 and 教育委員會 resolves a Beijing district', () => {
    const r = run('taiwan-variant-haidian.txt');
    expect(r.data.title).toBe('北京市海淀区教育委员会2020年工作总结');
    expect(r.data.issuer).toBe('北京市海淀区教育委员会');
    expect(r.data.region).toMatchObject({ province: '北京市', county: '海淀区', code: '110108' });
    expect(r.body).toContain('校园里秩序井然');
    expect(r.body).toContain('着重培养');
    expect(r.data.posted).toBe('2021-01-12');
  });

  it('document-sharing text loses banners and page markers and gets its wrapped lines back', () => {
    const r = run('docshare-wuhou-wrapped.txt');
    expect(r.data.source.origin).toBe('document-sharing');
    expect(r.body).not.toMatch(/原创力|用户上传|第 1 页|- 2 -|下载文档/);
    expect(r.body).toContain('新增中小学学位5400个，新增学前教育学位1620个，有效缓解了成都中心城区学位紧张的问题。');
    expect(r.data.region.code).toBe('510107');
  });

  it('another spam vocabulary is removed and the county bureau restored from evidence', () => {
    const r = run('spam-anji-variant.txt');
    expect(r.data.title).toBe('安吉县教育局2022年工作总结');
    expect(r.body).not.toMatch(/太阳城|葡京|彩金|美女图片/);
    expect(r.body).toContain('《〖安吉县教育局〗教师队伍建设三年行动计划》');
    expect(r.data.region.code).toBe('330523');
    expect(r.data.cleaning.restorations[0]?.evidence).toContain('县教育局');
  });

  it('an 教育体育局 reads as the issuer, with summary and plan years', () => {
    const r = run('jinzhong-education-sports.txt');
    expect(r.data).toMatchObject({ issuer: '晋中市教育体育局', kind: 'summary-plan', yearsReviewed: [2022], yearsPlanned: [2023] });
    expect(r.data.region.code).toBe('140700');
    expect(r.data.sections.filter((s) => s.part === 'plan').map((s) => s.heading)).toContain('（一）推进教育强市建设。');
  });

  it('a three-level plan gets ##, ### and #### headings in order', () => {
    const r = run('xihu-plan-hierarchy.txt');
    expect(r.body).toContain('## 一、强化党建统领\n\n### （一）深化党建品牌建设\n\n1.打造“西湖先锋”党建品牌，');
    expect(r.data.region.code).toBe('330106');
    expect(r.data.kind).toBe('plan');
  });

  it('a notice with 《》 gives the report title, the wrapper and its date', () => {
    const r = run('notice-wrapper-guiyang.txt');
    expect(r.data.title).toBe('观山湖区教育局2021年工作要点');
    expect(r.data.notice).toMatchObject({
      signedBy: '贵阳市观山湖区教育局',
      date: '2021-02-26',
      recipients: '各中小学、幼儿园，局属各单位',
    });
    expect(r.data.issued).toBe('2021-02-26');
    expect(r.data.region.code).toBe('520115');
    expect(r.body).not.toContain('印发给你们');
  });

  it('XX redactions are kept and counted, and an XX county is not guessed', () => {
    const r = run('redactions-xx-template.txt');
    expect(r.data.region.code).toBeNull();
    expect(r.data.issuer).toBeNull();
    expect(r.data.cleaning.redactions).toBe(11);
    expect(r.body).toContain('在校学生XX人');
    expect(r.body).not.toMatch(/上一篇|下一篇|作文网/);
    expect(r.data.source.origin).toBe('template');
  });

  it('a lost third number is restored from the numbers around it', () => {
    const r = run('lost-number-third.txt');
    expect(r.body).toContain('## （三）义务教育优质均衡');
    expect(r.data.cleaning.renumbered).toBe(1);
  });

  it('a shared district name with no context leaves the region unknown, with a message', () => {
    const r = run('ambiguous-gulou.txt');
    expect(r.data.region.code).toBeNull();
    expect(r.data.issuer).toBe('鼓楼区教育局');
    expect(r.messages[0]).toMatch(/^鼓楼区 is ambiguous/);
  });

  it('GB2312 HTML in tables and UTF-16 text decode and clean', () => {
    const zaozhuang = run('gbk-html-zaozhuang.html');
    expect(zaozhuang.data).toMatchObject({ title: '枣庄市教育局2021年工作总结', posted: '2022-01-18' });
    expect(zaozhuang.data.region.code).toBe('370400');
    expect(zaozhuang.body).not.toMatch(/机构设置|Copyright|ICP/);
    const jilin = run('utf16-jilin-summary.txt');
    expect(jilin.data.source.encoding).toBe('UTF-16LE');
    expect(jilin.data.metrics.find((m) => m.key === 'aid-recipients')).toMatchObject({ value: 32000, unit: '人次' });
    expect(jilin.data.metrics.find((m) => m.key === 'aid-amount')).toMatchObject({ value: 2860, unit: '万元' });
  });
});
