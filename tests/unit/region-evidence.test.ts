import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHostTable, placeLabels } from '../../scripts/lib/host-table.ts';
import { regionFromHost, regionFromMentions, regionsAgree } from '../../scripts/lib/region-evidence.ts';

describe('region evidence beyond the issuer', () => {
  it('reads the place a government host names', () => {
    expect(regionFromHost('http://jyj.ningbo.gov.cn/art/2025/2/17/a.html', '')?.region).toMatchObject({
      province: '浙江省',
      city: '宁波市',
      code: '330200',
    });
    expect(placeLabels('jyj.ningbo.gov.cn')).toEqual(['ningbo']);
  });
  it('settles a host label several places share by the text, and leaves it alone otherwise', () => {
    expect(regionFromHost('https://www.changzhou.gov.cn/gi_news/1', '服务常州实践')?.region.code).toBe('320400');
    expect(regionFromHost('https://www.changzhou.gov.cn/gi_news/1', '全市教育工作')).toBeNull();
  });
  it('ignores hosts that are not government sites', () => {
    expect(regionFromHost('https://www.ningbo-wenku.com/p/1.html', '')).toBeNull();
    expect(regionFromHost('not a url', '')).toBeNull();
  });
  it('keeps the committed host table equal to the gazetteer’s', () => {
    expect(JSON.parse(readFileSync('scripts/data/host-regions.json', 'utf8'))).toEqual(buildHostTable());
  });
  it('reads a short place name only where a place name can end', () => {
    expect(regionFromMentions('', '深入学习重大理论，把握重大理论成果。')).toBeNull();
    expect(regionFromMentions('', '为常州实践作出贡献，打造常州样板，服务常州发展。')?.region.city).toBe('常州市');
    expect(regionFromMentions('2023年东莞市教育工作报告', '全市教育')?.region.city).toBe('东莞市');
  });
  it('calls regions that contain one another agreeing', () => {
    const city = { province: '浙江省', city: '宁波市', county: null, code: '330200', level: 'city' as const };
    const county = { province: '浙江省', city: '宁波市', county: '鄞州区', code: '330212', level: 'county' as const };
    const other = { province: '江苏省', city: '常州市', county: null, code: '320400', level: 'city' as const };
    expect(regionsAgree(city, county)).toBe(true);
    expect(regionsAgree(city, other)).toBe(false);
  });
});
