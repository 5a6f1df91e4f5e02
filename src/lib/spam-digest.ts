import { createHash } from 'node:crypto';

/** A removed spam string as the site shows it: never the string itself, which must not be republished. */
export interface SpamDigest {
  /** The first 12 hex digits of the SHA-256 of the string's UTF-8 bytes: enough to match it against the raw download. */
  sha256: string;
  /** Length of the string in characters. */
  chars: number;
  /** How often it was removed. */
  count: number;
}

/** What the site shows of one removed spam string: a short hash, its length and its count. */
export function spamDigest(spam: { text: string; count: number }): SpamDigest {
  return {
    sha256: createHash('sha256').update(spam.text).digest('hex').slice(0, 12),
    chars: Array.from(spam.text).length,
    count: spam.count,
  };
}
