import type { VFile } from 'vfile';
import type { LinesRoot } from '../tree.ts';

const han = '\\p{Script=Han}';
const rules: [RegExp, string][] = [
  [new RegExp(`(?<=${han}|[”’》）])\\s*,\\s*|\\s*,\\s*(?=${han}|[“‘《（])`, 'gu'), '，'],
  [new RegExp(`(?<=${han}|[”’》）])\\s*;\\s*|\\s*;\\s*(?=${han}|[“‘《（])`, 'gu'), '；'],
  [new RegExp(`(?<=${han}|[”’》）])\\s*:(?!\\d)\\s*`, 'gu'), '：'],
  [new RegExp(`(?<=${han})\\?`, 'gu'), '？'],
  [new RegExp(`(?<=${han})!`, 'gu'), '！'],
];
const parenPair = new RegExp(`\\(([^()]*)\\)`, 'gu');
const touchesHan = new RegExp(`${han}`, 'u');

/**
 * Makes half-width punctuation between Chinese characters full-width (, ; : ? ! and paired
 * parentheses), leaving numbers (1,000 and 10:30) and Latin text alone. Counts the changes.
 */
export function normalizePunctuation() {
  return (tree: LinesRoot, file: VFile): void => {
    let changed = 0;
    for (const line of tree.children) {
      let value = line.value;
      for (const [pattern, mark] of rules) {
        value = value.replace(pattern, () => {
          changed++;
          return mark;
        });
      }
      value = value.replace(parenPair, (whole, inner: string, index: number, all: string) => {
        const outside = (all[index - 1] ?? '') + (all[index + whole.length] ?? '');
        if (!touchesHan.test(inner) && !touchesHan.test(outside)) return whole;
        changed++;
        return `（${inner}）`;
      });
      line.value = value;
    }
    file.data.cleaning!.punctuation += changed;
  };
}
