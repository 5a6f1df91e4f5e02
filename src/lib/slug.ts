import { regionPlaces } from './region-path.ts';
import type { Region, ReportKind } from './report-schema.ts';

/**
 * A readable slug for a new report: year, the region's URL segments, kind —
 * `2021-guangdong-yangjiang-summary`. Unknown regions read `unknown`. A slug, once given, is
 * kept by the slug registry; collisions are settled there.
 */
export function reportSlug(year: number | null, region: Region, kind: ReportKind): string {
  const places = regionPlaces(region).map((p) => p.segment);
  return [year ?? 'undated', ...(places.length ? places : ['unknown']), kind].join('-');
}
