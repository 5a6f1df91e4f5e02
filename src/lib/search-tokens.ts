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

/** Index terms of a text: Han unigrams and bigrams, Latin and digit runs. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const [run] of foldText(text).matchAll(runs)) {
    if (isHan.test(run)) {
      for (let i = 0; i < run.length; i++) {
        out.push(run[i]!);
        if (i + 1 < run.length) out.push(run.slice(i, i + 2));
      }
    } else {
      out.push(run);
    }
  }
  return out;
}

/**
 * Terms a query needs, all of which a matching report contains: one character alone, else its
 * bigrams; Latin and digit runs whole. Exactness for longer queries comes from checking the text.
 */
export function queryTerms(query: string): string[] {
  const out = new Set<string>();
  for (const [run] of foldText(query).matchAll(runs)) {
    if (!isHan.test(run) || run.length === 1) out.add(run);
    else for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
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
