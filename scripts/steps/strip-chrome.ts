import type { VFile } from 'vfile';
import {
  actionLabel,
  documentSharing,
  isChromeLine,
  isSignature,
  isTitleCandidate,
  relatedHeader,
  templateSite,
} from '../../src/lib/chrome-features.ts';
import type { Line, LinesRoot, PageMeta } from '../tree.ts';
import { gapMark } from '../../src/lib/cleaner-marks.ts';
import { isCalendarDay } from '../../src/lib/calendar-date.ts';

/** How far into a page the title may stand. */
const titleSearchLines = 40;
/** How many lines under the title may still be page meta. */
const metaZoneLines = 8;

/** A date alone, or with a short byline after it: 2023年11月13日, 2022-03-14 作文网. */
const datedByline = /^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s+[^\s。，；]{1,12})?$/;

const dateInLine = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** An ISO date from the first date in `text`, or null. */
export function isoDateIn(text: string): string | null {
  const m = text.match(dateInLine);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDay(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function readMeta(lines: string[]): PageMeta {
  const meta: PageMeta = { posted: null, sourceLabel: null, indexNumber: null, publisher: null };
  for (const line of lines) {
    const labelled = (label: RegExp) => line.match(new RegExp(`(?:${label.source})\\s*[:：]\\s*([^\\s?？]+)`))?.[1] ?? null;
    meta.posted ??= /时间|日期|^\d{4}/.test(line) ? isoDateIn(line) : null;
    meta.sourceLabel ??= labelled(/来源|信息来源|文章来源/);
    meta.indexNumber ??= labelled(/索引号/);
    meta.publisher ??= labelled(/发布机构|发文机关/);
  }
  return meta;
}

function isLabel(line: string): boolean {
  const bare = line
    .replace(/^[-—•·●]\s*/, '')
    .replace(/【[^】]{1,10}】/g, (group) => (actionLabel.test(group) ? '' : group))
    .trim();
  return actionLabel.test(bare) || bare === '' || /^[-—_=·•|]+$/.test(bare);
}

/** Tail lines: short, no sentence punctuation, not a signature. */
function isTailChrome(line: string): boolean {
  if (isSignature(line)) return false;
  return isChromeLine(line) || isLabel(line) || (line.length <= 16 && !/[。；！？，,]/.test(line) && !/^[一二三四五六七八九十]+、/.test(line));
}

/**
 * Removes site chrome: everything before the title, meta lines under it, the tail of labels,
 * footers and related-article lists, and chrome-shaped lines anywhere (breadcrumbs, footers,
 * page markers). Reads the posted date, source and index number from the meta lines first.
 */
export function stripChrome() {
  return (tree: LinesRoot, file: VFile): void => {
    const lines = tree.children;
    const cleaning = file.data.cleaning!;
    const titleIndex = lines.slice(0, titleSearchLines).findIndex((l) => isTitleCandidate(l.value));
    if (titleIndex === -1) {
      file.fail(
        `not a report: no title naming a report kind (总结, 要点, 计划, 思路…) in the first ${titleSearchLines} lines`,
        lines[0]?.position,
        'strip-chrome:no-title',
      );
    }
    const title = lines[titleIndex]!.value;
    const removed = new Set<Line>();
    const head = lines.slice(0, titleIndex);
    head.forEach((l) => removed.add(l));

    let bodyStart = titleIndex + 1;
    for (let i = titleIndex + 1; i < Math.min(lines.length, titleIndex + 1 + metaZoneLines); i++) {
      const v = lines[i]!.value;
      const isMeta = isChromeLine(v) || isLabel(v) || v === title || datedByline.test(v);
      if (!isMeta) break;
      removed.add(lines[i]!);
      bodyStart = i + 1;
    }
    for (let i = bodyStart; i < lines.length; i++) {
      if (isChromeLine(lines[i]!.value)) removed.add(lines[i]!);
    }
    const related = lines.findIndex((l, i) => i > bodyStart && relatedHeader.test(l.value));
    if (related !== -1 && lines.slice(related).every((l) => l.value.length <= 40)) {
      lines.slice(related).forEach((l) => removed.add(l));
    }
    for (let i = lines.length - 1; i > bodyStart; i--) {
      const l = lines[i]!;
      if (removed.has(l)) continue;
      if (!isTailChrome(l.value)) break;
      removed.add(l);
    }

    const removedValues = lines.filter((l) => removed.has(l)).map((l) => l.value);
    file.data.page = readMeta([...head, ...lines.slice(titleIndex + 1, bodyStart)].map((l) => l.value));
    file.data.titleLine = title;
    const evidence = [title, ...removedValues];
    file.data.origin = evidence.some((v) => templateSite.test(v))
      ? 'template-site'
      : evidence.some((v) => documentSharing.test(v))
        ? 'document-sharing'
        : removedValues.some((v) => /主办|备案|政府|公开|公网安备/.test(v))
          ? 'official'
          : 'unknown';
    file.data.titleAt = `line ${lines[titleIndex]!.position.start.line}`;

    const removedLines = new Set(lines.filter((l) => removed.has(l)).map((l) => `line ${l.position.start.line}`));
    cleaning.gaps = cleaning.gaps.filter((g) => !removedLines.has(g.at));
    cleaning.chrome.push(...removedValues.map((v) => v.replace(gapMark, '')));
    cleaning.chromeLines += removedValues.length;
    tree.children = lines.filter((l) => !removed.has(l) && l.value !== title);
  };
}
