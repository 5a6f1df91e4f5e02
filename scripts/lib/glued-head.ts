import { cleanTitle } from './clean-title.ts';
import { gluedTitleEnd } from './kind-words.ts';
import { numerals } from './numbering.ts';

/** A page counter glued to the text: 第1页共4页. */
const pageCounter = /^第\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页/;
/** An editor's intro sentence of a 范文 site: 小编寄语。下面是小编为大家整理的…，供大家参考。 */
const editorIntro =
  /^(?:小编寄语[。:：]?\s*)?(?:下面是|以下是|本文是|这是).{0,16}(?:整理|收集|带来|分享)的?.{2,60}?(?:[,，]\s*(?:供|请|希望|欢迎|仅供).{0,20}?[。！!]|[。！!])/;
const editorNote = /^小编寄语[。:：]?/;
/** The report named by an editor's intro: 整理的〈title〉，供大家参考. */
const introNames = /(?:整理|收集|带来|分享)的(.{4,60}?)(?:[,，]\s*(?:供|请|希望|欢迎|仅供)|[。！!])/;
/** A title glued to the first sentence: 〈…总结〉2014年，… or 〈…总结范文〉1.… */
const gluedTitle = new RegExp(
  `^(.{2,40}?(?:${gluedTitleEnd})(?:[(（]\\d{4}年?[)）])?)(?:范文范例|范文|范本|精选)?(?=\\s*(?:\\d{4}\\s*年|[${numerals}]+、|\\d+[.．、]|[xX×*]{2,}年?|小编|下面是|【))`,
);

/** One piece of a line cut apart: what it is and its text. */
export interface HeadPiece {
  kind: 'chrome' | 'title' | 'text';
  text: string;
}

/** The title an editor's intro names, cleaned, or null. */
export function titleNamedByIntro(line: string): string | null {
  const m = line.match(introNames);
  return m ? cleanTitle(m[1]!) : null;
}

/**
 * Cuts a line that glues page chrome, a title and the body together (captures without line
 * breaks): leading page counters and editor intros become chrome pieces; a title glued to the
 * first sentence becomes a title piece when `wantTitle`; the rest is text.
 */
export function cutGluedHead(line: string, wantTitle: boolean): HeadPiece[] {
  const pieces: HeadPiece[] = [];
  let rest = line;
  let title = !wantTitle;
  for (let guard = 0; guard < 6 && rest; guard++) {
    const chrome = rest.match(pageCounter) ?? rest.match(editorIntro) ?? rest.match(editorNote);
    if (chrome) {
      pieces.push({ kind: 'chrome', text: chrome[0].trim() });
      rest = rest.slice(chrome[0].length).trim();
      continue;
    }
    const glued = title ? null : rest.match(gluedTitle);
    if (glued) {
      title = true;
      pieces.push({ kind: 'title', text: glued[0].trim() });
      rest = rest.slice(glued[0].length).trim();
      continue;
    }
    break;
  }
  if (rest) pieces.push({ kind: 'text', text: rest });
  return pieces;
}

/** Removes one or more copies of `title` glued to the start of a line (a page repeating its title). */
export function stripRepeatedTitle(line: string, title: string): string {
  if (title.length < 4) return line;
  let rest = line;
  while (rest.startsWith(title) && rest.length > title.length) rest = rest.slice(title.length).replace(/^(?:范文范例|范文|范本|\s)+/, '');
  return rest;
}
