import type { Region, Report, Section } from './report-schema.ts';

/**
 * How kinds and regions read on the site. No dependencies, so the browser scripts share them
 * with the pages (`catalogue.ts` re-exports them for the pages).
 */

/** What a report without a known year or region reads as. */
export const unknownYearLabel = '年份不详';
export const unknownRegionLabel = '地区不详';

/** The labels of a report's parts where it has both: 总结部分, 计划部分 (nothing for other sections). */
export const partLabels: Record<Section['part'], string> = { review: '总结部分', plan: '计划部分', other: '' };

const kindLabels: Partial<Record<string, string>> = {
  summary: '工作总结',
  plan: '工作计划',
  'summary-plan': '总结与计划',
} satisfies Record<Report['kind'], string>;

/** Chinese label of a report kind; a value that is not a kind reads as itself. */
export function kindLabel(kind: string): string {
  return kindLabels[kind] ?? kind;
}

/** Whether a prefecture name is only the grouping of county-level cities a province administers directly (湖北省-自治区直辖县级行政区划). */
export function isPseudoCity(name: string): boolean {
  return name.endsWith('直辖县级行政区划');
}

/** Region names from province down, without repeating a municipality or naming a pseudo-prefecture: 广东省 湛江市 麻章区, 湖北省 仙桃市. */
export function regionNames(region: Region): string[] {
  return [region.province, region.city !== region.province ? region.city : null, region.county].filter(
    (n): n is string => Boolean(n) && !isPseudoCity(n!),
  );
}

/** The region as one line of text, or 地区不详. */
export function regionLabel(region: Region): string {
  return regionNames(region).join(' ') || unknownRegionLabel;
}

/** How a report's years read: 2021年总结 · 2022年计划; empty when it names none (see `yearsLabel`). */
export function yearsText(r: { yearsReviewed: readonly number[]; yearsPlanned: readonly number[] }): string {
  const parts = [];
  if (r.yearsReviewed.length) parts.push(`${r.yearsReviewed.join('、')}年总结`);
  if (r.yearsPlanned.length) parts.push(`${r.yearsPlanned.join('、')}年计划`);
  // A no-break space before the separator: a wrapped line never starts with it.
  return parts.join('\u00a0· ');
}
