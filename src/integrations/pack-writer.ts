import { closeSync, openSync, writeSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { directoryBytes } from '../lib/search/pack.ts';

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

/** A shard pack's bytes: the directory of offsets (see `directoryBytes`), then the shards. */
export function shardPackBytes(shards: Uint8Array[]): Buffer {
  const head = directoryBytes(shards.length);
  const directory = Buffer.alloc(head);
  let offset = head;
  shards.forEach((shard, i) => {
    directory.writeUInt32LE(offset, 4 * i);
    offset += shard.length;
  });
  directory.writeUInt32LE(offset, 4 * shards.length);
  return Buffer.concat([directory, ...shards]);
}
