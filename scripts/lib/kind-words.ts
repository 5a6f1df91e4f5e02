/**
 * The words that tell a report's kind, in one place: a review looks back (工作总结), a plan looks
 * ahead (工作要点, 工作计划). Each reader asks its own question of them: whether a line names a
 * report kind at all, which kind a title part is, which part of the report a chapter opens.
 */

/** Nouns a review goes by. */
const reviewNouns = ['总结', '小结', '盘点', '回顾', '成效', '报告', '情况'] as const;
/** Nouns a plan goes by. */
const planNouns = ['要点', '计划', '思路', '打算', '安排', '部署'] as const;

type KindNoun = (typeof reviewNouns)[number] | (typeof planNouns)[number];

const anyOf = (words: readonly string[]): RegExp => new RegExp(words.join('|'));

/** A title that names a report kind: any review or plan noun. */
export const reportKindWord = anyOf([...reviewNouns, ...planNouns]);

/** A title part that looks back: a review noun, or 亮点. */
export const summaryWord = anyOf([...reviewNouns, '亮点']);

/** A title part that looks ahead: a plan noun, or 重点, 目标, 下一步, 展望. */
export const planWord = anyOf([...planNouns, '重点', '目标', '下一步', '展望']);

/**
 * A chapter heading that opens the plan part. Stricter than a title: a reviewing chapter may name
 * its 部署, 重点 or 目标, so those count only as 重点工作 and 工作目标.
 */
export const planHeading = anyOf([...planNouns.filter((w) => w !== '部署'), '下一步', '展望', '重点工作', '工作目标']);

/** A chapter heading that opens the review part: 回顾, 总结, 成效 and the phrases that head a review's chapters. */
export const reviewHeading = anyOf([
  ...(['回顾', '总结', '成效'] as const satisfies readonly KindNoun[]),
  '亮点',
  '完成情况',
  '主要工作',
  '基本情况',
  '工作情况',
  '主要做法',
]);

/** An opening paragraph (its first 300 characters) of a plan: 思路, 要点, 计划, or 将 after anything but a digit. */
export const planOpening = anyOf([...(['思路', '要点', '计划'] as const satisfies readonly KindNoun[]), '[^\\d]将']);

/** The nouns a title glued to the first sentence ends with (`cutGluedHead`), as a regex alternation. */
export const gluedTitleEnd = (['总结', '小结', '要点', '计划', '安排', '思路', '报告'] as const satisfies readonly KindNoun[]).join('|');
