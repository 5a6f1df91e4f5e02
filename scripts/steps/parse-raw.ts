import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Line, LinesRoot } from '../tree.ts';
import { emptyCleaning } from '../tree.ts';
import { decodeBytes } from '../../src/lib/decode-bytes.ts';
import { withoutUnsafeCharacters } from '../../src/lib/safe-text.ts';
import { htmlToText, looksLikeHtml } from './html-to-text.ts';

/** Unifies newlines and the spaces and invisible characters scraped pages are full of. */
export function normalizeWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2028\u2029\u0085]/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
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

/**
 * The unified parser: decodes the raw bytes in `file.value` (any accepted encoding), turns an
 * HTML page into block text, normalizes whitespace and yields one node per non-empty line.
 */
export function parseRaw(this: Processor): void {
  this.parser = (_doc: string, file: VFile): LinesRoot => {
    const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value;
    const decoded = decodeBytes(bytes);
    if (decoded.warning) file.message(decoded.warning, undefined, 'decode-bytes:warning');
    let text = decoded.text;
    file.data.encoding = decoded.encoding;
    file.data.format = 'text';
    file.data.cleaning = emptyCleaning();
    if (looksLikeHtml(text)) {
      const page = htmlToText(text);
      text = page.text;
      file.data.format = 'html';
      file.data.htmlTitle = page.title === null ? null : withoutUnsafeCharacters(page.title);
    }
    return toLines(normalizeWhitespace(text));
  };
}
