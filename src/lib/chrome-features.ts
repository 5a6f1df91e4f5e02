/**
 * Features of site chrome lines, written for the shapes government, template and
 * document-sharing sites share; a line's place relative to the body decides the rest.
 */

/** Report kinds a title names. */
export const reportKindWord = /总结|要点|计划|思路|盘点|打算|安排|回顾|报告|成效|工作情况/;

/** Meta lines under a title: source, dates, counters, font switches. */
export const metaLine =
  /^(?:【?(?:来源|信息来源|文章来源|时间|发布时间|发布日期|发文日期|成文日期|更新时间|日期|作者|编辑|责任编辑|审核|浏览(?:次数|量)?|访问量|访问次数|点击(?:数|率|量)?|阅读(?:量|数|次数)?|索引号|发布机构|发文机关|主题分类|体裁分类|分类|字体|字号)\s*[:：]|【?字体)/;

/** Breadcrumb trails. */
export const breadcrumb = /^(?:您当前(?:所在)?的?位置|当前位置|您的位置|你的位置|你当前所在位置|所在位置)|首页\s*[>＞»›]/;

/** Site footers: sponsor, maintainer, registration numbers, copyright. */
export const footer =
  /主办单位|承办单位|主管单位|管理维护|维护单位|技术支持[:：]|网站标识码|ICP备|ICP证|公网安备|备案(?:序)?号|Copyright|©|版权所有|All Rights Reserved|网站报障|网站地图|隐私(?:申明|声明|政策)|关于我们|联系我们|网站帮助|建议使用.{0,20}浏览器|分辨率/i;

/** Document-sharing site banners and page markers (PDF and online-library captures). */
export const documentSharing =
  /原创力文档|道客巴巴|豆丁网|百度文库|人人文库|文库网|金锄头|book118|doc88|docin|本文档由.{0,20}上传|用户上传|下载后可编辑|侵权.{0,6}删除|免费下载|下载文档|VIP|开通会员|^第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页$|^[-—–]\s*\d{1,3}\s*[-—–]$|^\d{1,3}\s*[/／]\s*\d{1,3}$|^第\s*\d{1,3}\s*页$/i;

/** Template-site markers: essays offered as 范文, question banks, picture lists. */
export const templateSite = /范文|试题库|作文网|字典网|文档网|范文网|PWA/;

/** Short action and section labels: print, close, share, attachments, related links. */
export const actionLabel =
  /^(?:【\s*)?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回顶部|回到顶部|顶部|收藏(?:本页)?|分享(?:到)?|转载分享|扫一扫|智能问答|官方微信|微信|微博|咨询|投诉|建议|无障碍|长者模式|适老化|繁体版?|简体版?|English|移动版|网站支持IPv6|上一篇|下一篇|相关文件|相关附件|文档附件|附件|相关链接|原文链接|政策解读(?:链接)?|法定主动公开内容|主动公开|txt下载|下载|视力保护色|评论|点赞|视频|登录|注册|搜索)(?:\s*】)?\s*(?:[:：].{0,16})?$/i;

/** Headers of related-article lists: everything after one in the tail is chrome. */
export const relatedHeader = /^(?:相关推荐|相关文章|相关阅读|相关新闻|相关信息|推荐阅读|热门文章|热门推荐|猜你喜欢|延伸阅读|更多)[:：]?$/;

/** Navigation rows: three or more short items joined by separators, or a short bullet item. */
export function isNavigation(line: string): boolean {
  if (/^[•·●▪◆■□>＞]\s*\S{1,12}$/.test(line)) return true;
  const items = line.split(/\s*(?:\||｜| - | — |·|\s{2,})\s*/).filter(Boolean);
  return items.length >= 3 && items.every((item) => item.length <= 10 && !/[。；！？]/.test(item));
}

/** Lines that end a document legitimately: a signing body, a date, a publication note. */
export function isSignature(line: string): boolean {
  return (
    /^[\p{Script=Han}]{2,24}(?:局|委员会|政府|办公室|学校|中心)$/u.test(line) ||
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(line) ||
    /^[(（]此件.{0,8}[)）]$/.test(line) ||
    /〔\d{4}〕\d+号/.test(line)
  );
}

/** A plausible title line: short, names a report kind, does not read as a sentence. */
export function isTitleCandidate(line: string): boolean {
  return (
    line.length >= 6 &&
    line.length <= 90 &&
    reportKindWord.test(line) &&
    /\p{Script=Han}/u.test(line) &&
    !/[。；！？]$/.test(line) &&
    !/^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.．、])/.test(line) &&
    !isChromeLine(line)
  );
}

/** Lines that are chrome wherever they stand. */
export function isChromeLine(line: string): boolean {
  return (
    metaLine.test(line) ||
    breadcrumb.test(line) ||
    (line.length <= 120 && footer.test(line)) ||
    (line.length <= 60 && documentSharing.test(line)) ||
    isNavigation(line)
  );
}
