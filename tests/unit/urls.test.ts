import { describe, expect, it } from 'vitest';
import {
  compareHref,
  filteredTableHref,
  indexHrefs,
  regionHref,
  reportFile,
  reportHref,
  searchHref,
  tableHref,
  yearHref,
} from '../../src/lib/urls.ts';

describe('archive URLs', () => {
  it.each([
    [reportHref('2021-jiangxi-nanchang-summary-plan'), '/reports/2021-jiangxi-nanchang-summary-plan/'],
    [reportHref('2021-jiangxi-nanchang-summary-plan', { anchor: 'sec-3' }), '/reports/2021-jiangxi-nanchang-summary-plan/#sec-3'],
    [
      reportHref('2021-jiangxi-nanchang-summary-plan', { query: '双减', anchor: 'p-12' }),
      '/reports/2021-jiangxi-nanchang-summary-plan/?q=%E5%8F%8C%E5%87%8F#p-12',
    ],
    // A query keeps its space as %20 (not +) and escapes what would end the query string.
    [
      reportHref('2022-unknown-summary-plan', { query: 'APP 2021#&', anchor: null }),
      '/reports/2022-unknown-summary-plan/?q=APP%202021%23%26',
    ],
    [reportHref('2022-unknown-summary-plan', { query: '' }), '/reports/2022-unknown-summary-plan/'],
    [reportFile('2021-guangdong-zhanjiang-mazhang-summary', 'md'), '/reports/2021-guangdong-zhanjiang-mazhang-summary.md'],
    [reportFile('2021-guangdong-zhanjiang-mazhang-summary', 'json'), '/reports/2021-guangdong-zhanjiang-mazhang-summary.json'],
    [reportFile('2021-guangdong-zhanjiang-mazhang-summary', 'raw.txt'), '/reports/2021-guangdong-zhanjiang-mazhang-summary.raw.txt'],
    [reportFile('2021-guangdong-zhanjiang-mazhang-summary', 'original'), '/reports/2021-guangdong-zhanjiang-mazhang-summary.original'],
    [reportFile('*', 'raw.txt'), '/reports/*.raw.txt'],
    [yearHref(2021), '/years/2021/'],
    [regionHref(['guangdong', 'zhanjiang', 'mazhang']), '/regions/guangdong/zhanjiang/mazhang/'],
    [regionHref(['hubei', 'xiantao']), '/regions/hubei/xiantao/'],
    [regionHref(['gansu', 'linxia-622901']), '/regions/gansu/linxia-622901/'],
    [regionHref([]), '/regions/unknown/'],
    [compareHref(['2021-a-summary', '2022-a-plan']), '/compare/?r=2021-a-summary&r=2022-a-plan'],
    [compareHref([]), '/compare/'],
    [searchHref(), '/search/'],
    [searchHref({ q: '课后服务', year: '2021' }), '/search/?q=%E8%AF%BE%E5%90%8E%E6%9C%8D%E5%8A%A1&year=2021'],
    [searchHref({ q: 'a b', province: '', city: undefined, sort: 'oldest' }), '/search/?q=a+b&sort=oldest'],
    [tableHref('date'), '/reports/'],
    [tableHref('region'), '/reports/by-region/'],
    [tableHref('year'), '/reports/by-year/'],
    [filteredTableHref(), '/reports/'],
    [filteredTableHref({ year: '2021' }), '/reports/?year=2021'],
    [filteredTableHref({ region: '440811' }), '/reports/?region=440811'],
    [filteredTableHref(new URLSearchParams('kind=plan&page=2&sort=region')), '/reports/?kind=plan&page=2&sort=region'],
    [filteredTableHref(new URLSearchParams('kind=&page=3')), '/reports/?page=3'],
  ])('%s', (built, expected) => {
    expect(built).toBe(expected);
  });

  it('name the listings the navigation links to', () => {
    expect(indexHrefs).toEqual({
      home: '/',
      reports: '/reports/',
      regions: '/regions/',
      years: '/years/',
      search: '/search/',
      compare: '/compare/',
      trends: '/trends/',
    });
  });
});
