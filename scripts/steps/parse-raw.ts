import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { LinesRoot } from '../tree.ts';
import { normalizeWhitespace, toLines } from '../lib/raw-lines.ts';
import { decodeBytes } from '../../src/lib/decode-bytes.ts';
import { withoutUnsafeCharacters } from '../../src/lib/safe-text.ts';
import { htmlToText, looksLikeHtml } from '../lib/html-to-text.ts';

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
    if (looksLikeHtml(text)) {
      const page = htmlToText(text);
      text = page.text;
      file.data.format = 'html';
      file.data.htmlTitle = page.title === null ? null : withoutUnsafeCharacters(page.title);
    }
    return toLines(normalizeWhitespace(text));
  };
}
