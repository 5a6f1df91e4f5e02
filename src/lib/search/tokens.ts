/**
 * The search tokenizer, shared by the index builder and the browser so both cut text the same
 * way. Chinese has no spaces, so every Han character and every pair of adjacent Han characters
 * is a term; Latin letters and digits count as whole runs. Full-width forms fold to half-width.
 */

const runs = /\p{Script=Han}+|[a-z0-9]+/gu;
const isHan = /\p{Script=Han}/u;

/** Folds full-width letters and digits and compatibility forms, and lowercases. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Traditional → Simplified, one character to one: what a query is folded with. */
export interface PairLookup {
  get(traditional: string): string | undefined;
}

/**
 * The Traditional → Simplified pair table (`t2s.json`'s `雙双減减…`) as a lookup, Traditional to
 * Simplified, read straight from the string: a query is at most a few dozen characters, and a
 * map of the table's thousands of pairs took ~10 ms to build in a freshly loaded page. Its
 * encoder is `traditionalPairs` (src/lib/traditional.ts), which needs opencc-js and so stays out
 * of the browser's modules.
 */
export function pairTable(pairs: string): PairLookup {
  return {
    get: (traditional) => {
      for (let i = pairs.indexOf(traditional); i >= 0; i = pairs.indexOf(traditional, i + 1)) {
        if (i % 2 === 0 && i + 1 < pairs.length) return pairs[i + 1];
      }
      return undefined;
    },
  };
}

/** Folds Traditional characters to Simplified with the pair table, then full-width forms. */
export function foldQuery(query: string, table: PairLookup): string {
  // Characters, not grapheme clusters: the table maps single code points.
  return foldText(Array.from(query, (ch) => table.get(ch) ?? ch).join(''));
}

/**
 * A term as a compact key, so building the index spares a string per character of text and
 * the keys stay small integers: a Han character is its unit's place in the Han blocks
 * (below 32768), a Han bigram `(first + 1) × 32768 + second` (32768 and up, below 2³⁰); a Latin
 * or digit run, or a Han term with a unit outside those blocks, its string.
 */
export type TermKey = number | string;

/** Han blocks by UTF-16 unit: [first unit, last unit + 1, first compact number]. */
const hanBlocks = [
  [0x2e80, 0xa000, 0],
  [0xd800, 0xe000, 0x7180],
  [0xf900, 0xfb00, 0x7980],
] as const;
const span = 0x8000;

function compact(unit: number): number {
  for (const [from, to, at] of hanBlocks) if (unit >= from && unit < to) return at + unit - from;
  return -1;
}

function expand(n: number): number {
  for (const [from, to, at] of hanBlocks) if (n >= at && n < at + to - from) return from + n - at;
  throw new RangeError(`no Han unit for compact number ${n}`);
}

/** The term a key stands for. */
export function termOfKey(key: TermKey): string {
  if (typeof key === 'string') return key;
  return key < span ? String.fromCharCode(expand(key)) : String.fromCharCode(expand(Math.floor(key / span) - 1), expand(key % span));
}

/** Visits the keys of a text's index terms in order: Han unigrams and bigrams, Latin and digit runs. */
export function forEachTermKey(text: string, visit: (key: TermKey) => void): void {
  for (const [run] of foldText(text).matchAll(runs)) {
    if (!isHan.test(run)) {
      visit(run);
      continue;
    }
    let here = compact(run.charCodeAt(0));
    for (let i = 0; i < run.length; i++) {
      const next = i + 1 < run.length ? compact(run.charCodeAt(i + 1)) : -2;
      visit(here >= 0 ? here : run[i]!);
      if (next !== -2) visit(here >= 0 && next >= 0 ? (here + 1) * span + next : run.slice(i, i + 2));
      here = next;
    }
  }
}

/** Index terms of a text: Han unigrams and bigrams, Latin and digit runs. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  forEachTermKey(text, (key) => out.push(termOfKey(key)));
  return out;
}

/** Bigrams a phrase may ask for before it takes every other one instead. */
const maxBigrams = 4;

/**
 * Terms a query asks the index for, all of which a matching report contains: one character
 * alone; else every bigram of the phrase (the ones spanning two words rule out most reports
 * that hold the words apart), or for a long phrase every other bigram, the last one included;
 * Latin and digit runs whole. Checking the text makes the match exact.
 */
export function queryTerms(query: string): string[] {
  const out = new Set<string>();
  for (const [run] of foldText(query).matchAll(runs)) {
    if (!isHan.test(run) || run.length === 1) {
      out.add(run);
      continue;
    }
    const step = run.length - 1 > maxBigrams ? 2 : 1;
    for (let i = 0; i + 1 < run.length; i += step) out.add(run.slice(i, i + 2));
    out.add(run.slice(-2));
  }
  return [...out];
}

/** The longest query searched: longer input is cut to this many characters (the search page and a report page's find bar alike). */
export const maxQueryLength = 64;

/** The pieces of a query that must appear verbatim in a matching text. */
export function queryPhrases(query: string): string[] {
  return [...foldText(query).matchAll(runs)].map(([run]) => run);
}

/** Which shard holds a term: FNV-1a of its UTF-16 units, modulo the shard count. */
export function shardOf(term: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}
