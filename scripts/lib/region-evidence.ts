import { countMentions, divisionByCode, regionOf, unknownRegion, type Division } from '../../src/lib/gazetteer.ts';
import { readFileSync } from 'node:fs';
import type { Region } from '../../src/lib/report-schema.ts';
import { placeLabels } from './host-table.ts';

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
    if (
      d.level === 'city' &&
      [...mentions.keys()].some((c) => c !== code && divisionByCode(c)!.level === 'province' && divisionByCode(c)!.short === d.short)
    )
      mentions.delete(code);
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

let hostTable: Record<string, string[]> | null = null;

/**
 * The region a government host names (jyj.ningbo.gov.cn → 宁波市), from the host table; a label
 * several divisions share is settled by which of them the text names, else left alone.
 */
export function regionFromHost(url: string | undefined, text: string): RegionFinding | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return null;
  }
  hostTable ??= JSON.parse(readFileSync(new URL('../data/host-regions.json', import.meta.url), 'utf8')) as Record<string, string[]>;
  let mentions: Map<string, number> | undefined;
  for (const label of placeLabels(host)) {
    const codes = hostTable[label];
    if (!codes) continue;
    if (codes.length > 1) mentions ??= countMentions(text, true);
    const mentioned = codes.length > 1 ? codes.filter((c) => (mentions!.get(c) ?? 0) > 0) : codes;
    if (mentioned.length !== 1) continue;
    const d = divisionByCode(mentioned[0]!)!;
    return { region: regionOf(d), evidence: `网址 ${host} 指向${d.name}` };
  }
  return null;
}

/** Whether two regions agree: one contains the other, or either is unknown. */
export function regionsAgree(a: Region, b: Region): boolean {
  if (!a.code || !b.code) return true;
  const chain = (r: Region) => [r.province, r.city, r.county].filter(Boolean).join('/');
  return chain(a).startsWith(chain(b)) || chain(b).startsWith(chain(a));
}
