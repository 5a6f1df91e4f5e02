import { readVarints, VarintWriter } from './pack.ts';
import type { Posting } from './postings.ts';

/**
 * A shard as a pack stores it (`shard/<g>.bin`, raw-DEFLATE compressed, see pack.ts): bytes, not
 * JSON, so the browser reads a term's postings in one pass over about a byte a posting, and only
 * the terms a query asks for. At 100,000 reports a common term's list holds some 75,000 postings:
 * as JSON it was 239 KB to inflate and parse, 53 KB compressed; as bytes it is 60 KB and 36 KB.
 *
 * ```
 * uint32 LE      the header's length in bytes
 * header         JSON: {"b":[["双减",75403,75980],…],"t":[["湛江",4,4],…]}: each term, its
 *                number of postings and their bytes, in the order the lists follow
 * body lists     per body term, unsigned LEB128 numbers: gap × 8 + part (the gap is the id
 *                less the id before, the first the id itself; the part where the term first occurs)
 * title lists    per title term, unsigned LEB128 id gaps
 * ```
 */

/** Bits of a body posting's number that hold its part: parts run 0 … 7. */
const partBits = 3;
/** A body posting as the builder holds it and a shard stores its first: `id × partRadix + part`. */
export const partRadix = 1 << partBits;

type HeaderEntry = [term: string, count: number, bytes: number];
interface ShardHeader {
  b: HeaderEntry[];
  t: HeaderEntry[];
}

/**
 * A shard's bytes from its terms' postings: body lists as `id × partRadix + part` and title lists
 * as ids, each ascending by id. Terms keep the order given.
 */
export function encodeShard(body: Iterable<[string, ArrayLike<number>]>, title: Iterable<[string, ArrayLike<number>]>): Uint8Array {
  const lists = new VarintWriter();
  const header: ShardHeader = { b: [], t: [] };
  for (const [term, list] of body) {
    const start = lists.length;
    let before = 0;
    for (let i = 0; i < list.length; i++) {
      const id = list[i]! >>> partBits;
      if (id < before) throw new RangeError(`the postings of ${term} are not in id order`);
      lists.varint(list[i]! - before * partRadix);
      before = id;
    }
    header.b.push([term, list.length, lists.length - start]);
  }
  for (const [term, ids] of title) {
    const start = lists.length;
    let before = 0;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i]! < before) throw new RangeError(`the title postings of ${term} are not in id order`);
      lists.varint(ids[i]! - before);
      before = ids[i]!;
    }
    header.t.push([term, ids.length, lists.length - start]);
  }
  const head = new TextEncoder().encode(JSON.stringify(header));
  const out = new VarintWriter();
  out.append(new Uint8Array(new Uint32Array([head.length]).buffer));
  out.append(head);
  out.append(lists.written());
  return out.written().slice();
}

/** Where a term's list lies in a shard's bytes. */
interface ListPlace {
  offset: number;
  count: number;
  bytes: number;
}

const noPostings: Posting = { ids: new Int32Array(0), parts: new Int8Array(0) };

/**
 * A shard as read: its header checked against its length when made, each term's list decoded
 * when asked for (a shard holds every term that hashes to it; a query needs one or two).
 */
export class ShardPostings {
  readonly #bytes: Uint8Array;
  readonly #body = new Map<string, ListPlace>();
  readonly #title = new Map<string, ListPlace>();

  constructor(bytes: Uint8Array) {
    if (bytes.length < 4) throw new RangeError(`a shard of ${bytes.length} bytes has no header`);
    const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
    if (4 + headLength > bytes.length) throw new RangeError(`a shard of ${bytes.length} bytes cannot hold a ${headLength}-byte header`);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))) as ShardHeader;
    let offset = 4 + headLength;
    for (const [entries, places] of [
      [header.b, this.#body],
      [header.t, this.#title],
    ] as const) {
      for (const [term, count, length] of entries) {
        places.set(term, { offset, count, bytes: length });
        offset += length;
      }
    }
    if (offset !== bytes.length) throw new RangeError(`a shard's header lists ${offset} bytes, it has ${bytes.length}`);
    this.#bytes = bytes;
  }

  /** The terms the shard holds postings for, text terms first. */
  terms(): { body: string[]; title: string[] } {
    return { body: [...this.#body.keys()], title: [...this.#title.keys()] };
  }

  /** A term's postings in the text: ids with the part each first occurs in (none when the shard lacks it). */
  body(term: string): Posting {
    const place = this.#body.get(term);
    if (!place) return noPostings;
    const values = this.#numbers(term, place);
    const parts = new Int8Array(values.length);
    let id = 0;
    for (let i = 0; i < values.length; i++) {
      parts[i] = values[i]! & (partRadix - 1);
      values[i] = id += values[i]! >>> partBits;
    }
    return { ids: values, parts };
  }

  /** A term's postings in titles, region names and issuers: ids, every part 0 (none when the shard lacks it). */
  title(term: string): Posting {
    const place = this.#title.get(term);
    if (!place) return noPostings;
    const values = this.#numbers(term, place);
    let id = 0;
    for (let i = 0; i < values.length; i++) values[i] = id += values[i]!;
    return { ids: values, parts: new Int8Array(values.length) };
  }

  /** A list's numbers as stored, in order (as signed integers: they stay below 2³¹). */
  #numbers(term: string, place: ListPlace): Int32Array {
    let numbers: Uint32Array;
    try {
      numbers = readVarints(this.#bytes.subarray(place.offset, place.offset + place.bytes));
    } catch {
      numbers = new Uint32Array(0);
    }
    if (numbers.length !== place.count)
      throw new RangeError(`the postings of ${term} are ${numbers.length} numbers in ${place.bytes} bytes, not ${place.count}`);
    return new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length);
  }
}
