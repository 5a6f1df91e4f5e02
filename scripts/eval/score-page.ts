import { unmark } from '../../src/lib/cleaner-marks.ts';

/** One labelled page of an evaluation set, in the format of `realpages/gold.json`. */
export interface GoldPage {
  file: string;
  title: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  years_reviewed: number[];
  years_planned: number[];
  chrome_snippets: string[];
  body_snippets: string[];
  chrome_snippets_simplified?: string[];
  body_snippets_simplified?: string[];
  traditional?: boolean;
}

/** What the normalizer made of one page: null when it refused the page. */
export interface Cleaned {
  title: string;
  body: string;
  province: string | null;
  city: string | null;
  county: string | null;
  yearsReviewed: number[];
  yearsPlanned: number[];
}

/** Metadata fields the evaluation scores; `title` only where the label has one. */
export const metadataFields = ['title', 'province', 'city', 'county', 'yearsReviewed', 'yearsPlanned'] as const;

/** The score of one page: counts, and each miss in words. */
export interface PageScore {
  file: string;
  normalized: boolean;
  body: { kept: number; total: number };
  chrome: { removed: number; total: number };
  metadata: { right: number; total: number };
  misses: string[];
}

/**
 * Folds text for comparison: NFKC, no whitespace, no Markdown escapes or line markers, no
 * cleaner marks (〖〗 surround restored text; they are rendering, not content).
 */
export function fold(text: string): string {
  return unmark(text)
    .replace(/^(?:#{1,6} |> |- |\d+\. )/gm, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .normalize('NFKC')
    .replace(/\s+/g, '');
}

const sameSet = (a: number[], b: number[]) => [...new Set(a)].sort().join() === [...new Set(b)].sort().join();

/** Scores one page by the rules of the set's README. */
export function scorePage(gold: GoldPage, cleaned: Cleaned | null): PageScore {
  const bodySnippets = (gold.traditional && gold.body_snippets_simplified) || gold.body_snippets;
  const chromeSnippets = (gold.traditional && gold.chrome_snippets_simplified) || gold.chrome_snippets;
  const score: PageScore = {
    file: gold.file,
    normalized: cleaned !== null,
    body: { kept: 0, total: bodySnippets.length },
    chrome: { removed: 0, total: chromeSnippets.length },
    metadata: { right: 0, total: metadataFields.length - (gold.title === null ? 1 : 0) },
    misses: [],
  };
  if (!cleaned) {
    score.misses.push('refused');
    return score;
  }
  const body = fold(cleaned.body);
  const title = fold(cleaned.title);
  for (const s of bodySnippets) {
    if (body.includes(fold(s))) score.body.kept++;
    else score.misses.push(`body lost: ${JSON.stringify(s)}`);
  }
  for (const s of chromeSnippets) {
    const f = fold(s);
    if (!body.includes(f) && !title.includes(f)) score.chrome.removed++;
    else score.misses.push(`chrome kept: ${JSON.stringify(s)}`);
  }
  const expected: Record<(typeof metadataFields)[number], unknown> = {
    title: gold.title,
    province: gold.province,
    city: gold.city,
    county: gold.county,
    yearsReviewed: gold.years_reviewed,
    yearsPlanned: gold.years_planned,
  };
  for (const field of metadataFields) {
    if (field === 'title' && gold.title === null) continue;
    const want = expected[field];
    const got = cleaned[field];
    const right = Array.isArray(want) ? sameSet(want as number[], got as number[]) : want === got;
    if (right) score.metadata.right++;
    else score.misses.push(`${field}: got ${JSON.stringify(got)}, label ${JSON.stringify(want)}`);
  }
  return score;
}
