/**
 * Pack files: many small JSON values in one file, each compressed on its own (raw DEFLATE) and
 * read by byte range, so a report's text parts and a query's shards cost the files of a few
 * hundred reports or shards rather than one file each. Shared by the writer (`src/integrations/pack-writer.ts`)
 * and the browser (`reader.ts`); no dependencies.
 */

/** Where a value lies in its pack: first byte and length. */
export interface Span {
  offset: number;
  length: number;
}

/** Bytes of a shard pack's directory: one 32-bit little-endian offset per shard, and the end. */
export function directoryBytes(shardsInPack: number): number {
  return 4 * (shardsInPack + 1);
}

/** The span of shard `i` of a pack (its index within the pack) from the pack's directory. */
export function shardSpan(directory: Uint8Array, i: number): Span {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const offset = view.getUint32(4 * i, true);
  return { offset, length: view.getUint32(4 * (i + 1), true) - offset };
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

/** A value of a pack from its compressed bytes. */
export async function inflateJson(bytes: Uint8Array): Promise<unknown> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return JSON.parse(await new Response(stream).text());
}
