import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { buildSearchIndex, shardCount, type SearchSource as Source } from '../../src/lib/search-build.ts';
import { docMatches, runSearch, snippet, type SearchFilters, type SearchSource } from '../../src/lib/search-query.ts';
import { foldText, indexTerms, queryPhrases, queryTerms, shardOf } from '../../src/lib/search-tokens.ts';
import { traditionalPairs } from '../../src/lib/traditional.ts';
import { readReport } from '../helpers.ts';

describe('the search tokenizer', () => {
  it('cuts Han text into characters and bigrams and keeps Latin and digit runs whole', () => {
    expect(indexTerms('双减 APP ２０２１年')).toEqual(['双', '双减', '减', 'app', '2021', '年']);
  });
  it('asks for the bigrams of a phrase, or the character alone', () => {
    expect(queryTerms('课后服务')).toEqual(['课后', '后服', '服务']);
    expect(queryTerms('湛')).toEqual(['湛']);
    expect(queryPhrases('双减 课后服务')).toEqual(['双减', '课后服务']);
  });
  it('routes a term to a stable shard', () => {
    expect(shardOf('双减', 64)).toBe(shardOf('双减', 64));
    expect(new Set(['双减', '课后', '湛江', '学位', '阳江'].map((t) => shardOf(t, 4096))).size).toBe(5);
    expect(shardCount(5)).toBe(64);
    expect(shardCount(100_000_000)).toBe(16384);
    expect(shardCount(4_000_000)).toBe(512);
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
  const sources: Source[] = readdirSync(join(root, 'reports')).sort().map((name) => {
    const { data, body } = readReport(readFileSync(join(root, 'reports', name), 'utf8'));
    return { id: name.replace(/\.md$/, ''), data, body };
  });
  const index = buildSearchIndex(sources);
  const source: SearchSource = {
    manifest: index.manifest,
    shard: (n) => Promise.resolve(index.shards[n]!),
    meta: (n) => Promise.resolve(index.meta[n]!),
    doc: (n) => Promise.resolve(index.docs[n]!),
    facets: (n) => Promise.resolve(index.facets[n]!),
    pairs: traditionalPairs(),
  };
  const none: SearchFilters = { province: '', city: '', year: '', kind: '' };
  const slugs = async (q: string, f = none) => (await runSearch(source, q, f, 1000)).hits.map((h) => h.meta[0]).sort();
  const bruteForce = (q: string) =>
    index.docs
      .map((doc, id) => ({ doc, id }))
      .filter(({ doc }) => docMatches(doc, queryPhrases(foldText(q))))
      .map(({ id }) => index.meta[Math.floor(id / index.manifest.metaChunk)]![id % index.manifest.metaChunk]![0])
      .sort();

  it.each(['双减', '课后服务', '集团化办学', '阳江', '湛江', '学位', '教', '新增中小学学位', '广东', '南昌市教育局', '疫情防控', '2021', '双鸭山'])(
    'finds exactly the reports containing %s',
    async (q) => {
      const found = await slugs(q);
      expect(found).toEqual(bruteForce(q));
    },
  );

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
    const result = await runSearch(source, '学位', { ...none, province: '广东省' }, 1000);
    expect(result.hits.every((h) => h.meta[3] === '广东省')).toBe(true);
    expect(result.total).toBe(result.hits.length);
    expect(result.facets.province.find(([p]) => p === '广东省')?.[1]).toBe(result.total);
  });
  it('ranks title and region hits first, then newest first', async () => {
    const result = await runSearch(source, '麻章', none, 1000);
    const titleHits = result.hits.filter((h) => h.meta[1].includes('麻章') || h.meta[2].includes('麻章'));
    expect(result.hits.slice(0, titleHits.length)).toEqual(titleHits);
  });
  it('marks the query in every snippet and points at the paragraph of the hit', async () => {
    const result = await runSearch(source, '课后服务', none, 1000);
    for (const hit of result.hits) {
      expect(hit.snippet.some((p) => p.mark && p.text === '课后服务')).toBe(true);
      expect(hit.anchor).toMatch(/^(p|sec)-\d+$/);
    }
  });
  it('builds the same index twice', () => {
    expect(JSON.stringify(buildSearchIndex(sources))).toBe(JSON.stringify(index));
  });
});
