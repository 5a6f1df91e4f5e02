import type { Region, Report } from './report-schema.ts';

/**
 * How kinds and regions read on the site. No dependencies, so the browser scripts share them
 * with the pages (`catalogue.ts` re-exports them for the pages).
 */

const kindLabels: Partial<Record<string, string>> = { summary: '工作总结', plan: '工作计划', 'summary-plan': '总结与计划' } satisfies Record<Report['kind'], string>;

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
  return [region.province, region.city !== region.province ? region.city : null, region.county].filter((n): n is string => Boolean(n) && !isPseudoCity(n!));
}

/** The region as one line of text, or 地区不详. */
export function regionLabel(region: Region): string {
  return regionNames(region).join(' ') || '地区不详';
}
