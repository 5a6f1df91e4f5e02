import type { ShardPostings } from './shard.ts';
import { queryTerms, shardOf } from './tokens.ts';

/**
 * Posting lists: how the manifest's `lowered` stores ascending doc ids (as gaps, which stay small
 * and compress well; a shard stores its lists so too, see shard.ts), and how a query's lists are intersected.
 */

/** Doc ids (ascending) with the part each term first occurs in. */
export interface Posting {
  ids: Int32Array;
  parts: Int8Array;
}

/** Ascending ids as gaps: [id₀, id₁ − id₀, …], as the manifest's `lowered` is stored. */
export function encodeGaps(ids: readonly number[]): number[] {
  return ids.map((id, i) => id - (i ? ids[i - 1]! : 0));
}

/** Ids from their gaps: `encodeGaps`'s inverse. */
export function decodeGaps(gaps: readonly number[] | undefined): Int32Array {
  const ids = new Int32Array(gaps?.length ?? 0);
  let id = 0;
  for (let i = 0; i < ids.length; i++) ids[i] = id += gaps![i]!;
  return ids;
}

/** For id lists sorted ascending, the position in each list of every id that all of them hold, in id order. */
export function commonPositions(lists: ArrayLike<number>[]): Int32Array[] {
  if (lists.length === 0) return [];
  // Walk the shortest list; the others only move forward.
  const lead = lists.reduce((best, list, r) => (list.length < lists[best]!.length ? r : best), 0);
  const leader = lists[lead]!;
  const out = lists.map(() => new Int32Array(leader.length));
  const at = new Int32Array(lists.length);
  let found = 0;
  outer: for (let i = 0; i < leader.length; i++) {
    const id = leader[i]!;
    for (let r = 0; r < lists.length; r++) {
      if (r === lead) continue;
      const other = lists[r]!;
      let j = at[r]!;
      while (j < other.length && other[j]! < id) j++;
      at[r] = j;
      if (j === other.length) break outer;
      if (other[j] !== id) continue outer;
    }
    for (let r = 0; r < lists.length; r++) out[r]![found] = r === lead ? i : at[r]!;
    found++;
  }
  return out.map((positions) => positions.subarray(0, found));
}

/** Ids in both postings, each with the later of its two parts: one merge over the two lists. */
function intersectTwo(a: Posting, b: Posting): Posting {
  const ids = new Int32Array(Math.min(a.ids.length, b.ids.length));
  const parts = new Int8Array(ids.length);
  const [x, y] = [a.ids, b.ids];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.length && j < y.length) {
    const d = x[i]! - y[j]!;
    if (d < 0) {
      i++;
    } else if (d > 0) {
      j++;
    } else {
      ids[k] = x[i]!;
      parts[k++] = Math.max(a.parts[i++]!, b.parts[j++]!);
    }
  }
  return { ids: ids.subarray(0, k), parts: parts.subarray(0, k) };
}

/**
 * Ids in every posting, each with the latest of their parts: where a phrase can first occur.
 * Merged two lists at a time, shortest first, so each merge is over the fewest ids.
 */
export function intersect(postings: Posting[]): Posting {
  const [first, ...rest] = [...postings].sort((p, q) => p.ids.length - q.ids.length);
  return rest.reduce(intersectTwo, first ?? { ids: new Int32Array(0), parts: new Int8Array(0) });
}

/** Reports matching every phrase: per phrase, whether the title and region hold it and the first part of the text that can. */
export interface Candidates {
  ids: Int32Array;
  /** [phrase][candidate]: 1 when the title and region postings hold the phrase's terms. */
  title: Uint8Array[];
  /** [phrase][candidate]: first part of the text to look in, −1 when the text's postings lack a term. */
  from: Int8Array[];
}

/** One phrase's matches in id order: the union of its text and its title-and-region postings. */
interface PhraseHits {
  ids: Int32Array;
  title: Uint8Array;
  from: Int8Array;
}

function phraseHits(body: Posting, title: Posting): PhraseHits {
  const n = body.ids.length + title.ids.length;
  const out: PhraseHits = { ids: new Int32Array(n), title: new Uint8Array(n), from: new Int8Array(n) };
  let i = 0;
  let j = 0;
  let k = 0;
  for (; i < body.ids.length || j < title.ids.length; k++) {
    const b = i < body.ids.length ? body.ids[i]! : Infinity;
    const t = j < title.ids.length ? title.ids[j]! : Infinity;
    out.ids[k] = Math.min(b, t);
    out.title[k] = t <= b ? 1 : 0;
    out.from[k] = b <= t ? body.parts[i]! : -1;
    if (b <= t) i++;
    if (t <= b) j++;
  }
  return { ids: out.ids.subarray(0, k), title: out.title.subarray(0, k), from: out.from.subarray(0, k) };
}

/** The reports whose postings hold every term of every phrase, from the shards those terms live in (`loaded`, by shard number). */
export function candidatesOf(phrases: string[], loaded: Map<number, ShardPostings>, shards: number): Candidates {
  const perPhrase = phrases.map((phrase) => {
    const terms = queryTerms(phrase);
    const shard = (t: string) => loaded.get(shardOf(t, shards))!;
    return phraseHits(intersect(terms.map((t) => shard(t).body(t))), intersect(terms.map((t) => shard(t).title(t))));
  });
  // One phrase (most queries): its hits are the candidates. Otherwise keep the ids every phrase has.
  if (perPhrase.length === 1) return { ids: perPhrase[0]!.ids, title: [perPhrase[0]!.title], from: [perPhrase[0]!.from] };
  const where = commonPositions(perPhrase.map((p) => p.ids));
  const ids = where[0]!.map((i) => perPhrase[0]!.ids[i]!);
  const title = perPhrase.map(() => new Uint8Array(ids.length));
  const from = perPhrase.map(() => new Int8Array(ids.length));
  perPhrase.forEach((p, n) => {
    const at = where[n]!;
    for (let k = 0; k < at.length; k++) {
      title[n]![k] = p.title[at[k]!]!;
      from[n]![k] = p.from[at[k]!]!;
    }
  });
  return { ids, title, from };
}
