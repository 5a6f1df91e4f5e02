import { describe, expect, it } from 'vitest';
import { normalizeBytes, normalizePath } from '../helpers.ts';

const run = (name: string) => normalizePath(`tests/fixtures/raw/${name}`);

describe('pages in the shapes real captures take', () => {
  it('a government page loses its greeting, toggles, hot words and a disclosure table flattened one field a line', () => {
    const r = run('gov-disclosure-table.txt');
    expect(r.data.title).toBe('桐乡市教育局2022年工作总结');
    expect(r.data.region).toMatchObject({ county: '桐乡市', city: '嘉兴市', province: '浙江省' });
    expect(r.body).not.toMatch(
      /欢迎访问|IPV6|繁体版|关怀版|logo|热搜词|当前位置|信息索引号|002588765|发文日期|公开方式|科技、教育--教育|内容概述|显示全部表格信息|浏览次数/,
    );
    expect(r.body.trimStart().startsWith('2022年，全市教育系统坚持立德树人根本任务')).toBe(true);
    expect(r.data.source.origin).toBe('official');
    expect(r.data.posted).toBe('2023-01-09');
  });

  it('a document viewer loses uploader, page thumbnails and banners, and its page markers are rejoined mid-word and mid-number', () => {
    const r = run('docshare-viewer-markers.txt');
    expect(r.data.title).toBe('县教育局2020年工作总结及2021年工作计划');
    expect(r.data.rawTitle).toMatch(/_第\d页$|\.docx$/);
    expect(r.body).toContain('新建标准化运动场12个');
    expect(r.body).toContain('交流轮岗校长教师213人');
    expect(r.body).not.toMatch(/上传人|文档编号|举报|_第1页|共9页|点击查看更多|资源描述|由会员分享|珍藏版|\.docx/);
    expect(r.body.trimStart().startsWith('一、2020年工作总结')).toBe(true);
    expect(r.data.cleaning.chrome).toEqual(
      expect.arrayContaining([
        { text: '2、', why: 'page-marker' },
        { text: '3、', why: 'page-marker' },
      ]),
    );
    expect(r.data).toMatchObject({ yearsReviewed: [2020], yearsPlanned: [2021], kind: 'summary-plan' });
  });

  it('a capture without line breaks is cut into page counter, title, editor intro and body, and takes the title the intro names', () => {
    const r = run('fanwen-glued-head.txt');
    expect(r.data.title).toBe('区教育局2019年工作小结');
    expect(r.data.titleFrom).toBe('intro');
    expect(r.body).not.toMatch(/第1页共3页|小编|请大家参阅|XX年工作小结/);
    expect(r.body).toContain('一、工作小结2019年，区教育局围绕区委区政府工作部署');
    expect(r.data.yearsReviewed).toEqual([2019]);
  });

  it('a capture that starts in the body is published untitled, with a warning, its plan year and the place it names', () => {
    const r = run('untitled-body-start.txt');
    expect(r.data.title).toBe('（无标题）');
    expect(r.data.titleFrom).toBe('none');
    expect(r.messages.join('\n')).toMatch(/published as untitled/);
    expect(r.body).toContain('2023年是全面贯彻落实党的二十大精神的开局之年');
    expect(r.data).toMatchObject({ yearsPlanned: [2023], yearsReviewed: [], kind: 'plan' });
    expect(r.data.region).toMatchObject({ province: '浙江省', city: '嘉兴市', county: null });
  });

  it('pinyin readings, emoji and invisible characters are removed and counted by kind', () => {
    const r = run('pinyin-annotated-mirror.txt');
    expect(r.body).toContain('推进教育均衡发展');
    expect(r.body).toContain('城乡教育一体化深入推进');
    expect(r.body).not.toMatch(/\(fā\)|\(xiāng\)|🎉|\u202e/u);
    expect(r.data.cleaning.annotations).toEqual([
      { kind: 'pinyin', count: 3 },
      { kind: 'noise', count: 1 },
      { kind: 'invisible', count: 1 },
    ]);
    expect(r.data.title).toBe('区教育局工作总结');
    expect(r.data.rawTitle).toBe('最新区教育局工作总结');
    expect(r.body).not.toMatch(/学习啦|欢迎来到/);
  });

  it('a text romanized wholesale into toneless pinyin is published marked damaged', () => {
    const r = run('toneless-pinyin-damaged.txt');
    expect(r.data.damaged?.reason).toMatch(/无声调拼音/);
    expect(run('gov-disclosure-table.txt').data.damaged).toBeNull();
  });

  it("an editor's lead and pointer around a reposted document are chrome", () => {
    const r = run('editor-lead-repost.txt');
    expect(r.data.title).toBe('绍兴市教育局2023年工作要点');
    expect(r.body).not.toMatch(/近日|一起来看|全文如下/);
    expect(r.data.region.city).toBe('绍兴市');
  });

  it('a notice title without its notice is turned into the title of what it publishes', () => {
    const r = run('notice-title-only.txt');
    expect(r.data.title).toBe('湖州市教育局2022年工作总结和2023年工作要点');
    expect(r.data.titleFrom).toBe('notice');
    expect(r.data).toMatchObject({ yearsReviewed: [2022], yearsPlanned: [2023], kind: 'summary-plan' });
    expect(r.body).not.toMatch(/您现在的位置|政务公开|发布日期|字体/);
  });

  it('a conference report joins its slogan and subtitle, and reviews the year before the one it plans', () => {
    const r = run('conference-report.txt');
    expect(r.data.title).toBe('凝心聚力 奋勇争先 全力推进教育高质量发展——在2019年全市教育工作会议上的报告');
    expect(r.data).toMatchObject({ yearsReviewed: [2018], yearsPlanned: [2019], kind: 'summary-plan' });
    expect(r.body).not.toMatch(/记者站|浏览数/);
    expect(r.body).toContain('（2019年3月12日）');
  });

  it('the source’s own 〖〗 never become the cleaner’s restoration marks', () => {
    const bytes = new TextEncoder().encode(
      '区教育局2021年工作总结\n〖篇一〗2021年，全区教育系统坚持立德树人根本任务，推进教育优质均衡发展，各项工作取得新进展，办好人民满意的教育。',
    );
    const r = normalizeBytes(bytes, 'brackets.txt');
    expect(r.body).toContain('【篇一】2021年');
    expect(r.body).not.toMatch(/[〖〗]/);
    expect(r.data.cleaning.restorations).toEqual([]);
    expect(r.data.cleaning.annotations).toEqual([{ kind: 'brackets', count: 2 }]);
  });

  it('a social-media repost loses its follow prompts, byline, previous issues and like buttons', () => {
    const r = run('wechat-repost.txt');
    expect(r.data.title).toBe('温州市教育局2024年工作要点');
    expect(r.body).not.toMatch(/蓝字|关注我们|温州教育发布|编辑：|往期推荐|入选全国名单|二维码|在看/);
    expect(r.body.trimEnd().endsWith('新增学位2.5万个。')).toBe(true);
  });

  it('a site’s long intro paragraph before a bureau’s titled line is not taken for the body', () => {
    const r = run('site-intro-before-title.txt');
    expect(r.data.title).toBe('永嘉县教育局2020年工作总结');
    expect(r.body).not.toContain('本站是一个专注于公文写作的平台');
    expect(r.body.trimStart().startsWith('2020年，全县教育系统坚持以人民为中心')).toBe(true);
    expect(r.data.region).toMatchObject({ county: '永嘉县', city: '温州市' });
  });

  it('non-characters of every plane and bidi overrides are removed and counted', () => {
    const text =
      '区教育局2021年工作总结\n2021年，全区教育系统坚持\u{10FFFF}立德树人根本任务\u{5FFFE}，推进教育优质均衡发展，各项工作取得新进展\u202e，办好人民满意的教育。';
    const r = normalizeBytes(new TextEncoder().encode(text), 'planes.txt');
    expect(r.body).toContain('坚持立德树人根本任务，推进');
    expect(r.data.cleaning.annotations).toEqual([{ kind: 'invisible', count: 3 }]);
  });
});
