import type { VFile } from 'vfile';
import type { LinesRoot } from '../tree.ts';

const fullWidth: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const isHan = (ch: string | undefined): boolean => ch !== undefined && /\p{Script=Han}/u.test(ch);
const closesChinese = (ch: string | undefined) => isHan(ch) || (ch !== undefined && '”’》）'.includes(ch));
const opensChinese = (ch: string | undefined) => isHan(ch) || (ch !== undefined && '“‘《（'.includes(ch));
const mark = / *([,;:?!]) */g;
const parenPair = /\(([^()]*)\)/g;
const hasHan = /\p{Script=Han}/u;

/** Whether the half-width mark at `index` of `text` stands between Chinese text. */
function betweenChinese(mark: string, before: string | undefined, after: string | undefined): boolean {
  if (mark === ',' || mark === ';') return closesChinese(before) || opensChinese(after);
  if (mark === ':') return closesChinese(before) && !/\d/.test(after ?? '');
  return isHan(before);
}

/**
 * Makes half-width punctuation between Chinese characters full-width (, ; : ? ! and paired
 * parentheses), leaving numbers (1,000 and 10:30) and Latin text alone. Counts the changes.
 */
export function normalizePunctuation() {
  return (tree: LinesRoot, file: VFile): void => {
    let changed = 0;
    for (const line of tree.children) {
      if (!/[,;:?!()]/.test(line.value)) continue;
      // Parentheses first: a comma after a full-width ） stands between Chinese text.
      line.value = line.value
        .replace(parenPair, (whole, inner: string, index: number, all: string) => {
          const outside = (all[index - 1] ?? '') + (all[index + whole.length] ?? '');
          if (!hasHan.test(inner) && !hasHan.test(outside)) return whole;
          changed++;
          return `（${inner}）`;
        })
        .replace(mark, (whole, m: string, index: number, all: string) => {
          if (!betweenChinese(m, all[index - 1], all[index + whole.length])) return whole;
          changed++;
          return fullWidth[m]!;
        });
    }
    file.data.punctuation = changed;
  };
}
