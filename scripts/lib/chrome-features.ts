import { signatureDate } from './dates.ts';
import { reportKindWord } from './kind-words.ts';
import { numbered } from './numbering.ts';

/**
 * Features of site-chrome lines, written for the shapes government, template and
 * document-sharing sites share. A line's features say what it may be; its place relative to the
 * title and the first body paragraph decides (see strip-chrome).
 */

/** Removes the spaces of a label spelled out one character at a time: 索 引 号 → 索引号. */
export function squeezeLabel(line: string): string {
  return line.replace(/(?<=(?:^|\s)\p{Script=Han}) (?=\p{Script=Han}(?:\s|[:：]|$))/gu, '');
}

/** Labels of page meta and government disclosure tables, at a line's start. */
const metaLabel =
  '来源|信息来源|文章来源|稿件来源|时间|发布时间|发表时间|发布日期|发文日期|成文日期|生成日期|公文生成日期|公开日期|废止日期|更新时间|上传时间|日期|作者|编辑|责任编辑|审核|浏览(?:次数|量|数)?|访问量|访问次数|点击(?:数|率|量)?|阅读(?:量|数|次数)?|信息索引号|索引号|发布机构|发文机关|发布单位|主题分类|体裁分类|公开分类|法定主动公开分类|分类|公开方式|公开范围|公开时限|公开形式|公开程序|有效期|效力状况|文件编号|备注/文号|文号|主题词|关键词|信息名称|标题|内容概述|字体|字号|选择阅读字号|上传人|文档编号|格式|页数|大小';

/** Meta lines: a label with a colon or a value after it (来源：…, 索 引 号 XM…, 发布机构 …局). */
export const metaLine = new RegExp(`^[•·●\\-–]?\\s*【?(?:${metaLabel})\\s*(?:[:：]|】|\\s+\\S|$)`);

/** A disclosure-table label alone on its line (its value follows on the next line). */
export const disclosureLabel = new RegExp(`^(?:${metaLabel}|主题|体裁|文件下载)$`);

/** Breadcrumb trails: 您当前所在位置, 首页 > …, a line of `>`-joined items. */
export const breadcrumb =
  /^(?:您(?:当前|现在)?(?:所在)?的?位置|当前位置|你的位置|你当前所在位置|所在位置|您的位置)|首页\s*(?:[>＞»›]|\/|$)|^\s*(?:>|>>|＞|›|»)\s*\S|(?:\S{1,10}\s*(?:>>?|＞|›|»)\s*){2,}/;

/** What every breadcrumb holds: checked first, since the trail pattern is slow on long lines that hold none. */
const breadcrumbMark = /位置|首页|[>＞»›]/;

/** Site footers: sponsor, maintainer, registration numbers, copyright. */
export const footer =
  /主办单位|承办单位|主管单位|管理维护|维护单位|技术支持[:：]|网站标识码|ICP备|ICP证|公网安备|备案(?:序)?号|Copyright|©|版权所有|All Rights Reserved|网站报障|网站地图|隐私(?:申明|声明|政策)|关于我们|联系我们|网站帮助|建议使用.{0,20}浏览器|分辨率|侵权投诉|投诉举报|客服热线|服务热线/i;

/** Site greetings, accessibility toggles, widgets and logo alt text. */
export const siteWidget =
  /^(?:欢迎(?:访问|来到|光临)|您好[,，]?欢迎)|欢迎您[!！]?$|^今天是[:：]?|^关怀版$|^长者版$|无障碍(?:浏览|阅读)?$|^(?:\d+[.、]\s*)?(?:本站|网站)支持IPV6|^(?:\d+[.、]\s*)?繁体版$|logo$|^热搜(?:词)?[:：]|^热门搜索|显示全部表格信息|^图片$|^<image>|data:image\//i;

/** Document-sharing and 范文-site chrome: uploads, downloads, members, page markers, editor intros. */
export const documentSharing =
  /原创力文档|道客巴巴|豆丁网|百度文库|人人文库|文库网|金锄头|book118|doc88|docin|淘文阁|课桌文档|本文档由.{0,20}上传|用户上传|由会员分享|可在线阅读|下载后可编辑|侵权.{0,6}删除|免费下载|文档贡献者|下载券|立即下载|下载本文档|全文阅读已结束|本文档共\s*\d+\s*页|转藏|献花|下载文档|文档下载|VIP|开通会员|会员免费|珍藏版|已阅读\s*\d+\s*页|请在.{1,20}上搜索|点击查看更多|资源描述|推荐度|小编|整理的.{0,60}供(?:大家|您)参考|希望(?:给|对)你|猜你(?:可能)?喜欢|为您提供|最新最全|仅供(?:学习)?参考|切勿通篇使用|立即了解|写作神器|返回\s+下载|举报$|^第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页$|^[-—–]\s*\d{1,3}\s*[-—–]$|^\d{1,3}\s*[/／]\s*\d{1,3}$|^第\s*\d{1,3}\s*页$|_第\d+页$|\.(?:docx?|pdf|wps)$/i;

/** Social-media repost chrome: follow prompts, QR codes, read-more and like buttons, previous issues. */
export const socialRepost =
  /点击上方.{0,8}(?:关注|蓝字)|关注我们|长按(?:识别|扫码)|二维码|阅读原文|往期(?:推荐|回顾|精彩)|分享.{0,4}点赞.{0,4}在看|点个?[“"]?在看|设为星标|^(?:转发|点赞|在看|收藏)$|在手机(?:上)?打开|手机扫一扫|^上一篇[:：]|^下一篇[:：]/;

/** A document viewer's banner, chrome at any length: 《…》由会员分享，可在线阅读，更多相关…请在…上搜索. */
export const viewerBanner = /由会员分享|可在线阅读|请在.{1,20}上搜索|分享文档赚钱/;

/** Template-site markers: essays offered as 范文, question banks, picture lists. */
export const templateSite = /范文|试题库|作文网|字典网|文档网|范文网|学习啦|PWA/;

/** Short action and section labels: print, close, share, attachments, related links. */
export const actionLabel =
  /^(?:【\s*)?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回顶部|回到顶部|顶部|收藏(?:本页)?|分享(?:到)?|转载分享|扫一扫|智能问答|官方微信|微信|微博|咨询|投诉|建议|无障碍|长者模式|适老化|关怀版|繁体版?|简体版?|English|移动版|网站支持IPv6|上一篇|下一篇|相关文件|相关附件|文档附件|附件(?:列表)?|相关链接|原文链接|政策解读(?:链接)?|法定主动公开内容|主动公开|txt下载|下载|视力保护色|评论|点赞|视频|登录|注册|搜索|返回|举报|相关)(?:\s*】)?\s*(?:[:：].{0,16})?$/i;

/** Headers of related-article lists: everything after one in the tail is chrome. */
export const relatedHeader =
  /^(?:[-•·]\s*)?(?:相关推荐|相关文章|相关阅读|相关新闻|相关信息|推荐阅读|热门文章|热门推荐|猜你喜欢|延伸阅读|往期推荐|往期回顾|更多)[:：]?$/;

/** An editor's lead or pointer wrapped around a reposted document: 近日，…印发《…》, 全文如下. */
export const editorLead =
  /^(?:近日|日前|近期|最近)[,，]?.{0,30}(?:印发|发布|出台|公布)|一起来看|全文如下[:：]?$|原文如下[:：]?$|详见下文|[↓⬇]{2,}/;

/** Paywall and preview elisions: a line of dots, a forum's `…` cut-off, a 未完 stub. */
export const elision = /^(?:[.…·]{3,}|…+)$|^\S{0,6}\s*\.{3}$|^[(（]未(?:完.{0,6})?[)）]?$/;

/** Navigation rows: three or more short items joined by separators, or a short bullet item. */
export function isNavigation(line: string): boolean {
  if (/^[•·●▪◆■□>＞]\s*\S{1,12}$/.test(line)) return true;
  const items = line.split(/\s*(?:\||｜| - | — |·|\s{2,}|\s)\s*/).filter(Boolean);
  return items.length >= 4 && items.every((item) => item.length <= 6 && !/[。；！？，,]/.test(item));
}

/** A note under a signature on how the document is published: （此件公开发布）. */
export const publicationNote = /^[(（]此件.{0,8}[)）]$/;

/** Lines that end a document legitimately: a signing body, a date, a publication note. */
export function isSignature(line: string): boolean {
  return (
    /^[\p{Script=Han}]{2,24}(?:局|委员会|政府|办公室|学校|中心)$/u.test(line) ||
    signatureDate.test(line) ||
    publicationNote.test(line) ||
    /〔\d{4}〕\d+号/.test(line)
  );
}

/** A plausible title line: short, names a report kind, does not read as a sentence. */
export function isTitleCandidate(line: string): boolean {
  return (
    line.length >= 5 &&
    line.length <= 90 &&
    reportKindWord.test(line) &&
    /\p{Script=Han}/u.test(line) &&
    !/[。；！？，,]|[:：]$/.test(line.replace(/。$/, '')) &&
    !numbered.test(line) &&
    !isChromeLine(line)
  );
}

/** Past this length only a meta label at the start or a viewer's banner makes a line chrome. */
const longLine = 160;

/** Lines that are chrome wherever they stand. */
export function isChromeLine(raw: string): boolean {
  // A line this long is a paragraph unless it opens with a meta label or is a viewer's banner.
  if (raw.length > longLine) return metaLine.test(raw) || (raw.length <= 300 && viewerBanner.test(raw));
  const line = squeezeLabel(raw);
  return (
    metaLine.test(line) ||
    disclosureLabel.test(line) ||
    (breadcrumbMark.test(line) && breadcrumb.test(line)) ||
    siteWidget.test(line) ||
    editorLead.test(line) ||
    elision.test(line) ||
    (line.length <= 120 && footer.test(line)) ||
    (line.length <= 80 && documentSharing.test(line)) ||
    (line.length <= 300 && viewerBanner.test(line)) ||
    (line.length <= 80 && socialRepost.test(line)) ||
    isNavigation(line)
  );
}
