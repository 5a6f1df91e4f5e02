import { closeSync, openSync, writeSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { slotUnit } from '../lib/search/pack.ts';

/** A value as a pack stores it: its JSON, raw-DEFLATE compressed (`inflateJson` reads it back). */
export function packed(value: unknown): Buffer {
  return deflateRawSync(Buffer.from(JSON.stringify(value)));
}

/** A pack file written front to back: values appended, each at the offset `append` returns. */
export class PackFile {
  readonly #fd: number;
  #offset = 0;
  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }
  /** Appends bytes; returns the offset they start at. */
  append(bytes: Uint8Array): number {
    const at = this.#offset;
    for (let done = 0; done < bytes.length;) done += writeSync(this.#fd, bytes, done);
    this.#offset += bytes.length;
    return at;
  }
  close(): void {
    closeSync(this.#fd);
  }
}

/** A shard's slot (see `slotUnit`): its length, its packed bytes, zeros to the end of the slot's last unit. */
export function shardSlot(shard: Uint8Array): Buffer {
  const slot = Buffer.alloc(Math.ceil((4 + shard.length) / slotUnit) * slotUnit);
  slot.writeUInt32LE(shard.length, 0);
  slot.set(shard, 4);
  return slot;
}

/** The shard directory (`shards.bin`): each slot's length in units as an unsigned LEB128 number, the whole raw-DEFLATE compressed. */
export function shardDirectory(slotBytes: number[]): Buffer {
  const bytes: number[] = [];
  for (const length of slotBytes) {
    let units = length / slotUnit;
    if (!Number.isInteger(units)) throw new RangeError(`a slot of ${length} bytes is not a whole number of ${slotUnit}-byte units`);
    while (units >= 0x80) {
      bytes.push((units & 0x7f) | 0x80);
      units = Math.floor(units / 0x80);
    }
    bytes.push(units);
  }
  return deflateRawSync(Buffer.from(bytes), { level: 9 });
}
