import { countMentions, divisionByCode, regionOf, unknownRegion, type Division } from '../../src/lib/gazetteer.ts';
import type { Region } from '../../src/lib/report-schema.ts';

/** A region read from evidence, with the evidence named. */
export interface RegionFinding {
  region: Region;
  evidence: string;
}

/**
 * The region the text names clearly more than any other: the one city the title names, else a
 * city named at least twice and twice as often as any other city, else a province named and no
 * other province. Short names count only where a place name can end. Null when the text
 * does not single one out.
 */
export function regionFromMentions(title: string, text: string): RegionFinding | null {
  const mentions = countMentions(`${title}\n${text}`, true);
  const inTitle = countMentions(title, true);
  // A name both a province and a city bear (吉林) counts for the province only.
  for (const code of mentions.keys()) {
    const d = divisionByCode(code)!;
    if (d.level === 'city' && [...mentions.keys()].some((c) => c !== code && divisionByCode(c)!.level === 'province' && divisionByCode(c)!.short === d.short)) mentions.delete(code);
  }
  const ranked = (level: Division['level']) =>
    [...mentions]
      .map(([code, count]) => ({ d: divisionByCode(code)!, count }))
      .filter((x) => x.d.level === level)
      .sort((a, b) => b.count - a.count || a.d.code.localeCompare(b.d.code));
  const [city, nextCity] = ranked('city');
  const titleCities = [...inTitle.keys()].filter((c) => mentions.has(c) && divisionByCode(c)!.level === 'city');
  if (titleCities.length === 1) {
    const d = divisionByCode(titleCities[0]!)!;
    return { region: regionOf(d), evidence: `标题提到${d.name}` };
  }
  if (city && city.count >= 2 && (!nextCity || nextCity.count * 2 <= city.count)) {
    return { region: regionOf(city.d), evidence: `正文提到${city.d.name} ${city.count} 次` };
  }
  const [province, nextProvince] = ranked('province');
  if (province && !nextProvince && !city) {
    return { region: { ...unknownRegion, province: province.d.name, code: province.d.code }, evidence: `正文提到${province.d.name}` };
  }
  return null;
}
