import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { cleaningRecord, removedChrome } from '../../scripts/lib/cleaning-record.ts';

describe('the cleaning record', () => {
  it('is empty for a file no step changed', () => {
    expect(cleaningRecord(new VFile().data)).toEqual({
      chromeLines: 0,
      chrome: [],
      spam: [],
      restorations: [],
      gaps: [],
      redactions: 0,
      convertedChars: 0,
      renumbered: 0,
      punctuation: 0,
      annotations: [],
    });
  });

  it('puts each step’s findings in its part: page markers before page chrome, the title’s restoration labelled, gaps on chrome lines left out', () => {
    const { data } = new VFile({
      data: {
        titleAt: 'line 3',
        pageMarkers: [{ text: '2、', why: 'page-marker' }],
        chromeRemoved: { entries: [{ text: '首页 > 政务公开', why: 'before-title' }], lines: ['line 1', 'line 3'] },
        spamRemoved: {
          strings: [{ text: '彩票|澳门|博彩', count: 2 }],
          restorations: [
            { at: 'line 3', text: '南昌市教育局', evidence: '落款：南昌市教育局' },
            { at: 'line 9', text: '南昌市教育局', evidence: '落款：南昌市教育局' },
          ],
          gaps: [
            { at: 'line 1', context: '首页〖…〗政务' },
            { at: 'line 12', context: '推进〖…〗工作' },
          ],
        },
        convertedChars: 5,
        punctuation: 2,
        redactions: 1,
        renumbered: 1,
        annotations: [{ kind: 'pinyin', count: 3 }],
      },
    });
    expect(removedChrome(data).map((c) => c.why)).toEqual(['page-marker', 'before-title']);
    expect(cleaningRecord(data)).toEqual({
      chromeLines: 2,
      chrome: [
        { text: '2、', why: 'page-marker' },
        { text: '首页 > 政务公开', why: 'before-title' },
      ],
      spam: [{ text: '彩票|澳门|博彩', count: 2 }],
      restorations: [
        { at: 'title (line 3)', text: '南昌市教育局', evidence: '落款：南昌市教育局' },
        { at: 'line 9', text: '南昌市教育局', evidence: '落款：南昌市教育局' },
      ],
      gaps: [{ at: 'line 12', context: '推进〖…〗工作' }],
      redactions: 1,
      convertedChars: 5,
      renumbered: 1,
      punctuation: 2,
      annotations: [{ kind: 'pinyin', count: 3 }],
    });
    // The steps' own findings are left as they wrote them.
    expect(data.spamRemoved!.restorations[0]!.at).toBe('line 3');
  });
});
