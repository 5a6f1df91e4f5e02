import type { Line, LinesRoot } from '../tree.ts';

/** Unifies newlines and the spaces and invisible characters scraped pages are full of. */
export function normalizeWhitespace(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      .replace(/[\u2028\u2029\u0085]/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
  );
}

/** Splits text into trimmed line nodes, keeping each line's raw line number. */
export function toLines(text: string): LinesRoot {
  const children: Line[] = [];
  text.split('\n').forEach((raw, index) => {
    const value = raw.replace(/ {2,}/g, ' ').trim();
    if (value === '') return;
    const line = index + 1;
    children.push({
      type: 'line',
      value,
      position: { start: { line, column: 1 }, end: { line, column: raw.length + 1 } },
    });
  });
  return { type: 'root', children };
}
