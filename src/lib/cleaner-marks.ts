/** Opens text the cleaner restored from evidence: 〖南昌市教育局〗. */
export const restoredOpen = '〖';
/** Closes a restoration mark. */
export const restoredClose = '〗';
/** Marks a place where spam replaced text that nothing lets us restore. */
export const gapMark = '〖…〗';

/** Removes the cleaner's marks: gaps vanish, restored text stays. */
export function unmark(text: string): string {
  return text.replaceAll(gapMark, '').replace(/[〖〗]/g, '');
}
