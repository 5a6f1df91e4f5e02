const docNumberPattern = /[〔［[(（【]\s*(\d{4})\s*[〕］\])）】]\s*(\d{1,4})\s*号/g;

/** A document number such as 洪教发〔2022〕1号, with its brackets normalized, or null. */
export function docNumberIn(text: string): string | null {
  for (const m of text.matchAll(docNumberPattern)) {
    const prefix = text
      .slice(Math.max(0, m.index - 8), m.index)
      .match(/[\p{Script=Han}]{1,8}\s*$/u)?.[0]
      .trim();
    if (prefix) return `${prefix}〔${m[1]}〕${m[2]}号`;
  }
  return null;
}
