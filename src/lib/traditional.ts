import * as OpenCC from 'opencc-js';

/**
 * Traditional → Simplified conversion that leaves Simplified text alone.
 *
 * opencc-js's `hk → cn` converter normalizes Hong Kong and Taiwan glyph variants and converts
 * phrase by phrase, but keeps 著 everywhere; the Taiwan converter turns every 著 into 着, which
 * breaks 显著 and 著名. So 著 is left to the converter and fixed after it by this reviewed
 * phrase table, applied only to text that was Traditional.
 */
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** 著 used as the aspect or verb particle, which Mainland writes 着. 显著, 著名, 著作 stay. */
const zheParticle: [RegExp, string][] = [
  [/(随|本|沿|朝|向|有|接|看|意味|为|借|藉|凭|靠|顺|围绕|紧接|怀|带|含|存在|保持|发挥|肩负|承担|面临|坚持|聚焦|对)著/g, '$1着'],
  [/著(力|眼|重|手|想|实|落|陆|急|迷|装|色|火|凉)/g, '着$1'],
];

function collect(dicts: unknown, into: Set<string>): void {
  if (typeof dicts === 'string') {
    for (const entry of dicts.split('|')) {
      const [from = '', to = ''] = entry.split(' ');
      if (from.length === 1 && !to.split(' ').includes(from)) into.add(from);
    }
  } else if (Array.isArray(dicts)) {
    for (const d of dicts) collect(d, into);
  }
}

/**
 * Every character the converter maps to another character on its own. Phrase entries only refine
 * text that holds such a character, so text without any of them passes unchanged. A character the
 * first table maps and the second maps back (台 → 臺 → 台, 温 → 溫 → 温) is not one: it is common
 * in Simplified text, and no phrase entry changes text for it alone.
 */
const changeable = (() => {
  const chars = new Set<string>();
  collect([OpenCC.Locale.from.hk, OpenCC.Locale.to.cn], chars);
  for (const ch of chars) if (toSimplified(ch) === ch) chars.delete(ch);
  return chars;
})();
/** The same characters as a table by UTF-16 unit: each is a single unit (`collect` keeps only those). */
const changeableUnits = (() => {
  const table = new Uint8Array(0x10000);
  for (const ch of changeable) table[ch.charCodeAt(0)] = 1;
  return table;
})();

/** Whether conversion could change `text` at all: a cheap test before the converter runs. */
export function mayChange(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (changeableUnits[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** Whether a piece of text changes under conversion, and by how many characters. */
export function traditionalCount(text: string): number {
  const out = toSimplified(text);
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== out[i]) changed++;
  return changed;
}

/** Converts Traditional text to Mainland Simplified, fixing the 著/着 family. */
export function convertToSimplified(text: string): string {
  if (!mayChange(text)) return text;
  let out = toSimplified(text);
  for (const [pattern, replacement] of zheParticle) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Single Traditional characters and their Simplified forms, as one string of pairs
 * (雙双減减…): small enough for the browser to fold a Traditional query without opencc-js.
 */
export function traditionalPairs(): string {
  let out = '';
  for (const ch of [...changeable].sort()) {
    const simplified = convertToSimplified(ch);
    if (simplified.length === 1 && simplified !== ch) out += ch + simplified;
  }
  return out;
}
