import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { builtDocs, docMatches, openBuiltIndex } from '../../scripts/bench/search-correctness.ts';
import { normalizeBatch } from '../../scripts/normalize-batch.ts';
import { writeArchiveFiles } from '../../src/integrations/write-archive-files.ts';
import type { SearchSource } from '../../src/lib/search/reader.ts';
import { runSearch } from '../../src/lib/search/run.ts';
import { queryPhrases } from '../../src/lib/search/tokens.ts';

describe('checking candidates against their text', () => {
  const root = mkdtempSync(join(tmpdir(), 'verify-reads-'));
  generateCorpus(150, join(root, 'raw'));
  normalizeBatch(join(root, 'raw'), join(root, 'reports'));
  const site = join(root, 'site');
  writeArchiveFiles(site, { reports: join(root, 'reports'), raw: join(root, 'raw') });
  const docs = builtDocs(site);

  it('reads a candidate’s text in one request once a batch has had a miss', async () => {
    // 新增学位's bigrams stand apart in many generated reports (新增学校 … 学位).
    const query = '新增学位';
    const source = await openBuiltIndex(site);
    /** Each candidate's text reads, in order: `part` (one part) or `rest` (a part to the end). */
    const reads: [number, 'part' | 'rest'][] = [];
    const watched: SearchSource = {
      ...source,
      part: (id, k) => (reads.push([id, 'part']), source.part(id, k)),
      partsFrom: (id, k) => (reads.push([id, 'rest']), source.partsFrom(id, k)),
    };
    const limit = 3;
    const result = await runSearch(
      watched,
      query,
      { province: '', city: '', year: '', kind: '' },
      { limit, snippets: false, facets: false },
    );
    // Every hit holds the query verbatim.
    const phrases = queryPhrases(query);
    const slugs = new Map(docs.map((d) => [d.slug, d]));
    for (const hit of result.hits) expect(docMatches(slugs.get(hit.meta.slug)!, phrases)).toBe(true);
    expect(result.hits).toHaveLength(limit);
    // The first read of each candidate, in the order they were checked.
    const firstRead = new Map<number, 'part' | 'rest'>();
    for (const [id, kind] of reads) if (!firstRead.has(id)) firstRead.set(id, kind);
    const checked = [...firstRead];
    const hitIds = new Set(result.hits.map((h) => h.id));
    const firstBatch = checked.slice(0, limit);
    // What the test is about: a miss in the first batch, and more candidates checked after it.
    expect(firstBatch.some(([id]) => !hitIds.has(id))).toBe(true);
    expect(checked.length).toBeGreaterThan(limit);
    expect(firstBatch.every(([, kind]) => kind === 'part')).toBe(true);
    expect(checked.slice(limit).every(([, kind]) => kind === 'rest')).toBe(true);
  });
});
