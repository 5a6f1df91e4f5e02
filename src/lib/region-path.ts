import { divisionByCode, divisions, type Division } from './gazetteer.ts';
import { isPseudoCity } from './labels.ts';
import type { Region } from './report-schema.ts';
import { pinyin } from 'pinyin-pro';
import { regionHref } from './urls.ts';

/** One step of a region's path on the site: a province, city or county and its URL segment. */
export interface Place {
  name: string;
  /** GB/T 2260 code, or null for a place known only by name. */
  code: string | null;
  /** URL segment, unique among the place's siblings in the whole gazetteer. */
  segment: string;
}

/** Romanizations that are standard where pinyin alone would mislead or collide. */
const standard: Partial<Record<string, string>> = { 陕西省: 'shaanxi', 香港特别行政区: 'hongkong', 澳门特别行政区: 'macau' };

const suffix = /(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|自治州|自治县|地区|省|市|区|县|旗|盟)$/;

/** ASCII pinyin of a place name without its administrative suffix: 湛江市 → zhanjiang. */
function pinyinSlug(name: string): string {
  const stem = name.length > 2 ? name.replace(suffix, '') : name;
  return pinyin(stem, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '');
}

function romanize(d: Pick<Division, 'name' | 'short'>): string {
  return standard[d.name] ?? pinyinSlug(d.short ?? d.name);
}

/** The division a page lists `d` under: its city, or its province for municipalities' districts and 省直辖 cities. */
function parentOf(d: Division): Division | null {
  if (d.level === 'province') return null;
  const city = d.level === 'county' && d.cityCode && d.cityCode !== d.provinceCode ? divisionByCode(d.cityCode) : undefined;
  if (city && !isPseudoCity(city.name)) return city;
  return divisionByCode(d.provinceCode) ?? null;
}

let segments: Map<string, string> | null = null;

/**
 * URL segment of every division, computed over the whole gazetteer so that no report added
 * later can change one: the romanized name, and where siblings share it (临夏市/临夏县 →
 * linxia), each of them `<name>-<code>`.
 */
function segmentIndex(): Map<string, string> {
  if (segments) return segments;
  const groups = new Map<string, Division[]>();
  for (const d of divisions()) {
    if (isPseudoCity(d.name)) continue;
    const key = `${parentOf(d)?.code ?? ''}/${romanize(d)}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  segments = new Map();
  for (const list of groups.values())
    for (const d of list) segments.set(d.code, list.length > 1 ? `${romanize(d)}-${d.code}` : romanize(d));
  return segments;
}

function placeOf(d: Division): Place {
  return { name: d.name, code: d.code, segment: segmentIndex().get(d.code)! };
}

const chains = new Map<string, Place[]>();

/**
 * The places from province down to a report's region, as the site shows them: by GB/T 2260 code
 * where the report has one, without pseudo-prefectures, without repeating a municipality.
 */
export function regionPlaces(region: Region): Place[] {
  const cached = region.code ? chains.get(region.code) : undefined;
  if (cached) return cached;
  let d = region.code ? divisionByCode(region.code) : undefined;
  if (d && !isPseudoCity(d.name)) {
    const chain: Place[] = [];
    for (; d; d = parentOf(d) ?? undefined) chain.unshift(placeOf(d));
    chains.set(region.code!, chain);
    return chain;
  }
  const names = [region.province, region.city !== region.province ? region.city : null, region.county];
  return names
    .filter((n): n is string => Boolean(n) && !isPseudoCity(n!))
    .map((name) => ({ name, code: null, segment: romanize({ name, short: null }) }));
}

/** URL path of the region page for these places (a prefix of a region's places names an ancestor); `placesHref(regionPlaces(region))` is a report's. */
export function placesHref(places: Place[]): string {
  return regionHref(places.map((p) => p.segment));
}
