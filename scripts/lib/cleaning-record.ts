import type { Data } from 'vfile';
import type { Cleaning } from '../../src/lib/report-schema.ts';

/**
 * The cleaning record of a processed file, put together from what each step found: every part
 * has one step that writes it (see `DataMap` in scripts/tree.ts), and no step changes another's.
 */

/** The chrome removed, in raw order: a document viewer's page markers (rejoin-broken-lines), then the page's chrome (strip-chrome). */
export function removedChrome(data: Data): Cleaning['chrome'] {
  return [...(data.pageMarkers ?? []), ...(data.chromeRemoved?.entries ?? [])];
}

/**
 * The record the report carries. A restoration on the title's line is labelled `title (line N)`;
 * a gap on a line that turned out to be chrome is not in the body, so it is not listed.
 */
export function cleaningRecord(data: Data): Cleaning {
  const chrome = removedChrome(data);
  const chromeLines = new Set(data.chromeRemoved?.lines);
  const spam = data.spamRemoved;
  return {
    chromeLines: chrome.length,
    chrome,
    spam: spam?.strings ?? [],
    restorations: (spam?.restorations ?? []).map((r) => (r.at === data.titleAt ? { ...r, at: `title (${r.at})` } : r)),
    gaps: (spam?.gaps ?? []).filter((g) => !chromeLines.has(g.at)),
    redactions: data.redactions ?? 0,
    convertedChars: data.convertedChars ?? 0,
    renumbered: data.renumbered ?? 0,
    punctuation: data.punctuation ?? 0,
    annotations: data.annotations ?? [],
  };
}
