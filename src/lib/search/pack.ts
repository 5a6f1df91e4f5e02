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
 * Bytes a slot in a pack is a whole number of. A slot holds a packed value's length (32-bit
 * little-endian), the value and zeros up to the slot's end. The slot sizes, in units, are the
 * shard directory (`shards.bin`, a size a shard) and the texts directory (`texts.bin`, a size a
 * report, all its parts' slots that size), which the reader loads with the manifest: a shard or a
 * text part costs one request, with no metadata read first. Coarser units make the directories
 * smaller (about half a byte a shard or report, compressed, at 256) and each download up to a unit
 * longer.
 */
export const slotUnit = 256;

/** The units of a directory's entries before entry n in n's pack (each pack holds `perPack` entries and starts at 0). */
function unitsBefore(units: ArrayLike<number>, perPack: number, n: number): number {
  let before = 0;
  for (let k = n - (n % perPack); k < n; k++) before += units[k]!;
  return before;
}

/** Shard n's slot within its pack, from the directory's slot lengths (in `slotUnit`s, shard by shard), `perPack` shards to a pack. */
export function slotSpan(units: ArrayLike<number>, perPack: number, n: number): Span {
  if (n < 0 || n >= units.length) throw new RangeError(`no shard ${n} among ${units.length}`);
  return { offset: unitsBefore(units, perPack, n) * slotUnit, length: units[n]! * slotUnit };
}

/** The packed value a slot holds (a shard, a text part): the bytes after its length, up to that length. */
export function slotValue(slot: Uint8Array): Uint8Array {
  if (slot.length < 4) throw new RangeError(`a slot of ${slot.length} bytes has no length`);
  const length = new DataView(slot.buffer, slot.byteOffset, slot.byteLength).getUint32(0, true);
  if (4 + length > slot.length) throw new RangeError(`a slot of ${slot.length} bytes cannot hold ${length} bytes`);
  return slot.subarray(4, 4 + length);
}

/** Unsigned LEB128 numbers (seven bits a byte, low first): how the shard and texts directories store slot sizes. */
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
 * Report id's text parts `k` … `k + count − 1` in its text pack, from the texts directory's slot
 * sizes (in `slotUnit`s, report by report), `perPack` reports to a pack: every part of a report
 * lies in a slot of the same size, its parts one after another, so a part's place needs no more
 * than the directory, and the parts from one on are one span.
 */
export function partSlots(units: ArrayLike<number>, perPack: number, parts: number, id: number, k: number, count = 1): Span {
  if (id < 0 || id >= units.length) throw new RangeError(`no report ${id} among ${units.length}`);
  if (k < 0 || count < 1 || k + count > parts) throw new RangeError(`no parts ${k}–${k + count - 1} of ${parts}`);
  const slot = units[id]! * slotUnit;
  return { offset: unitsBefore(units, perPack, id) * parts * slotUnit + k * slot, length: count * slot };
}

/** Where a report page's Traditional table lies in its table pack, as its metadata row stores it: `[offset, length]`. */
export type TableLocation = [number, number];

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
