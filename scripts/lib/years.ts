import type { ReportKind } from '../../src/lib/report-schema.ts';
import { planWord, summaryWord } from './kind-words.ts';

/** The kind of one part of a title or heading: a review or a plan. */
type SingleKind = Exclude<ReportKind, 'summary-plan'>;

/** A year as written in a title: 2021年, 2021年度, or a bare 2020 before Han text (2020教育局…). */
const yearMention = /((?:19|20)\d{2})\s*(?:年|(?=\p{Script=Han}))/gu;

/** Whether a title part is a review or a plan: the last kind word decides, as the head noun of a Chinese phrase comes last. */
export function lastKind(part: string): SingleKind | null {
  const at = (re: RegExp) => Math.max(-1, ...[...part.matchAll(new RegExp(re.source, 'g'))].map((m) => m.index));
  const s = at(summaryWord);
  const p = at(planWord);
  return s === -1 && p === -1 ? null : s > p ? 'summary' : 'plan';
}

/** Years a title or heading reviews and plans, by the kind word that follows each year. */
export function yearsIn(text: string): { reviewed: number[]; planned: number[] } {
  const reviewed: number[] = [];
  const planned: number[] = [];
  for (const part of text.split(/及|暨|和|与|、|并/)) {
    const years = [...part.matchAll(yearMention)].map((m) => Number(m[1]));
    const kind = lastKind(part);
    if (kind === 'plan') planned.push(...years);
    else if (kind === 'summary') reviewed.push(...years);
  }
  return { reviewed, planned };
}

/** A conference report or a year's 工作报告 (given in year N): reviews N−1 and plans N. */
const workReport = /(\d{4})\s*年.{0,16}(?:会议上的(?:工作)?报告|会议上的讲话|工作报告)/;

/** Years a title reviews and plans, with the conventions titles leave implicit. */
export function titleYears(title: string): { reviewed: number[]; planned: number[] } {
  const report = title.match(workReport);
  if (report) {
    const n = Number(report[1]);
    return { reviewed: [n - 1], planned: [n] };
  }
  const y = yearsIn(title);
  const parts = title.split(/及|暨|和|与|、|并/).map(lastKind);
  // 工作总结暨工作计划(2023年): a title naming both parts but dating only one dates the other by it.
  if (parts.includes('summary') && parts.includes('plan')) {
    if (y.reviewed.length === 0 && y.planned.length) y.reviewed.push(Math.min(...y.planned) - 1);
    if (y.planned.length === 0 && y.reviewed.length) y.planned.push(Math.max(...y.reviewed) + 1);
  }
  return y;
}

/**
 * The year an opening paragraph speaks of, for a title that names none: the year it plans
 * (2025年是…之年, 2017年，…将…) for a plan, else the first year it names.
 */
export function openingYear(paragraph: string, kind: SingleKind): number | null {
  const head = paragraph.slice(0, 300);
  const planned = head.match(/((?:19|20)\d{2})\s*年(?:是|[,，][^。]{0,16}将)/);
  if (kind === 'plan' && planned) return Number(planned[1]);
  const first = head.match(/((?:19|20)\d{2})\s*年/);
  return first ? Number(first[1]) : null;
}
