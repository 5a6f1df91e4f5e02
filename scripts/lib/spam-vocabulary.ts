/**
 * Vocabulary of injected spam: gambling, pornography and link-farm terms that never belong in an
 * education report. These are features of spam in general, not strings of any one page.
 */
const brands = [
  '澳门',
  '葡京',
  '新葡京',
  '威尼斯人',
  '金沙',
  '永利',
  '太阳城',
  '博彩',
  '百家乐',
  '赌场',
  '赌博',
  '赌球',
  '彩票',
  '时时彩',
  '六合彩',
  '北京赛车',
  '幸运飞艇',
  '棋牌',
  '老虎机',
  '体育投注',
  '真人视讯',
  '电子游艺',
  '亚博',
  '开云',
  '九游',
  '乐鱼',
  '必威',
  'bet365',
  'BET365',
  '皇冠体育',
  '银河娱乐',
  '威廉希尔',
  '立博',
  '色情',
  '成人视频',
  '成人网站',
  '黄色网站',
  '无码',
  'av在线',
  'AV在线',
  '约炮',
  '裸聊',
  '一夜情',
];
const lures = [
  '娱乐',
  '官网',
  '网址',
  '首页',
  '平台',
  '注册',
  '开户',
  '下载',
  'app',
  'APP',
  '网站',
  '游戏',
  '投注',
  '送彩金',
  '彩金',
  '登录',
  '入口',
  '线上',
  '网上',
];

/** A brand or vice word: where a spam run starts. */
export const spamStart = new RegExp(brands.map(escape).join('|'));

/** Whether a term is spam vocabulary: a vice word, or a lure word joined to an entertainment or casino term. */
export function isSpamTerm(term: string): boolean {
  if (spamStart.test(term)) return true;
  const lureCount = lures.filter((l) => term.includes(l)).length;
  return lureCount >= 2 && /娱乐|彩|赌|博/.test(term);
}

/** Inline spam without separators: a brand word followed closely by lure words. */
export const inlineSpam = new RegExp(
  `(?:${brands.map(escape).join('|')})[\\p{Script=Han}A-Za-z0-9]{0,8}?(?:${lures.map(escape).join('|')})(?:[\\p{Script=Han}A-Za-z0-9]{0,4}?(?:${lures.map(escape).join('|')}))*`,
  'gu',
);

/** Link-farm lines: picture-gallery and similar bait offered as "related" links. */
export const linkFarmLine = /^[\p{Script=Han}A-Za-z0-9]{0,12}(?:图片大全|美女图片|写真|美图|壁纸大全|视频大全|小说大全)$/u;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
