import { describe, expect, it } from 'vitest';
import { rehearseSearch } from '../../src/lib/search/rehearse.ts';

describe('the search rehearsal a page runs as it opens', () => {
  it('runs a whole query over its made-up index: title hits first, and texts without the phrase left out', async () => {
    // The made-up index: every other report holds the phrase's bigrams, every 50th in its title
    // too, and one report in three has them only apart in its text.
    const titleHits = Array.from({ length: 80 }, (_, i) => 50 * i);
    expect(await rehearseSearch()).toEqual(titleHits.filter((id) => id % 3 !== 0).slice(0, 10));
  });
});
