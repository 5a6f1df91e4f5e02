import { describe, expect, it } from 'vitest';
import { divisionByCode, divisions, regionOf } from '../../src/lib/gazetteer.ts';
import { placesHref, regionPlaces } from '../../src/lib/region-path.ts';
import { regionTree } from '../../src/lib/region-tree.ts';
import type { Report } from '../../src/lib/report-schema.ts';
import { isPseudoCity } from '../../src/lib/labels.ts';

const href = (code: string) => placesHref(regionPlaces(regionOf(divisionByCode(code)!)));

describe('region URLs', () => {
  it('are unique over the whole gazetteer', () => {
    const seen = new Map<string, string>();
    for (const d of divisions()) {
      if (isPseudoCity(d.name)) continue;
      const path = href(d.code);
      expect(seen.get(path), `${path}: ${d.name} ${d.code}`).toBeUndefined();
      seen.set(path, `${d.name} ${d.code}`);
    }
    expect(seen.size).toBeGreaterThan(3000);
  });

  it('use the standard romanization where pinyin alone collides', () => {
    expect(href('140000')).toBe('/regions/shanxi/');
    expect(href('610000')).toBe('/regions/shaanxi/');
    expect(href('150000')).toBe('/regions/neimenggu/');
  });

  it('carry the division code where names still collide among siblings', () => {
    expect(href('622901')).toBe('/regions/gansu/linxia/linxia-622901/');
    expect(href('622921')).toBe('/regions/gansu/linxia/linxia-622921/');
    expect(href('653201')).toBe('/regions/xinjiang/hetian/hetian-653201/');
    expect(href('653221')).toBe('/regions/xinjiang/hetian/hetian-653221/');
    expect(href('445303')).toBe('/regions/guangdong/yunfu/yunan-445303/');
    expect(href('440803')).toBe('/regions/guangdong/zhanjiang/xiashan/');
  });

  it('put county-level cities a province administers directly under the province', () => {
    for (const [code, path] of [
      ['429004', '/regions/hubei/xiantao/'],
      ['429021', '/regions/hubei/shennongjia/'],
      ['469001', '/regions/hainan/wuzhishan/'],
      ['419001', '/regions/henan/jiyuan/'],
    ]) {
      expect(href(code!)).toBe(path);
      const region = regionOf(divisionByCode(code!)!);
      expect(region.city).toBeNull();
      expect(
        regionPlaces(region)
          .map((p) => p.name)
          .some(isPseudoCity),
      ).toBe(false);
    }
  });

  it('fail the build, naming both places, when two pages would share one', () => {
    const entry = (id: string, province: string) => ({
      id,
      data: {
        region: { province, city: null, county: null, code: null, level: 'province' },
        yearsReviewed: [2021],
        yearsPlanned: [],
        posted: null,
        title: id,
      } as unknown as Report,
    });
    expect(() => regionTree([entry('a', '甲乙省'), entry('b', '假乙省')])).toThrow('/regions/jiayi/ would be both 甲乙省 and 假乙省');
  });
});
