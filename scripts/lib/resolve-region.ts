import { countMentions, divisionByCode, regionOf, unknownRegion, type Division } from '../../src/lib/gazetteer.ts';
import type { Region } from '../../src/lib/report-schema.ts';

const levelWord: Record<Division['level'], RegExp> = { province: /全省/g, city: /全市/g, county: /全[县区]/g };

function score(d: Division, text: string, mentions: Map<string, number>): number {
  let s = (mentions.get(d.code) ?? 0) * 2 + (text.match(levelWord[d.level])?.length ?? 0);
  for (const parent of [d.cityCode, d.provinceCode]) if (parent && parent !== d.code) s += (mentions.get(parent) ?? 0) * 3;
  return s;
}

/**
 * Resolves a place named by an issuer (湛江市麻章区, 南昌市, 鼓楼区) to its GB/T 2260 division.
 * Names shared by several divisions are settled by how often the text names each one's city and
 * province; when the text does not settle it, the region stays unknown.
 */
export function resolveRegion(place: string, text: string): { region: Region; note: string | null } {
  const named = [...countMentions(place).keys()].map((c) => divisionByCode(c)!);
  if (named.length === 0) return { region: unknownRegion, note: null };
  const levels: Division['level'][] = ['county', 'city', 'province'];
  named.sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  const mostSpecific = named[0]!;
  let candidates = named.filter((d) => d.level === mostSpecific.level && d.name === mostSpecific.name);
  const parents = new Set(named.filter((d) => d.level !== mostSpecific.level).map((d) => d.code));
  if (parents.size) candidates = candidates.filter((c) => parents.has(c.cityCode ?? '') || parents.has(c.provinceCode));
  if (candidates.length === 1) return { region: regionOf(candidates[0]!), note: null };
  if (candidates.length === 0) return { region: unknownRegion, note: `${place} names no division the gazetteer knows` };
  const mentions = countMentions(text);
  const ranked = candidates.map((d) => ({ d, s: score(d, text, mentions) })).sort((a, b) => b.s - a.s);
  if (ranked[0]!.s > ranked[1]!.s) return { region: regionOf(ranked[0]!.d), note: null };
  return {
    region: unknownRegion,
    note: `${place} is ambiguous (${candidates.map((c) => `${c.name} ${c.code}`).join(', ')}) and the text does not say which`,
  };
}
