import { describe, expect, it } from 'vitest';
import { divisionByCode, regionOf, unknownRegion } from '../../src/lib/gazetteer.ts';
import type { Region, ReportKind } from '../../src/lib/report-schema.ts';
import { reportSlug } from '../../src/lib/slug.ts';

const at = (code: string): Region => regionOf(divisionByCode(code)!);

describe('reportSlug', () => {
  it.each([
    [2021, at('440811'), 'summary', '2021-guangdong-zhanjiang-mazhang-summary'],
    [2022, at('429004'), 'summary', '2022-hubei-xiantao-summary'],
    [2020, at('622901'), 'plan', '2020-gansu-linxia-linxia-622901-plan'],
    [2019, at('610000'), 'plan', '2019-shaanxi-plan'],
    [2021, { province: '甲乙省', city: null, county: null, code: null, level: 'province' }, 'summary', '2021-jiayi-summary'],
    [2022, unknownRegion, 'summary-plan', '2022-unknown-summary-plan'],
    [null, at('440800'), 'summary-plan', 'undated-guangdong-zhanjiang-summary-plan'],
  ] as [number | null, Region, ReportKind, string][])('%s, %o, %s → %s', (year, region, kind, slug) => {
    expect(reportSlug(year, region, kind)).toBe(slug);
  });
});
