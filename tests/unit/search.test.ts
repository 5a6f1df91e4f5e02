import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDocs, docMatches, openBuiltIndex } from '../../scripts/bench/search-correctness.ts';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { writeArchiveFiles } from '../../src/integrations/write-archive-files.ts';
import { buildSearchIndex, partCount, shardCount, splitParts, type IndexedReport } from '../../src/lib/search/build.ts';
import type { SearchFilters } from '../../src/lib/search/facets.ts';
import { decodeMeta } from '../../src/lib/search/meta.ts';
import { facetCounts, matchingIds, runSearch, textLevel, type SearchOptions } from '../../src/lib/search/run.ts';
import { snippet } from '../../src/lib/search/snippet.ts';
import { statusText } from '../../src/lib/search/status.ts';
import { queryTerms, foldText, forEachTermKey, indexTerms, queryPhrases, shardOf, termOfKey } from '../../src/lib/search/tokens.ts';
import { readReport } from '../helpers.ts';

describe('the search tokenizer', () => {
  it('cuts Han text into characters and bigrams and keeps Latin and digit runs whole', () => {
    expect(indexTerms('双减 APP ２０２１年')).toEqual(['双', '双减', '减', 'app', '2021', '年']);
  });
  it('asks for every bigram of a phrase, every other one of a long phrase, or the character alone', () => {
    expect(queryTerms('课后服务')).toEqual(['课后', '后服', '服务']);
    expect(queryTerms('集团化办学')).toEqual(['集团', '团化', '化办', '办学']);
    expect(queryTerms('学前教育毛入园率')).toEqual(['学前', '教育', '毛入', '园率']);
    expect(queryTerms('学前教育毛入园')).toEqual(['学前', '教育', '毛入', '入园']);
    expect(queryTerms('双减')).toEqual(['双减']);
    expect(queryTerms('湛')).toEqual(['湛']);
    expect(queryTerms('APP 2021年')).toEqual(['app', '2021', '年']);
    expect(queryPhrases('双减 课后服务')).toEqual(['双减', '课后服务']);
  });
  it('routes a term to its shard by the FNV-1a hash of its UTF-16 units', () => {
    // The FNV-1a 32-bit test vectors: "a" → 0xe40c292c, "foobar" → 0xbf9cf968 (an ASCII unit hashes as its byte).
    expect(shardOf('a', 2 ** 32)).toBe(0xe40c292c);
    expect(shardOf('foobar', 2 ** 32)).toBe(0xbf9cf968);
    // 双 U+53CC, 减 U+51CF: FNV-1a over the two units is 0x599791ec = 1503105516, which is 44 mod 64 and 492 mod 4096.
    expect(shardOf('双减', 2 ** 32)).toBe(0x599791ec);
    expect(shardOf('双减', 64)).toBe(44);
    expect(shardOf('双减', 4096)).toBe(492);
    expect(new Set(['双减', '课后', '湛江', '学位', '阳江'].map((t) => shardOf(t, 4096))).size).toBe(5);
    expect(shardCount(5)).toBe(64);
    expect(shardCount(1_000_000_000)).toBe(65536);
    expect(shardCount(4_000_000)).toBe(2048);
  });
  it('cuts a report into parts at paragraph boundaries, in order, losing nothing', () => {
    const paragraphs: [string, string][] = Array.from({ length: 20 }, (_, i) => [`p-${i + 1}`, '教'.repeat(10 + i * 7)]);
    const parts = splitParts(paragraphs);
    expect(parts).toHaveLength(partCount);
    expect(parts.flat()).toEqual(paragraphs);
    expect(parts.every((part) => part.length > 0)).toBe(true);
    expect(splitParts([['p-1', '短']]).map((part) => part.length)).toEqual([1, ...Array<number>(partCount - 1).fill(0)]);
  });
  it('marks every match in a snippet', () => {
    expect(snippet('全面落实双减政策，双减成效明显', ['双减'])).toEqual([
      { text: '全面落实', mark: false },
      { text: '双减', mark: true },
      { text: '政策，', mark: false },
      { text: '双减', mark: true },
      { text: '成效明显', mark: false },
    ]);
  });
});

describe('search over the fixture archive', () => {
  const root = mkdtempSync(join(tmpdir(), 'search-'));
  const raw = join(root, 'raw');
  for (const dir of ['content/raw', 'tests/fixtures/raw', 'tests/fixtures/site']) cpSync(dir, raw, { recursive: true });
  normalizeBatch(raw, join(root, 'reports'));
  const sources: IndexedReport[] = readdirSync(join(root, 'reports'))
    .sort()
    .map((name) => {
      const { data, body } = readReport(readFileSync(join(root, 'reports', name), 'utf8'));
      return { id: name.replace(/\.md$/, ''), data, body };
    });
  const index = buildSearchIndex(sources);
  // The search reads the files the build writes, through the reader the browser uses.
  const site = join(root, 'site');
  writeArchiveFiles(site, { reports: join(root, 'reports'), raw });
  const opened = openBuiltIndex(site);
  const docs = builtDocs(site);
  const meta = index.meta.flat().map(decodeMeta);
  const none: SearchFilters = { province: '', city: '', year: '', kind: '' };
  const all = { limit: 1000, snippets: true, facets: true };
  const search = async (q: string, f: SearchFilters, options: SearchOptions) => runSearch(await opened, q, f, options);
  const slugs = async (q: string, f = none) => (await search(q, f, all)).hits.map((h) => h.meta.slug).sort();
  const bruteForce = (q: string) =>
    docs
      .filter((doc) => docMatches(doc, queryPhrases(foldText(q))))
      .map((doc) => doc.slug)
      .sort();

  it.each([
    '双减',
    '课后服务',
    '集团化办学',
    '阳江',
    '湛江',
    '学位',
    '教',
    '新增中小学学位',
    '广东',
    '南昌市教育局',
    '疫情防控',
    '2021',
    '双鸭山',
  ])('finds exactly the reports containing %s', async (q) => {
    const found = await slugs(q);
    expect(found).toEqual(bruteForce(q));
  });

  it('finds 双减 in the reports that contain it, not in 庆元 2020', async () => {
    const found = await slugs('双减');
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found).not.toContain('2020-zhejiang-lishui-qingyuan-summary-plan');
  });
  it('folds a Traditional query: 雙減 finds what 双减 finds', async () => {
    expect(await slugs('雙減')).toEqual(await slugs('双减'));
  });
  it('finds a district by its city and province names', async () => {
    expect(await slugs('湛江')).toContain('2021-guangdong-zhanjiang-mazhang-summary');
    expect(await slugs('广东')).toContain('2021-guangdong-zhanjiang-mazhang-summary');
  });
  it('filters by province, and counts what each filter would leave', async () => {
    const result = await search('学位', { ...none, province: '广东省' }, all);
    expect(result.hits.length).toBeGreaterThan(1);
    expect(result.hits.every((h) => h.meta.province === '广东省')).toBe(true);
    expect(result.total).toBe(result.hits.length);
    expect(result.facets!.province.find(([p]) => p === '广东省')?.[1]).toBe(result.total);
    expect(result.facets!.province.length).toBeGreaterThan(1);
  });
  it('counts the filters later, the same, when the first answer skips them', async () => {
    const quick = await search('学位', none, { limit: 3, snippets: false, facets: false });
    expect(quick.facets).toBeNull();
    const eager = await search('学位', none, all);
    expect(await facetCounts(await opened, quick, none)).toEqual(eager.facets);
    expect(quick.hits.map((h) => h.id)).toEqual(eager.hits.slice(0, 3).map((h) => h.id));
  });
  it('ranks title and region hits first, then newest first', async () => {
    const result = await search('麻章', none, all);
    const titleHits = result.hits.filter((h) => h.meta.title.includes('麻章') || h.meta.region.includes('麻章'));
    expect(titleHits.length).toBeGreaterThan(0);
    expect(result.hits.slice(0, titleHits.length)).toEqual(titleHits);
  });
  it('ranks text hits by the quarter of the text the query first occurs in, then newest first', async () => {
    const result = await search('学校', none, all);
    const text = result.hits.filter((h) => !h.meta.title.includes('学校') && !h.meta.regionAndIssuer.includes('学校'));
    const level = (h: (typeof text)[number]) => textLevel(h.from, partCount);
    expect(new Set(text.map(level)).size).toBeGreaterThan(1);
    for (let i = 1; i < text.length; i++) {
      const [a, b] = [text[i - 1]!, text[i]!];
      const [na, nb] = [a.meta.notes ? 1 : 0, b.meta.notes ? 1 : 0];
      expect(level(a) < level(b) || (level(a) === level(b) && (na < nb || (na === nb && a.id < b.id)))).toBe(true);
    }
  });
  it('puts the parts of a text into quarters, first to last', () => {
    expect(Array.from({ length: partCount }, (_, part) => textLevel(part, partCount))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
  it('ranks templates below bureaus’ own reports at equal relevance, and lists them in the manifest', async () => {
    const template = index.ids.get('2022-unknown-summary-plan')!;
    expect(index.manifest.lowered.reduce((ids: number[], gap) => [...ids, (ids.at(-1) ?? 0) + gap], [])).toContain(template);
    const result = await search('双减', none, all);
    const at = result.hits.findIndex((h) => h.id === template);
    expect(at).toBeGreaterThanOrEqual(0);
    const hit = result.hits[at]!;
    for (const other of result.hits.slice(at + 1)) {
      expect(textLevel(other.from, partCount) > textLevel(hit.from, partCount) || other.meta.notes !== 0).toBe(true);
    }
  });
  it('lists the reports passing the filters when there is no query, newest or oldest first, with exact counts', async () => {
    const newest = await search('', { ...none, province: '广东省' }, { ...all, sort: 'newest' });
    expect(newest.exact).toBe(true);
    expect(newest.total).toBe(meta.filter((m) => m.province === '广东省').length);
    expect(newest.hits.map((h) => h.id)).toEqual([...newest.hits.map((h) => h.id)].sort((a, b) => a - b));
    const oldest = await search('', { ...none, province: '广东省' }, { ...all, sort: 'oldest' });
    expect(oldest.hits.map((h) => h.id)).toEqual(newest.hits.map((h) => h.id).reverse());
    expect((await search('', none, all)).total).toBe(0);
  });
  it('sorts a query’s results by date on request', async () => {
    const byDate = await search('学位', none, { ...all, sort: 'newest' });
    expect(byDate.hits.map((h) => h.id)).toEqual([...byDate.hits.map((h) => h.id)].sort((a, b) => a - b));
    expect((await search('学位', none, { ...all, sort: 'oldest' })).hits.map((h) => h.id)).toEqual(byDate.hits.map((h) => h.id).reverse());
  });
  it('cuts a query to 64 characters', async () => {
    expect(Array.from((await search('教育'.repeat(100), none, all)).query)).toHaveLength(64);
  });
  it.each(['双减', '集团化办学', '新增中小学学位', '2021'])('gives a trend exactly the reports containing %s', async (q) => {
    const found = await matchingIds(await opened, q, 1000);
    expect(found.exact).toBe(true);
    expect(found.ids.map((id) => meta[id]!.slug).sort()).toEqual(bruteForce(q));
  });
  it('says why a result is empty: no report holds the words, or the filters exclude them', async () => {
    const filtered = await search('双减', { ...none, province: '浙江省', year: '2020' }, all);
    expect(statusText(filtered, true, 'relevance')).toMatch(/^没有符合筛选条件的报告包含“双减”；不加筛选时有 \d+ 篇。$/);
    expect(statusText(await search('量子纠缠', none, all), false, 'relevance')).toBe('没有找到包含“量子纠缠”的报告。');
    const few = await search('学位', none, { ...all, limit: 2 });
    expect(statusText(few, false, 'relevance')).toBe(`找到 ${few.total} 篇包含“学位”的报告，按相关度排列，显示前 2 篇。`);
    expect(statusText({ ...few, exact: false, confirmed: 2 }, false, 'relevance')).toBe(
      `找到 2 篇包含“学位”的报告，另有 ${few.total - 2} 篇可能包含、尚未逐篇核对；显示前 2 篇，按相关度排列。`,
    );
  });
  it('marks the query in every snippet and points at the paragraph of the hit', async () => {
    const result = await search('课后服务', none, all);
    for (const hit of result.hits) {
      expect(hit.snippet.some((p) => p.mark && p.text === '课后服务')).toBe(true);
      expect(hit.anchor).toMatch(/^(p|sec)-\d+$/);
    }
  });
  it('builds the same index twice, slug ids included', () => {
    const again = buildSearchIndex(sources);
    expect(again).toEqual(index);
    expect([...again.ids]).toEqual([...index.ids]);
    expect(index.ids.size).toBe(sources.length);
  });
});

describe('term keys', () => {
  it('stand for the same terms as the strings, across the Han blocks and outside them', () => {
    const text = '双减〇々⺀龥豈𠀀𠀁 ok2021 兀';
    const keys: (number | string)[] = [];
    forEachTermKey(text, (k) => keys.push(k));
    expect(keys.map(termOfKey)).toEqual(indexTerms(text));
    expect(indexTerms('双减𠀀')).toEqual(['双', '双减', '减', '减\ud840', '\ud840', '\ud840\udc00', '\udc00']);
    expect(keys.every((k) => typeof k === 'string' || (Number.isInteger(k) && k >= 0 && k < 2 ** 30))).toBe(true);
  });
});
