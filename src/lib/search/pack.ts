/**
 * Pack files: many small JSON values in one file, each compressed on its own (raw DEFLATE) and
 * read by byte range, so a report's text parts and a query's shards cost the files of a few
 * hundred reports or shards rather than one file each. Shared by the writer (`src/integrations/pack-writer.ts`)
 * and the browser (`reader.ts`).
 */

import { inflateSync } from 'fflate';

/** Where a value lies in its pack: first byte and length. */
export interface Span {
  offset: number;
  length: number;
}

/**
 * Bytes a shard's slot in its pack is a whole number of. A slot holds the shard's length (32-bit
 * little-endian), the packed shard and zeros up to the slot's end; the slot lengths, in units, are
 * the shard directory (`shards.bin`) the reader loads with the manifest, so a shard costs one
 * request. Coarser units make the directory smaller (about half a byte a shard, compressed, at 256)
 * and each shard's download up to a unit longer.
 */
export const slotUnit = 256;

/** Shard n's slot within its pack, from the directory's slot lengths (in `slotUnit`s, shard by shard), `perPack` shards to a pack. */
export function slotSpan(units: ArrayLike<number>, perPack: number, n: number): Span {
  if (n < 0 || n >= units.length) throw new RangeError(`no shard ${n} among ${units.length}`);
  let offset = 0;
  for (let k = n - (n % perPack); k < n; k++) offset += units[k]!;
  return { offset: offset * slotUnit, length: units[n]! * slotUnit };
}

/** The packed shard a slot holds: the bytes after its length, up to that length. */
export function slotValue(slot: Uint8Array): Uint8Array {
  if (slot.length < 4) throw new RangeError(`a slot of ${slot.length} bytes has no length`);
  const length = new DataView(slot.buffer, slot.byteOffset, slot.byteLength).getUint32(0, true);
  if (4 + length > slot.length) throw new RangeError(`a slot of ${slot.length} bytes cannot hold ${length} bytes`);
  return slot.subarray(4, 4 + length);
}

/** Unsigned LEB128 numbers (seven bits a byte, low first): how the shard directory stores slot lengths. */
export function readVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const byte of bytes) {
    value += (byte & 0x7f) * 2 ** shift;
    if (byte & 0x80) {
      shift += 7;
    } else {
      out.push(value);
      value = 0;
      shift = 0;
    }
  }
  if (shift) throw new RangeError('the last number is cut off');
  return out;
}

/**
 * A report's text location as its metadata row stores it: `[offset, length₀, length₁, …]`, its
 * values lying one after another in its text pack (the text parts, then the Traditional table).
 */
export type TextLocation = number[];

/** The span of value `k` of a report's text location. */
export function textSpan(location: TextLocation, k: number): Span {
  let offset = location[0]!;
  for (let i = 1; i <= k; i++) offset += location[i]!;
  const length = location[k + 1];
  if (length === undefined) throw new RangeError(`a text location of ${location.length - 1} values has no value ${k}`);
  return { offset, length };
}

const utf8 = new TextDecoder();

/**
 * A value of a pack from its compressed bytes. Inflated by fflate, synchronously: a query reads
 * ten to twenty values of a few KB, and the browser's `DecompressionStream` spends most of a
 * millisecond on each in stream set-up (measured in Chromium), against tens of microseconds here.
 */
export function inflateJson(bytes: Uint8Array): unknown {
  return JSON.parse(utf8.decode(inflateSync(bytes)));
}

/** Raw-DEFLATE compressed bytes, decompressed. */
export function inflateBytes(bytes: Uint8Array): Uint8Array {
  return inflateSync(bytes);
}
