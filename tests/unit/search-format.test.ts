import { describe, expect, it } from 'vitest';
import { FacetLookup, encodeFacets, readFacetColumns, type Facet, type SearchFilters } from '../../src/lib/search/facets.ts';
import type { MetaRow } from '../../src/lib/search/format.ts';
import { decodeMeta, encodeMeta, type SearchMeta } from '../../src/lib/search/meta.ts';
import { inflateJson, inflateLarge, partSlots, readVarints, slotSpan, slotUnit, slotValue } from '../../src/lib/search/pack.ts';
import { inflateRawSync } from 'node:zlib';
import { deflated, inSlot, packed, slotDirectory, slotSize } from '../../src/integrations/pack-writer.ts';
import { decodeGaps, encodeGaps } from '../../src/lib/search/postings.ts';
import { ShardPostings, encodeShard, partRadix } from '../../src/lib/search/shard.ts';
import { foldQuery, pairTable } from '../../src/lib/search/tokens.ts';
import { convertToSimplified, traditionalPairs } from '../../src/lib/traditional.ts';

/** Each encoder of the on-disk index beside its decoder: what one writes, the other reads back. */

describe('meta rows', () => {
  const mazhang: SearchMeta = {
    slug: '2021-guangdong-zhanjiang-mazhang-summary',
    title: '2021年麻章区教育局工作总结',
    region: '广东省 湛江市 麻章区',
    province: '广东省',
    city: '湛江市',
    years: [2021],
    kind: 'summary',
    posted: '2022-01-05',
    regionAndIssuer: '广东省 湛江市 麻章区 麻章区教育局',
    notes: 0,
    table: [81920, 1630],
  };
  const template: SearchMeta = {
    ...mazhang,
    slug: '2022-unknown-summary-plan',
    region: '地区不详',
    province: null,
    city: null,
    years: [2022, 2023],
    kind: 'summary-plan',
    posted: null,
    regionAndIssuer: '',
    notes: 1,
    table: [0, 300],
  };

  it('are written by position, in the order the files have always had', () => {
    expect(encodeMeta(template)).toEqual([
      '2022-unknown-summary-plan',
      '2021年麻章区教育局工作总结',
      '地区不详',
      null,
      null,
      [2022, 2023],
      'summary-plan',
      null,
      '',
      1,
      [0, 300],
    ]);
  });
  it('read back with their fields named', () => {
    for (const meta of [mazhang, template]) expect(decodeMeta(encodeMeta(meta))).toEqual(meta);
    const row: MetaRow = ['s', 't', 'r', 'p', 'c', [2020], 'plan', '2020-03-01', 'p c', 2, [5, 1]];
    expect(encodeMeta(decodeMeta(row))).toEqual(row);
  });
});

describe('packs', () => {
  const values = [{ b: { 双减: [4, 0, 2, 1] }, t: {} }, { b: {}, t: { 湛江: [0, 7] } }, [['p-1', '課後服務']]];
  it('read each value back from its slot: a shard pack by the shard directory', () => {
    const slots = values.map((value) => inSlot(packed(value)));
    for (const slot of slots) expect(slot.length % slotUnit).toBe(0);
    const pack = Buffer.concat(slots);
    const units = readVarints(inflateRawSync(slotDirectory(slots.map((slot) => slot.length))));
    expect([...units]).toEqual(slots.map((slot) => slot.length / slotUnit));
    for (const [i, value] of values.entries()) {
      const { offset, length } = slotSpan(units, 64, i);
      expect(inflateJson(slotValue(pack.subarray(offset, offset + length)))).toEqual(value);
    }
  });
  it('start each pack’s slots at its first byte, and write lengths past 127 units in more than one byte', () => {
    const units = [1, 300, 2, 5];
    expect([...readVarints(inflateRawSync(slotDirectory(units.map((u) => u * slotUnit))))]).toEqual(units);
    expect([...readVarints(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 0))]).toEqual([2 ** 32 - 1, 0]);
    expect(units.map((_, n) => slotSpan(units, 2, n).offset)).toEqual([0, slotUnit, 0, 2 * slotUnit]);
    expect(() => slotSpan(units, 2, 4)).toThrow(RangeError);
    expect(() => readVarints(Uint8Array.of(0x85))).toThrow(RangeError);
    expect(() => slotValue(Uint8Array.of(9, 0, 0, 0, 1))).toThrow(RangeError);
  });
  it('read each part back from its slot: a report’s parts all in slots of one size, located by the texts directory alone', () => {
    // Three reports of three parts each, their slot sizes set by each one's longest part.
    const reports = [values, [[['p-1', '双减']], [], [['p-2', '课后服务']]], [[], [], []]];
    const sizes = reports.map((parts) => slotSize(Math.max(...parts.map((v) => packed(v).length))));
    const pack = Buffer.concat(reports.flatMap((parts, r) => parts.map((v) => inSlot(packed(v), sizes[r]))));
    const units = readVarints(inflateRawSync(slotDirectory(sizes)));
    for (const [id, parts] of reports.entries()) {
      for (const [k, value] of parts.entries()) {
        const { offset, length } = partSlots(units, 500, 3, id, k);
        expect(length).toBe(sizes[id]);
        expect(inflateJson(slotValue(pack.subarray(offset, offset + length)))).toEqual(value);
      }
    }
    // Parts 1 and 2 of the second report as one span; the next pack starts again at 0.
    expect(partSlots(units, 500, 3, 1, 1, 2)).toEqual({ offset: 3 * sizes[0]! + sizes[1]!, length: 2 * sizes[1]! });
    expect(partSlots(units, 2, 3, 2, 0)).toEqual({ offset: 0, length: sizes[2] });
    expect(() => partSlots(units, 500, 3, 1, 2, 2)).toThrow(RangeError);
    expect(() => partSlots(units, 500, 3, 3, 0)).toThrow(RangeError);
    expect(() => inSlot(packed(values[0]), slotUnit / 2)).toThrow(RangeError);
  });
  it('inflate small values in script and large ones by the platform, to the same bytes; refuse bytes that are no DEFLATE stream', async () => {
    // Bytes that barely compress, so the large one stays over the native threshold.
    let seed = 7;
    const noise = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 16);
    for (const n of [100, 40_000]) {
      const raw = noise(n);
      const compressed = deflated(raw);
      expect(compressed.length > 8192).toBe(n > 8192);
      expect(await inflateLarge(compressed)).toEqual(raw);
    }
    // A block of the reserved type, small and large.
    await expect(inflateLarge(Uint8Array.of(0xff, 0xff, 0xff))).rejects.toThrow();
    await expect(inflateLarge(new Uint8Array(10_000).fill(0xff))).rejects.toThrow();
  });
  it('compress each value on its own: a repetitive one shrinks', () => {
    const long = Array.from({ length: 200 }, (_, i) => [`p-${i}`, '全面落实双减政策，课后服务全覆盖。']);
    expect(packed(long).length).toBeLessThan(Buffer.byteLength(JSON.stringify(long)) / 10);
  });
});

describe('posting lists', () => {
  it('store ascending ids as gaps', () => {
    expect(encodeGaps([0, 3, 4, 10])).toEqual([0, 3, 1, 6]);
    expect([...decodeGaps([0, 3, 1, 6])]).toEqual([0, 3, 4, 10]);
    expect(encodeGaps([])).toEqual([]);
    expect([...decodeGaps(undefined)]).toEqual([]);
  });
});

describe('shards', () => {
  const body = (postings: [number, number][]) => Int32Array.from(postings, ([id, part]) => id * partRadix + part);
  const written = encodeShard(
    [
      [
        '双减',
        body([
          [0, 0],
          [3, 2],
          [4, 7],
          [200, 1],
          [100_000, 5],
        ]),
      ],
      ['课后', body([[9, 3]])],
    ],
    [
      ['湛江', [2, 7, 130]],
      ['南昌', []],
    ],
  );
  const shard = new ShardPostings(written);

  it("read back each term's text postings: ids and the part each first occurs in", () => {
    const read = shard.body('双减');
    expect([...read.ids]).toEqual([0, 3, 4, 200, 100_000]);
    expect([...read.parts]).toEqual([0, 2, 7, 1, 5]);
    expect([...shard.body('课后').ids]).toEqual([9]);
    expect([...shard.body('课后').parts]).toEqual([3]);
  });
  it('read back title postings as ids whose parts are all 0', () => {
    const title = shard.title('湛江');
    expect([...title.ids]).toEqual([2, 7, 130]);
    expect([...title.parts]).toEqual([0, 0, 0]);
    expect(shard.title('南昌').ids.length).toBe(0);
  });
  it('give no postings for a term the shard does not hold, or holds on the other side', () => {
    expect(shard.body('阳江').ids.length).toBe(0);
    expect(shard.title('双减').ids.length).toBe(0);
    expect(shard.body('湛江').ids.length).toBe(0);
    expect(shard.terms()).toEqual({ body: ['双减', '课后'], title: ['湛江', '南昌'] });
  });
  it('store a posting in about a byte: gaps and parts share one small number', () => {
    const dense = body(Array.from({ length: 10_000 }, (_, id): [number, number] => [id * 2, id % 8]));
    const bytes = encodeShard([['教育', dense]], []).length;
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(10_100);
    const back = new ShardPostings(encodeShard([['教育', dense]], [])).body('教育');
    expect(back.ids[9_999]).toBe(19_998);
    expect(back.parts[9_999]).toBe(9_999 % 8);
  });
  it('refuse postings out of id order', () => {
    expect(() =>
      encodeShard(
        [
          [
            '双减',
            body([
              [4, 0],
              [3, 0],
            ]),
          ],
        ],
        [],
      ),
    ).toThrow(/not in id order/);
    expect(() => encodeShard([], [['湛江', [5, 1]]])).toThrow(/not in id order/);
  });
  it('refuse bytes that are no shard: too short, a header longer than the bytes, lists cut off or overlong', () => {
    expect(() => new ShardPostings(new Uint8Array(2))).toThrow(/no header/);
    expect(() => new ShardPostings(Uint8Array.of(255, 0, 0, 0, 1))).toThrow(/cannot hold/);
    expect(() => new ShardPostings(written.subarray(0, written.length - 1))).toThrow(/lists/);
    expect(() => new ShardPostings(Uint8Array.from([...written, 0]))).toThrow(/lists/);
    // A list whose last number runs on past its bytes.
    const damaged = written.slice();
    damaged[damaged.length - 1] = 0x80;
    expect(() => new ShardPostings(damaged).title('湛江')).toThrow(/湛江/);
  });
});

describe('facet chunks', () => {
  const kinds = [
    { value: 'summary', label: '工作总结' },
    { value: 'plan', label: '工作计划' },
    { value: 'summary-plan', label: '总结与计划' },
  ];
  const rows: Facet[] = [
    { province: '广东省', city: '湛江市', kind: 'summary', years: [2021] },
    { province: null, city: null, kind: 'plan', years: [2022, 2023] },
    { province: '广东省', city: '阳江市', kind: 'summary-plan', years: [2021, 2022] },
  ];

  it('index places, kinds and years into the vocabularies, column by column', () => {
    const { vocabulary, chunks } = encodeFacets(rows, kinds, 2);
    // Cities by pinyin (阳 yáng before 湛 zhàn), years newest first, places as first met.
    expect(vocabulary).toEqual({
      provinces: ['广东省'],
      cities: ['阳江市', '湛江市'],
      places: [
        [0, 1],
        [-1, -1],
        [0, 0],
      ],
      years: [2023, 2022, 2021],
      kinds,
    });
    // Year bits: 2023 = 1, 2022 = 2, 2021 = 4.
    expect(chunks).toEqual([
      { p: [0, 1], k: '01', y: [4, 3] },
      { p: [2], k: '2', y: [6] },
    ]);
  });
  it('read back as the same values, years newest first', () => {
    const { vocabulary, chunks } = encodeFacets(rows, kinds, 2);
    const lookup = new FacetLookup(vocabulary, 2, new Map(chunks.map((chunk, c) => [c, readFacetColumns(chunk)])));
    expect(rows.map((_, id) => lookup.facet(id))).toEqual(rows.map((r) => ({ ...r, years: [...r.years].sort((a, b) => b - a) })));
  });
  it('filter and count by index as a count over the decoded values does, for every filter combination', () => {
    // 300 reports over a few provinces, cities, kinds and years, some without a place or year.
    let seed = 11;
    const pick = <T>(xs: T[]) => xs[(seed = (seed * 16807) % 2147483647) % xs.length]!;
    const many: Facet[] = Array.from({ length: 300 }, () => {
      const province = pick(['广东省', '江西省', null]);
      const city = province === '广东省' ? pick(['湛江市', '阳江市', null]) : province ? pick(['南昌市', '赣州市']) : null;
      return { province, city, kind: pick(kinds).value, years: pick([[2021], [2022, 2023], [], [2020, 2021, 2022]]) };
    });
    const { vocabulary, chunks } = encodeFacets(many, kinds, 64);
    const lookup = new FacetLookup(vocabulary, 64, new Map(chunks.map((chunk, c) => [c, readFacetColumns(chunk)])));
    // The reference: a report passes when each set filter holds; a filter's values are counted over the reports passing the others.
    const holds = (f: Facet, filters: SearchFilters, key: keyof SearchFilters) =>
      !filters[key] || (key === 'year' ? f.years.includes(Number(filters.year)) : f[key] === filters[key]);
    const keys = ['province', 'city', 'year', 'kind'] as const;
    const expected = (ids: number[], filters: SearchFilters) =>
      Object.fromEntries(
        keys.map((key) => {
          const counts = new Map<string, number>();
          for (const id of ids) {
            const f = many[id]!;
            if (!keys.every((other) => other === key || holds(f, filters, other))) continue;
            const values = key === 'year' ? f.years.map(String) : [f[key]];
            for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
          }
          return [key, [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-Hans-CN'))];
        }),
      );
    const ids = Array.from({ length: 300 }, (_, id) => id).filter((id) => id % 3 !== 1);
    let checked = 0;
    for (const province of ['', '广东省', '江西省', '福建省'])
      for (const city of ['', '湛江市', '南昌市'])
        for (const year of ['', '2021', '2023', '1999'])
          for (const kind of ['', 'plan', 'summary-plan']) {
            const filters = { province, city, year, kind };
            expect(lookup.count(ids, filters)).toEqual(expected(ids, filters));
            const passing = lookup.passing(filters);
            expect(ids.filter(passing)).toEqual(ids.filter((id) => keys.every((key) => holds(many[id]!, filters, key))));
            checked++;
          }
    expect(checked).toBe(144);
    expect(lookup.facet(7)).toEqual({ ...many[7]!, years: [...many[7]!.years].sort((a, b) => b - a) });
  });
});

describe('the Traditional pair table', () => {
  const pairs = traditionalPairs();
  const table = pairTable(pairs);
  it('reads back every pair the build writes, each Traditional character once', () => {
    const traditional = Array.from({ length: pairs.length / 2 }, (_, i) => pairs[2 * i]!);
    expect(new Set(traditional).size).toBe(traditional.length);
    for (const ch of traditional) expect(convertToSimplified(ch)).toBe(table.get(ch));
    // A Simplified character of the table is not itself looked up as Traditional.
    const simplifiedOnly = Array.from({ length: pairs.length / 2 }, (_, i) => pairs[2 * i + 1]!).find((ch) => !traditional.includes(ch))!;
    expect(table.get(simplifiedOnly)).toBeUndefined();
    expect(table.get('a')).toBeUndefined();
  });
  it('folds a query with it, then full-width forms', () => {
    expect(foldQuery('雙減 ＡＰＰ', table)).toBe('双减 app');
  });
});
