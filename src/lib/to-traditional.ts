import * as OpenCC from 'opencc-js/cn2t';

/** Mainland Simplified → Taiwan standard Traditional, phrase by phrase (OpenCC). */
const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Clauses converted so far: reports share much wording, and a clause converts the same wherever it stands. */
const memo = new Map<string, string>();
const memoLimit = 200_000;

/**
 * Converts text to Traditional clause by clause (OpenCC's phrases never span these marks), one
 * character for one: a clause whose phrase conversion would change its length is converted
 * character by character instead.
 */
export function toTraditional(text: string): string {
  return text.replace(/[^，。；：、！？\n]+/g, (clause) => {
    let out = memo.get(clause);
    if (out === undefined) {
      out = convert(clause);
      if (out.length !== clause.length)
        out = Array.from(clause, (ch) => (ch.length === 1 && convert(ch).length === 1 ? convert(ch) : ch)).join('');
      if (memo.size >= memoLimit) memo.clear();
      memo.set(clause, out);
    }
    return out;
  });
}
