import type { VFile } from 'vfile';
import { convertToSimplified } from '../../src/lib/traditional.ts';
import type { LinesRoot } from '../tree.ts';

/** Share of Han characters that must be Traditional for a whole document to be converted. */
const documentShare = 0.02;
/** In a Simplified document, a line is converted only with this many Traditional characters… */
const lineMinimum = 4;
/** …making up at least this share of its Han characters. */
const lineShare = 0.25;

const han = /\p{Script=Han}/gu;

function diffCount(a: string, b: string): number {
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
    let hanTotal = 0;
    let changedTotal = 0;
    const changes = tree.children.map((line, i) => {
      const n = diffCount(line.value, converted[i]!);
      hanTotal += line.value.match(han)?.length ?? 0;
      changedTotal += n;
      return n;
    });
    const wholeDocument = hanTotal > 0 && changedTotal / hanTotal >= documentShare;
    let convertedChars = 0;
    let convertedLines = 0;
    tree.children.forEach((line, i) => {
      const n = changes[i]!;
      if (n === 0) return;
      const hanCount = line.value.match(han)?.length ?? 1;
      if (!wholeDocument && (n < lineMinimum || n / hanCount < lineShare)) return;
      line.value = converted[i]!;
      convertedChars += n;
      convertedLines++;
    });
    file.data.cleaning!.convertedChars = convertedChars;
    file.data.script = wholeDocument ? 'traditional' : convertedLines > 0 ? 'mixed' : 'simplified';
  };
}
