import { ISO_2022_CN } from 'chardet/lib/encoding/iso2022.js';
import type { Context, Recogniser } from 'chardet/lib/encoding/index.js';
import { big5, gb_18030 } from 'chardet/lib/encoding/mbcs.js';
import type { Match } from 'chardet/lib/match.js';
import iconv from 'iconv-lite';
import type { Report } from './report-schema.ts';

/** Encodings the archive accepts, as recorded in `source.encoding`. */
export type Encoding = Report['source']['encoding'];

/** Decoded text and how it was decoded. */
export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Something worth telling the user that did not stop decoding. */
  warning: string | null;
}

/** Raised when bytes are not text the archive can read; `reason` is user-facing. */
export class DecodeError extends Error {
  override name = 'DecodeError';
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

/** Largest raw file accepted: a real report is well under 1 MB. */
export const maxRawBytes = 20 * 1024 * 1024;

/** Why a raw file of `size` bytes is refused unread, or null when its size is acceptable. */
export function oversizeReason(size: number): string | null {
  return size > maxRawBytes
    ? `file is ${(size / 1048576).toFixed(1)} MB; raw reports over ${maxRawBytes / 1048576} MB are refused as not a single report`
    : null;
}

const signatures: [string, number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['Word 97-2003 document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['gzip', [0x1f, 0x8b]],
  ['WebP or RIFF', [0x52, 0x49, 0x46, 0x46]],
];

function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of signatures) {
    if (magic.every((b, i) => bytes[i] === b)) return `${name} header`;
  }
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i]! < 9) controls++;
  return controls > sample.length * 0.01 ? `${controls} control bytes in the first ${sample.length}` : null;
}

/**
 * UTF-16 text without a byte-order mark, told by its zero bytes: the high byte of every ASCII
 * character, so they stand on one side (odd offsets for little-endian, even for big-endian).
 * Accepted only when the decoded text is almost all printable.
 */
function bomlessUtf16(bytes: Uint8Array): Decoded | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const zeros = even + odd;
  if (zeros < sample.length * 0.05 || Math.max(even, odd) < zeros * 0.8) return null;
  const encoding = odd > even ? 'UTF-16LE' : 'UTF-16BE';
  const text = iconv.decode(Buffer.from(bytes), encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be');
  // eslint-disable-next-line no-control-regex -- control characters are what disproves the guess
  const unprintable = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]|[\ud800-\udfff]/g)?.length ?? 0;
  if (unprintable > text.length * 0.01) return null;
  return { text, encoding, warning: `${encoding} without a byte-order mark, recognised by its zero bytes` };
}

/** Where the first byte that breaks UTF-8 stands, for error messages: `offset 1234 (0xc3)`. */
function firstInvalidUtf8(bytes: Uint8Array): string {
  let lo = 0;
  let hi = bytes.length;
  // The longest valid prefix, by halving: a prefix that decodes ends before the first bad byte.
  while (hi - lo > 4) {
    const mid = (lo + hi) >>> 1;
    if (strictUtf8Prefix(bytes.subarray(0, mid))) lo = mid;
    else hi = mid;
  }
  let end = lo;
  while (end < bytes.length && strictUtf8Prefix(bytes.subarray(0, end + 1))) end++;
  // The bad sequence starts where the character cut by the first bad byte began.
  const at = end - truncatedTail(bytes.subarray(0, end));
  return `offset ${at} (0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')})`;
}

/** Whether `bytes` is valid UTF-8, allowing only a character cut at its very end. */
function strictUtf8Prefix(bytes: Uint8Array): boolean {
  if (strictUtf8(bytes) !== null) return true;
  const cut = truncatedTail(bytes);
  return cut > 0 && strictUtf8(bytes.subarray(0, bytes.length - cut)) !== null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Length of a UTF-8 sequence cut off at the very end of `bytes`, or 0. */
function truncatedTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Bytes the encoding detector reads. */
const sampleBytes = 2048;

/**
 * chardet's recognisers for Chinese, in the order its `analyse` runs them. `analyse` also runs
 * some twenty recognisers of other languages (two thirds of its time) whose answers are thrown
 * away here, since only Chinese encodings are accepted; these three give the same Chinese
 * candidates in the same order.
 */
const chineseRecognisers: Recogniser[] = [new big5(), new gb_18030(), new ISO_2022_CN()];

/** chardet's `analyse` for Chinese encodings only: candidates with their confidence, best first. */
export function chineseCandidates(sample: Uint8Array): Match[] {
  const byteStats = new Array<number>(256).fill(0);
  for (const b of sample) byteStats[b]!++;
  const context: Context = {
    byteStats,
    c1Bytes: byteStats.slice(0x80, 0xa0).some((n) => n > 0),
    rawInput: sample,
    rawLen: sample.length,
    inputBytes: sample,
    inputLen: sample.length,
  };
  return chineseRecognisers
    .map((r) => r.match(context))
    .filter((m): m is Match => m !== null && m.lang === 'zh')
    .sort((a, b) => b.confidence - a.confidence);
}

function decodeLegacy(bytes: Uint8Array): Decoded | null {
  // A few kilobytes of Chinese text tell GB18030 from Big5 as well as the whole file does; they
  // start at the first non-ASCII byte, so an HTML page's markup does not dilute the sample.
  const from = Math.max(
    0,
    bytes.findIndex((b) => b >= 0x80),
  );
  const candidates = chineseCandidates(bytes.subarray(from, from + sampleBytes)).filter((c) => c.confidence >= 20);
  const best = candidates[0];
  if (!best) return null;
  const encoding: Encoding = best.name === 'Big5' ? 'Big5' : 'GB18030';
  const text = iconv.decode(Buffer.from(bytes), encoding);
  const bad = text.match(/\uFFFD/g)?.length ?? 0;
  if (bad > text.length * 0.001) return null;
  return { text, encoding, warning: bad ? `${bad} undecodable byte sequences replaced` : null };
}

/**
 * Decodes raw bytes: a BOM decides; else strict UTF-8; else GB18030/GBK or Big5 by detection.
 * @throws DecodeError for empty, binary, oversized or undecodable input.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const oversize = oversizeReason(bytes.length);
  if (oversize) throw new DecodeError(oversize);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    if (text === null) throw new DecodeError('UTF-8 byte-order mark, but the bytes after it are not valid UTF-8');
    return { text, encoding: 'UTF-8', warning: null };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE', warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE', warning: null };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return utf16;
  const binary = binaryKind(bytes);
  if (binary) throw new DecodeError(`expected UTF-8, GB18030, Big5 or UTF-16 text, found binary data (${binary})`);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8', warning: null };
  const cut = truncatedTail(bytes);
  if (cut > 0) {
    const text = strictUtf8(bytes.subarray(0, bytes.length - cut));
    if (text !== null)
      return { text, encoding: 'UTF-8', warning: `truncated UTF-8: the last ${cut} byte(s) end mid-character and were dropped` };
  }
  const legacy = decodeLegacy(bytes);
  if (legacy) return legacy;
  throw new DecodeError(
    `expected UTF-8, GB18030, Big5 or UTF-16 text, found bytes that decode as none of them (first byte that is not UTF-8 at ${firstInvalidUtf8(bytes)})`,
  );
}

/**
 * Decodes bytes whose encoding was recorded when they were normalized (`source.encoding`): the
 * text `decodeBytes` gave then, without running the detector again.
 */
export function decodeKnown(bytes: Uint8Array, encoding: Encoding): string {
  return encoding === 'GB18030' || encoding === 'Big5' ? iconv.decode(Buffer.from(bytes), encoding) : decodeBytes(bytes).text;
}
