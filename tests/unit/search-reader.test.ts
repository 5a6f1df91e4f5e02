import { describe, expect, it } from 'vitest';
import type { MetaRow, SearchManifest } from '../../src/lib/search/format.ts';
import { encodeShard } from '../../src/lib/search/shard.ts';
import { slotUnit } from '../../src/lib/search/pack.ts';
import { deflated, inSlot, packed, slotDirectory } from '../../src/integrations/pack-writer.ts';
import { decodeMeta } from '../../src/lib/search/meta.ts';
import { FacetLookup } from '../../src/lib/search/facets.ts';
import { FetchError, fetchJson, openSearchIndex, type Fetch } from '../../src/lib/search/reader.ts';

const manifest: SearchManifest = {
  version: 6,
  docs: 2,
  shards: 64,
  parts: 4,
  metaChunk: 50,
  facetChunk: 5000,
  provinces: ['广东省'],
  cities: ['湛江市'],
  places: [[0, 0]],
  years: [2022, 2021],
  kinds: [{ value: 'summary', label: '工作总结' }],
  lowered: [1],
};
/** Report b's four text parts, in slots of one size after report a's (here four slots of bytes that are no packed value). */
const textsOfB: unknown[] = [[['p-1', '双减']], [], [['p-2', '课后服务']], []];
const sizeB = 2 * slotUnit;
const tableOfB = packed({ words: '乙' });
const shards = Array.from({ length: 64 }, (_, n) => encodeShard([], n === 5 ? [['湛江', [0, 1]]] : []));
const rows: MetaRow[] = [
  ['a', '甲', '广东省 湛江市', '广东省', '湛江市', [2022], 'summary', null, '广东省 湛江市', 0, [0, 3]],
  ['b', '乙', '广东省 湛江市', '广东省', '湛江市', [2021], 'summary', null, '广东省 湛江市', 1, [3, tableOfB.length]],
];
const files: Record<string, unknown> = {
  '/s/manifest.json': manifest,
  '/s/t2s.json': { pairs: '雙双減减' },
  '/s/meta/0.json': rows,
  '/s/facets/0.json': { p: [0, 0], k: '00', y: [1, 2] },
};
const slots = shards.map((shard) => inSlot(deflated(shard)));
const packs: Record<string, Buffer> = {
  '/s/shards.bin': slotDirectory(slots.map((slot) => slot.length)),
  '/s/shard/0.bin': Buffer.concat(slots),
  '/s/texts.bin': slotDirectory([slotUnit, sizeB]),
  '/s/text/0.bin': Buffer.concat([Buffer.alloc(4 * slotUnit, 0xff), ...textsOfB.map((t) => inSlot(packed([rows[1], t]), sizeB))]),
  '/s/traditional/0.bin': Buffer.concat([Buffer.from('abc'), tableOfB]),
};

/**
 * A fetch over `files` and `packs` that fails as `trouble` says for a path, logging every request
 * (with its range); answers a range with 206, its `Content-Range` and those bytes, or, as a
 * server ignoring ranges does when `ranges` is `'ignored'`, with the whole file; `'shifted'`
 * answers every range one byte later than asked.
 */
function fakeFetch(
  trouble: (path: string, attempt: number) => 'network' | 'hang' | 'html' | null = () => null,
  ranges: 'kept' | 'ignored' | 'shifted' = 'kept',
): {
  fetch: Fetch;
  asked: string[];
  low: string[];
} {
  const asked: string[] = [];
  const low: string[] = [];
  const fetch: Fetch = (path, { signal, headers, priority }) => {
    const range = headers?.Range;
    asked.push(range ? `${path} ${range}` : path);
    if (priority === 'low') low.push(path);
    const problem = trouble(path, asked.filter((p) => p === path).length);
    if (problem === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    if (problem === 'hang') {
      return new Promise((_, reject) => {
        signal.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    if (problem === 'html') return Promise.resolve(new Response('<!doctype html>'));
    const pack = packs[path];
    if (pack) {
      if (!range || ranges === 'ignored') return Promise.resolve(new Response(new Uint8Array(pack)));
      const shift = ranges === 'shifted' ? 1 : 0;
      const [from, to] = range
        .replace('bytes=', '')
        .split('-')
        .map((n) => Number(n) + shift) as [number, number];
      return Promise.resolve(
        new Response(new Uint8Array(pack.subarray(from, to + 1)), {
          status: 206,
          headers: { 'Content-Range': `bytes ${from}-${to}/${pack.length}` },
        }),
      );
    }
    return Promise.resolve(path in files ? new Response(JSON.stringify(files[path])) : new Response('not found', { status: 404 }));
  };
  return { fetch, asked, low };
}

describe('fetching an index file', () => {
  it('retries once after a lost connection, and names the failure when the retry fails too', async () => {
    const flaky = fakeFetch((_, attempt) => (attempt === 1 ? 'network' : null));
    expect(await fetchJson('/s/t2s.json', flaky)).toEqual({ pairs: '雙双減减' });
    expect(flaky.asked).toEqual(['/s/t2s.json', '/s/t2s.json']);
    const down = fakeFetch(() => 'network');
    await expect(fetchJson('/s/t2s.json', down)).rejects.toMatchObject({ name: 'FetchError', failure: 'network', path: '/s/t2s.json' });
    expect(down.asked).toHaveLength(2);
  });
  it('does not retry a file the server says is missing', async () => {
    const f = fakeFetch();
    const error = await fetchJson('/s/shard/9.json', f).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ failure: 'missing', message: 'HTTP 404: GET /s/shard/9.json' });
    expect(f.asked).toHaveLength(1);
  });
  it('gives up on a file that does not answer in time, after one retry', async () => {
    const f = fakeFetch(() => 'hang');
    await expect(fetchJson('/s/t2s.json', { ...f, timeout: 20 })).rejects.toMatchObject({
      failure: 'timeout',
      message: 'no answer in 20 ms: GET /s/t2s.json',
    });
    expect(f.asked).toHaveLength(2);
  });
  it('takes an answer that is not JSON for a server error', async () => {
    await expect(
      fetchJson(
        '/s/t2s.json',
        fakeFetch(() => 'html'),
      ),
    ).rejects.toMatchObject({ failure: 'http' });
  });
});

describe('the search index reader', () => {
  it('opens with the manifest and the pair table, decoded', async () => {
    const source = await openSearchIndex({ base: '/s/', ...fakeFetch() });
    expect(source.manifest).toEqual(manifest);
    // Report 1 (of ids 0 and 1) is lowered.
    expect([...source.lowered]).toEqual([0, 1]);
    expect(['雙', '減', '双', '减'].map((ch) => source.pairs.get(ch))).toEqual(['双', '减', undefined, undefined]);
  });
  it('fetches and decodes each file once, with named meta fields and resolved filter values', async () => {
    const f = fakeFetch();
    const source = await openSearchIndex({ base: '/s/', ...f });
    const [first, second] = await Promise.all([source.meta(0), source.meta(0)]);
    expect(first).toBe(second);
    expect(first[1]).toEqual({
      slug: 'b',
      title: '乙',
      region: '广东省 湛江市',
      province: '广东省',
      city: '湛江市',
      years: [2021],
      kind: 'summary',
      posted: null,
      regionAndIssuer: '广东省 湛江市',
      notes: 1,
      table: rows[1]![10],
    });
    const facets = new FacetLookup(manifest, manifest.facetChunk, new Map([[0, await source.facets(0)]]));
    expect([facets.facet(0), facets.facet(1)]).toEqual([
      { province: '广东省', city: '湛江市', kind: 'summary', years: [2022] },
      { province: '广东省', city: '湛江市', kind: 'summary', years: [2021] },
    ]);
    expect(f.asked.filter((p) => p === '/s/meta/0.json')).toHaveLength(1);
    // Filter values are asked for behind a query's own files.
    expect(f.low).toEqual(['/s/facets/0.json']);
  });
  it('asks for filter values only once the task that wanted them has ended, and a query file at once', async () => {
    const f = fakeFetch();
    const source = await openSearchIndex({ base: '/s/', ...f });
    const before = f.asked.length;
    const [facets, meta] = [source.facets(0), source.meta(0)];
    await Promise.resolve();
    expect(f.asked.slice(before)).toEqual(['/s/meta/0.json']);
    await Promise.all([facets, meta]);
    expect(f.asked.slice(before)).toEqual(['/s/meta/0.json', '/s/facets/0.json']);
  });
  it('forgets a file that failed, so the next query asks again', async () => {
    let down = true;
    const f = fakeFetch((path) => (down && path.includes('meta') ? 'network' : null));
    const source = await openSearchIndex({ base: '/s/', ...f });
    await expect(source.meta(0)).rejects.toMatchObject({ failure: 'network' });
    down = false;
    expect((await source.meta(0))[0]!.slug).toBe('a');
    expect(f.asked.filter((p) => p === '/s/meta/0.json')).toHaveLength(3);
  });
  it('reads a shard from its pack by the directory loaded with the manifest: one request a shard, its slot', async () => {
    const f = fakeFetch();
    const source = await openSearchIndex({ base: '/s/', ...f });
    expect(f.asked).toContain('/s/shards.bin');
    expect([...(await source.shard(5)).title('湛江').ids]).toEqual([0, 1]);
    expect((await source.shard(6)).terms()).toEqual({ body: [], title: [] });
    const start = (n: number) => slots.slice(0, n).reduce((sum, slot) => sum + slot.length, 0);
    expect(f.asked.filter((p) => p.startsWith('/s/shard/0.bin'))).toEqual([
      `/s/shard/0.bin bytes=${start(5)}-${start(6) - 1}`,
      `/s/shard/0.bin bytes=${start(6)}-${start(7) - 1}`,
    ]);
    expect(slots[5]!.length % slotUnit).toBe(0);
  });
  it('refuses a shard directory that does not match the manifest, naming the file', async () => {
    const short = fakeFetch();
    const saved = packs['/s/shards.bin']!;
    packs['/s/shards.bin'] = slotDirectory(slots.slice(1).map((slot) => slot.length));
    try {
      const source = await openSearchIndex({ base: '/s/', ...short });
      await expect(source.shard(5)).rejects.toMatchObject({ failure: 'http', path: '/s/shards.bin' });
    } finally {
      packs['/s/shards.bin'] = saved;
    }
  });
  it('reads a text part by the texts directory alone, the parts after one in one request, also from a server that ignores ranges', async () => {
    for (const ranges of ['kept', 'ignored'] as const) {
      const f = fakeFetch(() => null, ranges);
      const source = await openSearchIndex({ base: '/s/', ...f });
      expect(await source.part(1, 2)).toEqual({ meta: decodeMeta(rows[1]!), paragraphs: textsOfB[2] });
      expect((await source.partsFrom(1, 0)).map((part) => part.paragraphs)).toEqual(textsOfB);
      // No metadata read; one request for part 2, then one for parts 0 … 3, of which part 2 was kept.
      const asked = f.asked.filter((p) => p.startsWith('/s/text/0.bin'));
      if (ranges === 'kept') {
        expect(asked).toEqual([
          `/s/text/0.bin bytes=${4 * slotUnit + 2 * sizeB}-${4 * slotUnit + 3 * sizeB - 1}`,
          `/s/text/0.bin bytes=${4 * slotUnit}-${4 * slotUnit + 4 * sizeB - 1}`,
        ]);
      }
      expect(asked).toHaveLength(2);
      expect(f.asked.filter((p) => p.includes('/meta/'))).toHaveLength(0);
      expect((await source.part(1, 3)).paragraphs).toEqual(textsOfB[3]);
      expect(f.asked.filter((p) => p.startsWith('/s/text/0.bin'))).toHaveLength(2);
    }
  });
  it('names a span that does not hold a packed value as a server error', async () => {
    const source = await openSearchIndex({ base: '/s/', ...fakeFetch() });
    await expect(source.part(0, 0)).rejects.toMatchObject({ name: 'FetchError', failure: 'http', path: '/s/text/0.bin' });
  });
  it('refuses a range answered from another offset, naming the file', async () => {
    const f = fakeFetch(() => null, 'shifted');
    const source = await openSearchIndex({ base: '/s/', ...f });
    await expect(source.part(1, 0)).rejects.toMatchObject({ name: 'FetchError', failure: 'http', path: '/s/text/0.bin' });
    await expect(source.shard(5)).rejects.toMatchObject({ failure: 'http', path: '/s/shard/0.bin' });
  });
});
