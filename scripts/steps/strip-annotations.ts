import type { VFile } from 'vfile';
import type { Cleaning } from '../../src/lib/report-schema.ts';
import type { LinesRoot } from '../tree.ts';

/** Latin letters with a pinyin tone mark. */
const toneMarked = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** A pinyin reading with tone marks in brackets right after a Han character: 發(fā)展, 总结（jié）. */
const pinyinAnnotation = new RegExp(`(?<=\\p{Script=Han})[(（]\\s*[a-zü]*[${toneMarked}][a-zü]*\\s*[)）]`, 'gu');
/** A symbol or private-use character standing between two Han characters: injected noise. */
const noiseInWord = /(?<=\p{Script=Han})(?:[\p{So}\p{Co}]\uFE0F?)+(?=\p{Script=Han})/gu;
/** An emoji anywhere (not ©, ® or ™, which footers use): no bureau writes one into a report. */
const emoji = /(?![©®™])\p{Extended_Pictographic}\uFE0F?/gu;
/** Invisible characters: bidi controls and overrides, invisible operators, non-characters. */
const invisibleClass = `\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2061-\\u2064\\u2066-\\u2069\\ufdd0-\\ufdef\\u{e0000}-\\u{e007f}${
  // The two non-characters that end every plane, U+FFFE/FFFF to U+10FFFE/10FFFF.
  Array.from(
    { length: 17 },
    (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`,
  ).join('')
}`;
const invisible = new RegExp(`[${invisibleClass}]`, 'gu');
/** A character without which nothing this step removes or changes can be in a line (a pinyin reading holds a tone mark). */
const suspect = new RegExp(`[${toneMarked}〖〗${invisibleClass}\\p{So}\\p{Co}\\p{Extended_Pictographic}]`, 'u');
/** `suspect` for every UTF-16 unit outside the surrogates, worked out once: the Unicode classes are slow to test line by line. */
const suspectUnits = (() => {
  const table = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit < 0xd800 || unit > 0xdfff) table[unit] = suspect.test(String.fromCharCode(unit)) ? 1 : 0;
  }
  return table;
})();

/** Whether a line may hold anything this step removes: most lines do not, and skip the replacements. */
function isSuspect(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    if (suspectUnits[unit] === 1) return true;
    // A character beyond the first plane: tested as the pair of units it is.
    if (unit >= 0xd800 && unit <= 0xdbff && suspect.test(line.slice(i, i + 2))) return true;
  }
  return false;
}

function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (han.test(ch)) n++;
  return n;
}
const han = /\p{Script=Han}/u;

/** One toneless pinyin syllable. */
const syllable =
  /^(?:[bpmf]|[dtnl]|[gkh]|[jqx]|zh|ch|sh|[rzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|ian|iao|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ue|ui|ve|a|o|e|i|u|v)$/;

/** Whether a run of Latin words reads as toneless pinyin: several words, each one or more syllables. */
function isPinyinWord(word: string): boolean {
  for (let cut = Math.min(6, word.length); cut >= 1; cut--) {
    if (syllable.test(word.slice(0, cut)) && (cut === word.length || isPinyinWord(word.slice(cut)))) return true;
  }
  return false;
}

/**
 * Removes what sites annotate or inject into the text: pinyin readings after characters, noise
 * characters inside words, invisible and non-characters. The source's own 〖〗 become 【】, since
 * 〖〗 mark what the cleaner restored. Each kind is counted in the cleaning record. Text romanized
 * wholesale into toneless pinyin cannot be restored: the report is marked damaged instead.
 */
export function stripAnnotations() {
  return (tree: LinesRoot, file: VFile): void => {
    const counts = { pinyin: 0, noise: 0, invisible: 0, brackets: 0 };
    for (const line of tree.children) {
      if (!isSuspect(line.value)) continue;
      line.value = line.value
        .replace(/[〖〗]/g, (b) => (counts.brackets++, b === '〖' ? '【' : '】'))
        .replace(invisible, () => (counts.invisible++, ''))
        .replace(pinyinAnnotation, () => (counts.pinyin++, ''))
        .replace(noiseInWord, () => (counts.noise++, ''))
        .replace(emoji, () => (counts.noise++, ''));
    }
    tree.children = tree.children.filter((l) => l.value.trim() !== '');
    file.data.annotations = [
      { kind: 'pinyin', count: counts.pinyin },
      { kind: 'noise', count: counts.noise },
      { kind: 'invisible', count: counts.invisible },
      { kind: 'brackets', count: counts.brackets },
    ].filter((a) => a.count > 0) as Cleaning['annotations'];

    const text = tree.children.map((l) => l.value).join('\n');
    const words = text.match(/\b[a-z]{1,12}\b/g) ?? [];
    const pinyin = words.length >= 40 ? words.filter(isPinyinWord).length : 0;
    const han = pinyin >= 40 ? countHan(text) : 0;
    file.data.damaged =
      pinyin >= 40 && pinyin >= han * 0.5
        ? { reason: `全文大段被转写为无声调拼音（约 ${pinyin} 个拼音词，汉字 ${han} 个），原文无法还原` }
        : null;
  };
}
