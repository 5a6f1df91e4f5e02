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

/**
 * Unsigned LEB128 numbers (seven bits a byte, low first): how the shard and texts directories
 * store slot sizes. Read into a typed array in one pass: the texts directory holds a number a
 * report, and it is read while the page's code is still cold.
 */
export function readVarints(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length;) {
    let byte = bytes[i++]!;
    let value = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      if (i === bytes.length) throw new RangeError('the last number is cut off');
      byte = bytes[i++]!;
      value += (byte & 0x7f) * 2 ** shift;
    }
    out[n++] = value;
  }
  return out.subarray(0, n);
}

/** A growing run of bytes, numbers written as unsigned LEB128 (`readVarints` reads them back). */
export class VarintWriter {
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
      value = Math.floor(value / 0x80);
    }
    this.bytes[this.length++] = value;
  }
  append(bytes: Uint8Array): void {
    this.#room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
  /** The bytes written. */
  written(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
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

/** Compressed bytes from which `inflateLarge` hands the work to the browser's own decompressor. */
const nativeFrom = 8192;

/**
 * Raw-DEFLATE compressed bytes, decompressed: by the platform's `DecompressionStream` when there
 * are `nativeFrom` bytes or more (a slot directory, a shard of a common term), else by fflate.
 * On a page whose code has not run yet, fflate took 44–86 ms for three 53 KB shards of the
 * 100,000-report archive and the native stream 11–20 ms (Chromium, fresh pages); for small values
 * the stream's set-up costs more than it saves.
 */
export async function inflateLarge(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length < nativeFrom || typeof DecompressionStream === 'undefined') return inflateSync(bytes);
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
