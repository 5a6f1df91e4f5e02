import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { searchFiles, shardsPerPack } from '../../src/lib/search/files.ts';
import type { SearchManifest } from '../../src/lib/search/format.ts';
import { readVarints, slotSpan, slotValue } from '../../src/lib/search/pack.ts';
import { ShardPostings } from '../../src/lib/search/shard.ts';
import { builtIndex } from '../../scripts/bench/search-correctness.ts';
import { encodeMeta } from '../../src/lib/search/meta.ts';
import { browserForFile } from './browser.ts';

const browser = browserForFile();
const spammed = '2021-jiangxi-nanchang-summary-plan';
const hostile = '2021-fujian-quanzhou-huian-summary';

/** Every file of the built site, as paths relative to it. */
function builtFiles(): string[] {
  const dist = inject('distDir');
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)));
}

describe('the published files', () => {
  it('parse as JSON, every one of them, and every value packed in the search index too (shards as their bytes)', () => {
    const json = builtFiles().filter((f) => f.endsWith('.json'));
    const read = (f: string): unknown => JSON.parse(readFileSync(join(inject('distDir'), f), 'utf8'));
    const manifest = read('search/manifest.json') as SearchManifest;
    expect(json.length).toBeGreaterThan(manifest.docs + 4);
    for (const f of json) expect(() => read(f), f).not.toThrow();
    // Every shard in its slot, the slots filling each pack exactly, as the shard directory says.
    const units = readVarints(inflateRawSync(readFileSync(join(inject('distDir'), 'search', searchFiles.shardDirectory))));
    expect(units).toHaveLength(manifest.shards);
    for (let n = 0; n < manifest.shards; n++) {
      const pack = readFileSync(join(inject('distDir'), 'search', searchFiles.shardPack(n)));
      const { offset, length } = slotSpan(units, shardsPerPack, n);
      if (n % shardsPerPack === shardsPerPack - 1 || n === manifest.shards - 1)
        expect(offset + length, `pack of shard ${n}`).toBe(pack.length);
      // Each shard reads as bytes (shard.ts): every term's ids ascending, below the report count, parts in range.
      const shard = new ShardPostings(inflateRawSync(slotValue(pack.subarray(offset, offset + length))));
      const { body, title } = shard.terms();
      for (const [term, posting] of [...body.map((t) => [t, shard.body(t)] as const), ...title.map((t) => [t, shard.title(t)] as const)]) {
        expect(posting.ids.length, `shard ${n}, ${term}`).toBeGreaterThan(0);
        expect(
          posting.ids.every((id, i) => id < manifest.docs && (i === 0 || id > posting.ids[i - 1]!)),
          `shard ${n}, ${term}`,
        ).toBe(true);
        expect(
          posting.parts.every((part) => part >= 0 && part < manifest.parts),
          `shard ${n}, ${term}`,
        ).toBe(true);
      }
    }
    // Every report's text parts, [anchor, text] each, and its page's Traditional table.
    const index = builtIndex(inject('distDir'));
    for (let id = 0; id < manifest.docs; id++) {
      const meta = index.meta(id);
      const slug = meta.slug;
      for (let k = 0; k < manifest.parts; k++) {
        const [row, part] = index.part(id, k) as [unknown, unknown[]];
        expect(row, `${slug} part ${k}`).toEqual(encodeMeta(meta));
        expect(Array.isArray(part), `${slug} part ${k}`).toBe(true);
        for (const p of part) expect(p, `${slug} part ${k}`).toEqual([expect.stringMatching(/^(p|sec)-\d+$/), expect.any(String)]);
      }
      expect(Object.keys(index.table(id) as object).sort(), slug).toEqual(['a', 'c', 'w']);
    }
  });

  it('parse as well-formed XML: the feed and the sitemaps, with a title that held non-characters', async () => {
    const xml = builtFiles().filter((f) => f.endsWith('.xml'));
    expect(xml).toEqual(expect.arrayContaining(['feed.xml', 'sitemap-index.xml', 'sitemap-0.xml']));
    const page = await browser().newPage();
    for (const f of xml) {
      const text = readFileSync(join(inject('distDir'), f), 'utf8');
      const error = await page.evaluate(
        (t) => new DOMParser().parseFromString(t, 'application/xml').querySelector('parsererror')?.textContent ?? null,
        text,
      );
      expect(error, f).toBeNull();
    }
    expect(readFileSync(join(inject('distDir'), 'feed.xml'), 'utf8')).toContain('<title>惠安县教育局2021年工作总结</title>');
    await page.close();
  });

  it('show the raw text readably in the browser from a server that sends no charset', async () => {
    const page = await browser().newPage();
    const response = await page.goto(`${inject('baseUrl')}/reports/${spammed}.raw.txt`);
    expect(response?.headers()['content-type']).not.toMatch(/charset=utf-8/i);
    expect(await page.locator('body').innerText()).toContain('全市教育系统坚持以习近平新时代中国特色社会主义思想为指引');
    const md = await page.request.get(`${inject('baseUrl')}/reports/${spammed}.md`);
    expect((await md.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await page.close();
  });

  it('offer the original bytes with the SHA-256 the page shows: a UTF-8 capture as its raw text, a byte-order mark put before it', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}/reports/${hostile}/`);
    const shown = await page.locator('dd.hash').textContent();
    const link = page.locator('#source-title + dl a[download]');
    expect(await link.getAttribute('download')).toBe('hostile-characters.txt');
    expect(await page.locator('#source-title + dl').innerText()).toContain('即原样字节');
    const href = await link.getAttribute('href');
    expect(href).toBe(`/reports/${hostile}.raw.txt`);
    const bytes = await (await page.request.get(`${inject('baseUrl')}${href}`)).body();
    const original = readFileSync('tests/fixtures/site/hostile-characters.txt');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).equals(original)).toBe(true);
    expect(createHash('sha256').update(bytes.subarray(3)).digest('hex')).toBe(shown);
    // No second copy of the same bytes.
    expect((await page.request.get(`${inject('baseUrl')}/reports/${hostile}.original`)).status()).toBe(404);
    await page.close();
  });

  it('never republish removed spam on a report page, only counts and hashes', () => {
    const html = readFileSync(join(inject('distDir'), 'reports', spammed, 'index.html'), 'utf8');
    expect(html).not.toContain('澳门华都网上娱乐');
    expect(html).not.toContain('华都娱乐');
    expect(html).toMatch(/<code>[0-9a-f]{12}<\/code>（\d+ 字）× \d+/);
  });

  it('tell crawlers to leave the downloads alone, and where the sitemap is', () => {
    const robots = readFileSync(join(inject('distDir'), 'robots.txt'), 'utf8');
    expect(robots).toContain('Disallow: /reports/*.raw.txt$');
    expect(robots).toContain('Disallow: /reports/*.original$');
    expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  });

  it('link a source only by its http(s) address, with no control or bidi character shown', async () => {
    const page = await browser().newPage();
    await page.goto(`${inject('baseUrl')}/reports/${hostile}/`);
    expect(await page.locator('a', { hasText: 'https://www.huian.gov.cn/jyj/2021.html' }).getAttribute('href')).toBe(
      'https://www.huian.gov.cn/jyj/2021.html',
    );
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\ufffe\uffff\u0080-\u009f]/);
    await page.close();
  });
});
