import type { VFile } from 'vfile';
import type { Cleaning } from '../../src/lib/report-schema.ts';
import type { Line, LinesRoot } from '../tree.ts';

/** A document-sharing page's marker at the start of each page's text: 1、 2、 3、… */
const pageMarker = /^(\d{1,3})、\s*/;
/** Banners of a document-sharing viewer, whose captures carry page markers. */
const viewerBanner = /由会员分享|可在线阅读|珍藏版|上传人|文档编号|已阅读\s*\d+\s*页/;
/** Sentence-final punctuation: a line ending so is not broken mid-sentence. */
const terminal = /[。！？；：:]$/;

/** Whether the numbered lines are a viewer's page markers: 1, 2, 3… in order, each after a line broken mid-sentence. */
function markerLines(lines: Line[]): number[] | null {
  if (!lines.some((l) => viewerBanner.test(l.value))) return null;
  const at: number[] = [];
  lines.forEach((l, i) => {
    const m = l.value.match(pageMarker);
    if (m && Number(m[1]) === at.length + 1) at.push(i);
  });
  if (at.length < 2) return null;
  return at.slice(1).every((i) => i > 0 && !terminal.test(lines[i - 1]!.value)) ? at : null;
}

function join(prev: Line, next: Line, text: string): void {
  const glue = /[A-Za-z]$/.test(prev.value) && /^[A-Za-z]/.test(text) ? ' ' : '';
  prev.value += glue + text;
  prev.position = { start: prev.position.start, end: next.position.end };
}

/**
 * Rejoins text that a capture broke: a document viewer's page markers (`2、` at the start of each
 * page, splitting words and numbers: 5 / 2、05.3万元) are removed and the page's text joined to the
 * previous line; a number alone on its line joins the unit or word after it (2016 / 年…); a line
 * ending with an opening bracket or quote joins the next. Each marker removed is recorded.
 */
export function rejoinBrokenLines() {
  return (tree: LinesRoot, file: VFile): void => {
    const removed: Cleaning['chrome'] = [];
    const markers = new Set(markerLines(tree.children) ?? []);
    const out: Line[] = [];
    tree.children.forEach((line, i) => {
      const node = { ...line };
      const prev = out.at(-1);
      if (markers.has(i)) {
        const marker = node.value.match(pageMarker)![0];
        removed.push({ text: marker.trim(), why: 'page-marker' });
        node.value = node.value.slice(marker.length);
        if (prev && i !== [...markers][0]) {
          join(prev, node, node.value);
          return;
        }
      } else if (prev && ((/^\d{1,4}$/.test(prev.value) && /^[年月日万亿个名所%％]/.test(node.value)) || /[《“（(]$/.test(prev.value))) {
        join(prev, node, node.value);
        return;
      }
      if (node.value) out.push(node);
    });
    tree.children = out;
    file.data.pageMarkers = removed;
  };
}
