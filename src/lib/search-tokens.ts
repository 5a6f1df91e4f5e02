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

/**
 * A term as a compact key: a Han character is its UTF-16 code unit, a Han bigram
 * `first × 65536 + second` (Han units start at U+2E80, so the two never meet), a Latin or digit
 * run its string. Building the index with keys spares a string per character of text.
 */
export type TermKey = number | string;

/** The term a key stands for. */
export function termOfKey(key: TermKey): string {
  return typeof key === 'string' ? key : key < 0x10000 ? String.fromCharCode(key) : String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);
}

/** Visits the keys of a text's index terms in order: Han unigrams and bigrams, Latin and digit runs. */
export function forEachTermKey(text: string, visit: (key: TermKey) => void): void {
  for (const [run] of foldText(text).matchAll(runs)) {
    if (isHan.test(run)) {
      for (let i = 0; i < run.length; i++) {
        const unit = run.charCodeAt(i);
        visit(unit);
        if (i + 1 < run.length) visit(unit * 0x10000 + run.charCodeAt(i + 1));
      }
    } else {
      visit(run);
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
