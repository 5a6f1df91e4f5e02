/**
 * Which reports are not a bureau's own clean text: templates (a 范文 site's copy, names and
 * numbers masked) and damaged captures. Dependency-free, so pages and browser scripts share it.
 */

/** What listing and ranking need to know about a report's frontmatter. */
export interface NoteSource {
  source: { origin: string };
  /** A boolean, or an object carrying the reason; absent on reports normalized before the flag existed. */
  damaged?: unknown;
}

/** Bit set on a report that is a template. */
export const templateNote = 1;
/** Bit set on a report whose text is damaged. */
export const damagedNote = 2;

/** The report's notes as a bit set: 0 for a bureau's own, undamaged report. */
export function reportNotes(data: NoteSource): number {
  const origin = data.source.origin;
  const damaged = data.damaged;
  return (
    (origin === 'template' || origin === 'template-site' ? templateNote : 0) |
    (damaged === true || (typeof damaged === 'object' && damaged !== null) ? damagedNote : 0)
  );
}

/** The labels a listing shows for a note bit set, in order: 范文模板, 文本受损. */
export function noteLabels(notes: number): string[] {
  const out: string[] = [];
  if (notes & templateNote) out.push('范文模板');
  if (notes & damagedNote) out.push('文本受损');
  return out;
}
