import type { Topic } from '../../src/lib/report-schema.ts';

/** Keywords that signal each topic; a heading's words weigh more than its section's body. */
export const topicKeywords: Record<Exclude<Topic, '其他'>, RegExp> = {
  党建: /党建|党的建设|党组织|党员|党史|从严治党|党风廉政|意识形态|思政|思想政治|廉政|廉洁|党的领导/g,
  学前教育: /学前|幼儿园|入园|普惠|托育|保教/g,
  义务教育: /义务教育|小学|初中|均衡|控辍保学|随迁子女|招生入学/g,
  高中教育: /高中|高考|普高|多样化|选课走班/g,
  职业教育: /职业教育|职业学校|中职|职高|技工|产教融合|校企合作|职教/g,
  特殊教育: /特殊教育|特教|残疾|随班就读|送教上门|融合教育/g,
  高等与继续教育: /高校|大学|高等教育|开放大学|成人教育|继续教育/g,
  教师队伍: /教师|师资|师德|校长|名师|教研|职称|县管校聘|教师培训|人才/g,
  德育: /德育|立德树人|思想道德|心理健康|家庭教育|家校|未成年人|法治教育|禁毒/g,
  体育美育劳动: /体育|美育|劳动教育|艺术|体质|体卫艺|运动会|近视|卫生健康/g,
  双减与课后服务: /双减|课后服务|校外培训|作业|托管|课后/g,
  信息化: /信息化|智慧|数字|网络|平台|互联网|人工智能|班班通/g,
  学位与校舍: /学位|新建|改扩建|校舍|项目建设|基建|办学条件|用地|建筑面积|学校建设/g,
  学生资助: /资助|助学|奖学金|困难学生|营养改善|免费/g,
  校园安全: /安全|防溺水|欺凌|平安校园|消防|食品安全|校车|维稳|风险/g,
  疫情防控: /疫情|新冠|防疫|疫苗|核酸/g,
  督导与改革: /督导|改革|评价|考核|治理|依法治教|放管服|集团化|教育督导/g,
  民办教育: /民办|公参民/g,
  终身教育: /终身|老年|社区教育|老年大学|学习型/g,
  教育质量: /质量|教学|课堂|课程|中考|学业|提质/g,
  总体情况: /基本情况|总体|概况|发展规模|普及水平|主要指标/g,
  问题与不足: /问题|不足|短板|困难|差距|挑战/g,
};

const entries = Object.entries(topicKeywords) as [Topic, RegExp][];

/** Every keyword with the topics it counts for. */
const keywordTopics = new Map<string, number[]>();
entries.forEach(([, pattern], i) => {
  for (const word of pattern.source.split('|')) keywordTopics.set(word, [...(keywordTopics.get(word) ?? []), i]);
});
interface Keyword {
  word: string;
  /** The word's second UTF-16 unit, compared before the whole word (-1 for a one-unit word). */
  second: number;
  topics: number[];
}
/** Keyword lists, longest first (at each place the longest one counts), and by first UTF-16 unit the list's number + 1. */
const keywordLists: Keyword[][] = [];
const listOfUnit = new Uint16Array(0x10000);
for (const [word, topics] of [...keywordTopics].sort((a, b) => b[0].length - a[0].length)) {
  const unit = word.charCodeAt(0);
  if (listOfUnit[unit] === 0) listOfUnit[unit] = keywordLists.push([]);
  keywordLists[listOfUnit[unit]! - 1]!.push({ word, second: word.length > 1 ? word.charCodeAt(1) : -1, topics });
}

/**
 * Keyword hits of every topic in `text`, in taxonomy order: add them up over a section's parts.
 * One pass: where a keyword starts, the longest counts and the scan goes on after it.
 */
export function topicHits(text: string): number[] {
  const hits = entries.map(() => 0);
  let at = 0;
  scan: while (at < text.length) {
    const list = listOfUnit[text.charCodeAt(at)]!;
    if (list !== 0) {
      const next = text.charCodeAt(at + 1);
      for (const k of keywordLists[list - 1]!) {
        if ((k.second !== -1 && k.second !== next) || !text.startsWith(k.word, at)) continue;
        for (const i of k.topics) hits[i]!++;
        at += k.word.length;
        continue scan;
      }
    }
    at++;
  }
  return hits;
}

/** The topic with the most hits: heading hits count three times, body hits once; none is 其他. */
export function pickTopic(headingHits: number[], bodyHits: number[]): Topic {
  let best: Topic = '其他';
  let bestScore = 0;
  entries.forEach(([topic], i) => {
    const score = headingHits[i]! * 3 + bodyHits[i]!;
    if (score > bestScore) [best, bestScore] = [topic, score];
  });
  return best;
}
