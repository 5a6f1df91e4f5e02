import type { Root as MdRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';

/** Redaction marks: runs of `*`, or of X/×/○ standing in for a name or number. */
export const redaction = /\*+|(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])|×{2,}|○{2,}|某某/g;

/** Counts redaction marks in the body and title; they are kept as found, never guessed. */
export function countRedactions() {
  return (tree: MdRoot, file: VFile): void => {
    const text = `${file.data.titleLine ?? ''}\n${toString(tree)}`;
    file.data.redactions = text.match(redaction)?.length ?? 0;
  };
}
