import { pinyin } from 'pinyin-pro';
import type { Region } from './report-schema.ts';

const suffix = /(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|地区|省|市|区|县|旗|盟)$/;

/** ASCII pinyin of a place name without its administrative suffix: 湛江市 → zhanjiang. */
export function placeSlug(name: string): string {
  const stem = name.length > 2 ? name.replace(suffix, '') : name;
  return pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '');
}

/** Slug kinds: summary, plan, or summary-plan. */
export type SlugKind = 'summary' | 'plan' | 'summary-plan';

/**
 * A readable, stable slug: year, region in pinyin, kind — `2021-guangdong-yangjiang-summary`.
 * Unknown regions read `unknown`. Collisions are settled by the caller with a short hash.
 */
export function reportSlug(year: number | null, region: Region, kind: SlugKind): string {
  const places = [region.province, region.city !== region.province ? region.city : null, region.county]
    .filter((p): p is string => Boolean(p))
    .map(placeSlug);
  return [year ?? 'undated', ...(places.length ? places : ['unknown']), kind].join('-');
}
