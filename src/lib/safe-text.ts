/**
 * Characters no report text may hold: control characters other than tab and newline (C0, DEL,
 * C1), lone surrogates, non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and their kin in every
 * plane) and bidirectional controls (embeddings, overrides, isolates, marks). None is text, XML
 * forbids most of them, and bidi overrides can make a line read differently from what it holds.
 */
export const unsafeCharacters = /(?![\t\n])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\p{Bidi_Control}]/gu;

/** `text` without its unsafe characters (see `unsafeCharacters`). */
export function withoutUnsafeCharacters(text: string): string {
  return text.replace(unsafeCharacters, '');
}
