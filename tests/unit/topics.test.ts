import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicHits, topicKeywords } from '../../scripts/lib/topics.ts';

const topics = Object.values(topicKeywords);
const keywords = [...new Set(topics.flatMap((pattern) => pattern.source.split('|')))];

/** The same count the slow way: one alternation of every keyword, longest first, as the regular expression engine matches it. */
function byAlternation(text: string): number[] {
  const any = new RegExp([...keywords].sort((a, b) => b.length - a.length).join('|'), 'g');
  const hits = topics.map(() => 0);
  for (const [word] of text.matchAll(any)) topics.forEach((pattern, i) => pattern.source.split('|').includes(word) && hits[i]!++);
  return hits;
}

describe('topic keyword hits', () => {
  it('count the longest keyword at each place, once, for every topic it belongs to', () => {
    const hits = topicHits('加强教育督导，深化教育评价改革。');
    const supervision = Object.keys(topicKeywords).indexOf('督导与改革');
    // 教育督导 (not 督导 inside it), 评价, 改革.
    expect(hits[supervision]).toBe(3);
    expect(hits.reduce((a, b) => a + b, 0)).toBe(3);
  });
  it('match a regular-expression alternation of the same keywords on any text', () => {
    const pieces = [...keywords, ...keywords.map((k) => k.slice(0, -1)), '，', '。', '教', '育', '学', '校', 'a', '𠀀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(topicHits(text)).toEqual(byAlternation(text));
      }),
      { numRuns: 2000 },
    );
  });
});
