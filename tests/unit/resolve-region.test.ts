import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../../scripts/lib/resolve-region.ts';

describe('resolveRegion', () => {
  it('resolves a district to its city and province', () => {
    expect(resolveRegion('麻章区', '').region).toEqual({
      province: '广东省',
      city: '湛江市',
      county: '麻章区',
      code: '440811',
      level: 'county',
    });
  });
  it('tells 南昌市 from 南昌县', () => {
    expect(resolveRegion('南昌市', '').region.code).toBe('360100');
    expect(resolveRegion('南昌县', '').region.code).toBe('360121');
  });
  it('settles a shared district name by the city a prefix or the text names', () => {
    expect(resolveRegion('福州市鼓楼区', '').region.code).toBe('350102');
    expect(resolveRegion('鼓楼区', '鼓楼区地处南京市中心，南京教育').region.code).toBe('320106');
  });
  it('leaves a shared name unknown when nothing settles it, and says why', () => {
    const { region, note } = resolveRegion('鼓楼区', '全区教育事业稳步发展');
    expect(region.code).toBeNull();
    expect(note).toBe('鼓楼区 is ambiguous (鼓楼区 320106, 鼓楼区 320302, 鼓楼区 350102, 鼓楼区 410204) and the text does not say which');
  });
  it('gives a municipality district the municipality as its city', () => {
    expect(resolveRegion('北京市海淀区', '').region).toEqual({
      province: '北京市',
      city: '北京市',
      county: '海淀区',
      code: '110108',
      level: 'county',
    });
  });
  it('reads a prefecture city, not the province of the same name', () => {
    expect(resolveRegion('吉林市', '').region).toMatchObject({ province: '吉林省', city: '吉林市', code: '220200' });
  });
});
