/**
 * A page's Simplified → Traditional conversion as a small table, so the browser can switch a
 * report page to Traditional without the converter: built at build time from the page's own
 * text and OpenCC's phrase-level conversion of it, applied in the browser character by
 * character, with the three-character context wherever the same character converts differently
 * within the page (发展 發展, 头发 頭髮).
 */
export interface TraditionalTable {
  /** Pairs of characters, Simplified then Traditional, for each character's usual conversion on this page. */
  c: string;
  /** Characters whose conversion depends on context on this page. */
  a: string;
  /** For those characters: the text around one (the character before or `^`, it, the character after or `$`) → its conversion there, where that differs from the usual one. */
  w: Record<string, string>;
}

/** The window of context a character is looked up by: the one before, itself and the one after, `^` and `$` standing for the text's ends. */
function windowAt(text: string, i: number): string {
  return (text[i - 1] ?? '^') + text[i]! + (text[i + 1] ?? '$');
}

function most(counts: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [value, count] of counts) if (count > n) [best, n] = [value, count];
  return best;
}

/** Per UTF-16 unit: whether it converts anywhere on the page (1), or converts two ways on it (2); its first conversion and that conversion's count; reset after each table. */
const changes = new Uint8Array(0x10000);
const firstOutput = new Uint16Array(0x10000);
const firstCount = new Uint32Array(0x10000);

/**
 * The table for a set of texts, given a converter that keeps lengths (every character to one
 * character). A text whose conversion changes length is left out. A character's usual conversion
 * is its most frequent one on the page, the first seen among equals.
 */
export function buildTraditionalTable(texts: string[], convert: (text: string) => string): TraditionalTable {
  const pairs = texts.map((text) => [text, convert(text)] as const).filter(([s, t]) => s.length === t.length);
  // Characters that change anywhere on the page, and what each becomes at each of its occurrences:
  // counted in typed arrays by code unit (a page has some 20,000 characters), with a map only for
  // the few characters that convert two ways.
  const changed: number[] = [];
  for (const [s, t] of pairs) {
    for (let i = 0; i < s.length; i++) {
      const from = s.charCodeAt(i);
      if (from !== t.charCodeAt(i) && !changes[from]) {
        changes[from] = 1;
        changed.push(from);
      }
    }
  }
  const others = new Map<number, Map<number, number>>();
  for (const [s, t] of pairs) {
    for (let i = 0; i < s.length; i++) {
      const from = s.charCodeAt(i);
      if (!changes[from]) continue;
      const to = t.charCodeAt(i);
      if (firstCount[from] === 0) {
        firstOutput[from] = to;
        firstCount[from] = 1;
      } else if (firstOutput[from] === to) {
        firstCount[from]!++;
      } else {
        let counts = others.get(from);
        if (!counts) others.set(from, (counts = new Map<number, number>()));
        counts.set(to, (counts.get(to) ?? 0) + 1);
      }
    }
  }
  const usual = new Map<string, string>();
  for (const from of changed) {
    let best = firstOutput[from]!;
    let n = firstCount[from]!;
    for (const [to, count] of others.get(from) ?? []) if (count > n) [best, n] = [to, count];
    usual.set(String.fromCharCode(from), String.fromCharCode(best));
    changes[from] = 0;
    firstCount[from] = 0;
  }
  const ambiguous = new Set([...others.keys()].map((from) => String.fromCharCode(from)));
  for (const from of others.keys()) changes[from] = 2;
  const windows = new Map<string, Map<string, number>>();
  for (const [s, t] of pairs) {
    for (let i = 0; i < s.length; i++) {
      if (changes[s.charCodeAt(i)] !== 2) continue;
      const key = windowAt(s, i);
      let counts = windows.get(key);
      if (!counts) windows.set(key, (counts = new Map<string, number>()));
      counts.set(t[i]!, (counts.get(t[i]!) ?? 0) + 1);
    }
  }
  for (const from of others.keys()) changes[from] = 0;
  const w: Record<string, string> = {};
  for (const [key, counts] of windows) {
    const out = most(counts);
    if (out !== usual.get(key[1]!)) w[key] = out;
  }
  let c = '';
  for (const [ch, t] of [...usual].sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (t !== ch) c += ch + t;
  return { c, a: [...ambiguous].sort().join(''), w };
}

/** A converter applying a table: what the browser runs over each text node of the page. */
export function tableConverter(table: TraditionalTable): (text: string) => string {
  const usual = new Map<string, string>();
  for (let i = 0; i + 1 < table.c.length; i += 2) usual.set(table.c[i]!, table.c[i + 1]!);
  const ambiguous = new Set(table.a);
  return (text) => {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      out += (ambiguous.has(ch) ? table.w[windowAt(text, i)] : undefined) ?? usual.get(ch) ?? ch;
    }
    return out;
  };
}
