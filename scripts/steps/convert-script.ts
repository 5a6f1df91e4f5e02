import type { VFile } from 'vfile';
import { convertToSimplified } from '../../src/lib/traditional.ts';
import type { LinesRoot } from '../tree.ts';

/** Share of characters that must be Traditional for a whole document to be converted. */
const documentShare = 0.01;
/** In a Simplified document, a line is converted only with this many Traditional characters… */
const lineMinimum = 4;
/** …making up at least this share of the line. */
const lineShare = 0.15;

function diffCount(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== b.length) return Math.abs(a.length - b.length) + 1;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/**
 * Converts Traditional characters to Simplified with opencc-js. The script is judged per
 * document and, in a Simplified document, per line, so Simplified text passes byte-identical.
 * Records the script and the number of characters changed.
 */
export function convertScript() {
  return (tree: LinesRoot, file: VFile): void => {
    const converted = tree.children.map((line) => convertToSimplified(line.value));
    const changes = tree.children.map((line, i) => diffCount(line.value, converted[i]!));
    const total = tree.children.reduce((n, line) => n + line.value.length, 0);
    const changedTotal = changes.reduce((a, b) => a + b, 0);
    const wholeDocument = total > 0 && changedTotal / total >= documentShare;
    let convertedChars = 0;
    let convertedLines = 0;
    tree.children.forEach((line, i) => {
      const n = changes[i]!;
      if (n === 0) return;
      if (!wholeDocument && (n < lineMinimum || n / line.value.length < lineShare)) return;
      line.value = converted[i]!;
      convertedChars += n;
      convertedLines++;
    });
    file.data.convertedChars = convertedChars;
    file.data.script = wholeDocument ? 'traditional' : convertedLines > 0 ? 'mixed' : 'simplified';
  };
}
