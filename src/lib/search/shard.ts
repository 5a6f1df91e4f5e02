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

/** A growing run of bytes, written as unsigned LEB128 numbers. */
class ByteWriter {
  bytes = new Uint8Array(256);
  length = 0;
  #room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  varint(value: number): void {
    this.#room(5);
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }
  append(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
}

/**
 * A shard's bytes from its terms' postings: body lists as `id × partRadix + part` and title lists
 * as ids, each ascending by id. Terms keep the order given.
 */
export function encodeShard(body: Iterable<[string, ArrayLike<number>]>, title: Iterable<[string, ArrayLike<number>]>): Uint8Array {
  const lists = new ByteWriter();
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
  const out = new ByteWriter();
  out.append(new Uint8Array(new Uint32Array([head.length]).buffer));
  out.append(head);
  out.append(lists.bytes.subarray(0, lists.length));
  return out.bytes.slice(0, out.length);
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

  /** A list's numbers as stored, in order. */
  #numbers(term: string, place: ListPlace): Int32Array {
    const bytes = this.#bytes;
    const out = new Int32Array(place.count);
    let at = place.offset;
    for (let i = 0; i < out.length; i++) {
      let byte = bytes[at++]!;
      let value = byte & 0x7f;
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[at++]!;
        value |= (byte & 0x7f) << shift;
      }
      out[i] = value;
    }
    if (at !== place.offset + place.bytes)
      throw new RangeError(`the postings of ${term} take ${at - place.offset} bytes, not ${place.bytes}`);
    return out;
  }
}
