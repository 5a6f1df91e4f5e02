import { countMentions, divisionByCode, regionOf, unknownRegion, type Division } from '../../src/lib/gazetteer.ts';
import type { Region } from '../../src/lib/report-schema.ts';

/** A region read from evidence, with the evidence named. */
export interface RegionFinding {
  region: Region;
  evidence: string;
}

/**
 * The region the text names clearly more than any other: a city named at least twice and twice
 * as often as any other city, else a province named and no other province. Null when the text
 * does not single one out.
 */
export function regionFromMentions(text: string): RegionFinding | null {
  const ranked = (level: Division['level']) =>
    [...countMentions(text)]
      .map(([code, count]) => ({ d: divisionByCode(code)!, count }))
      .filter((x) => x.d.level === level)
      .sort((a, b) => b.count - a.count || a.d.code.localeCompare(b.d.code));
  const [city, nextCity] = ranked('city');
  if (city && city.count >= 2 && (!nextCity || nextCity.count * 2 <= city.count)) {
    return { region: regionOf(city.d), evidence: `正文提到${city.d.name} ${city.count} 次` };
  }
  const [province, nextProvince] = ranked('province');
  if (province && !nextProvince && !city) {
    return { region: { ...unknownRegion, province: province.d.name, code: province.d.code }, evidence: `正文提到${province.d.name}` };
  }
  return null;
}
