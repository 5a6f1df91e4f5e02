import type { VFile } from 'vfile';
import {
  actionLabel,
  documentSharing,
  isChromeLine,
  isSignature,
  isTitleCandidate,
  relatedHeader,
  templateSite,
} from '../lib/chrome-features.ts';
import { cleanTitle, isNoticeTitle } from '../lib/clean-title.ts';
import { datedByline, isDatedMeta, isoDateIn } from '../lib/dates.ts';
import { cutGluedHead, stripRepeatedTitle, titleNamedByIntro } from '../lib/glued-head.ts';
import { numbered } from '../lib/numbering.ts';
import { yearsIn } from '../lib/years.ts';
import type { ChromeReason, Cleaning } from '../../src/lib/report-schema.ts';
import type { Line, LinesRoot, PageMeta, TitleSource } from '../tree.ts';
import { gapMark } from '../../src/lib/cleaner-marks.ts';

/** How far into a page the body may start. */
const headLines = 60;

/** A title naming its issuer: a bureau, a committee or a government. */
const bureauTitle = /局|教委|教育委员会|人民政府|教育工作委员会/;

/** A body paragraph: long enough, with sentence punctuation, not chrome. */
function isParagraph(v: string): boolean {
  return v.length >= 40 && /[，,。；;]/.test(v) && !isChromeLine(v);
}

/** Chrome inside the body: features alone, but only on lines short enough to be chrome. */
function isBodyChrome(v: string): boolean {
  return (v.length <= 80 || /由会员分享|可在线阅读|请在.{1,20}上搜索/.test(v)) && (isChromeLine(v) || isDatedMeta(v));
}

function isLabel(line: string): boolean {
  const bare = line
    .replace(/^[-—•·●]\s*/, '')
    .replace(/【[^】]{1,10}】/g, (group) => (actionLabel.test(group) ? '' : group))
    .trim();
  return actionLabel.test(bare) || bare === '' || /^[-—_=·•|]+$/.test(bare);
}

/** Tail lines: short, no sentence punctuation, not a signature or a numbered item. */
function isTailChrome(line: string): boolean {
  if (isSignature(line)) return false;
  return isBodyChrome(line) || isLabel(line) || (line.length <= 16 && !/[。；！？，,:：]/.test(line) && !numbered.test(line));
}

/** How much of the report a title line names: each year-and-kind it covers, and whether it names a year. */
function coverage(title: string): number {
  const y = yearsIn(title);
  return 2 * (y.reviewed.length + y.planned.length) + (/\d{4}/.test(title) ? 1 : 0);
}

function readMeta(lines: string[]): PageMeta {
  const meta: PageMeta = { posted: null, sourceLabel: null, indexNumber: null, publisher: null };
  for (const raw of lines) {
    const line = raw.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
    const labelled = (label: RegExp) => line.match(new RegExp(`(?:${label.source})\\s*[:：]?\\s*([^\\s?？]+)`))?.[1] ?? null;
    meta.posted ??= /时间|日期|发布|^\d{4}/.test(line) ? isoDateIn(line) : null;
    meta.sourceLabel ??= labelled(/来源|信息来源|文章来源/);
    meta.indexNumber ??= labelled(/信息索引号|索引号/);
    meta.publisher ??= labelled(/发布机构|发文机关/);
  }
  return meta;
}

/** Where the title is: a line, or evidence elsewhere, or nowhere. */
interface TitlePick {
  index: number;
  text: string;
  from: TitleSource;
}

function pickTitle(lines: Line[], bodyAt: number): TitlePick | null {
  const candidates = lines
    .slice(0, bodyAt)
    .map((l, index) => ({ index, text: cleanTitle(l.value) }))
    .filter((c) => isTitleCandidate(c.text) && (!isChromeLine(lines[c.index]!.value) || c.text !== lines[c.index]!.value));
  const notice = candidates.find((c) => isNoticeTitle(c.text) && !isChromeLine(lines[c.index]!.value));
  if (notice) return { ...notice, from: 'notice' };
  let best: (typeof candidates)[number] | undefined;
  for (const c of candidates) if (!best || coverage(c.text) >= coverage(best.text)) best = c;
  if (!best) return null;
  const subtitle = best.text.match(/^[—－-]{1,2}\s*(.+)$/);
  if (subtitle) {
    const main = lines
      .slice(Math.max(0, best.index - 3), best.index)
      .reverse()
      .find((l) => !isChromeLine(l.value) && !isDatedMeta(l.value));
    if (main && main.value.length <= 40 && !/[。，,；]/.test(main.value) && !numbered.test(main.value)) {
      return { index: best.index, text: `${main.value}——${subtitle[1]}`, from: 'title-line' };
    }
    return { index: best.index, text: subtitle[1]!, from: 'title-line' };
  }
  return { ...best, from: 'title-line' };
}

/** Cuts glued lines at the head into pieces: page counters, editor intros and a glued title become lines of their own. */
function cutHead(lines: Line[], wantTitle: boolean): Line[] {
  const out: Line[] = [];
  let titleCut = !wantTitle;
  lines.forEach((line, i) => {
    if (i > 3 || line.value.length < 30) {
      out.push(line);
      return;
    }
    for (const piece of cutGluedHead(line.value, !titleCut)) {
      if (piece.kind === 'title') titleCut = true;
      out.push({ ...line, value: piece.text });
    }
  });
  return out;
}

/**
 * Removes site chrome. The body starts at the first paragraph; the title is the line before it
 * that names the most of the report (a 印发 notice's title first; among equals the nearest), or,
 * without such a line, a title glued to the first sentence or named by an editor's intro. Every
 * line before the title is chrome; between title and body, chrome-shaped lines and repeats of the
 * title are; after it, chrome-shaped lines, related-article lists and a tail of labels are.
 */
export function stripChrome() {
  return (tree: LinesRoot, file: VFile): void => {
    const entries: Cleaning['chrome'] = [];
    let lines = tree.children;
    const siteLines = new Set(file.data.siteLines ?? []);
    const firstBody = (ls: Line[]) => {
      const head = ls.slice(0, headLines);
      let at = head.findIndex((l) => isParagraph(l.value));
      // A paragraph a bureau's titled line follows closely is a site's or editor's lead, not the body.
      for (let hops = 0; at !== -1 && hops < 3; hops++) {
        const titled = head.slice(at + 1, at + 4).findIndex((l) => isTitleCandidate(cleanTitle(l.value)) && bureauTitle.test(l.value));
        if (titled === -1) break;
        const next = head.slice(at + titled + 2).findIndex((l) => isParagraph(l.value));
        if (next === -1) break;
        at = at + titled + 2 + next;
      }
      if (at !== -1) return at;
      // Short paragraphs only: the first sentence-like line that no title or chrome feature claims.
      const sentence = head.findIndex((l) => /[，。；]/.test(l.value) && !isChromeLine(l.value) && !isTitleCandidate(cleanTitle(l.value)));
      return sentence === -1 ? Math.min(ls.length, headLines) : sentence;
    };
    let bodyAt = firstBody(lines);
    let pick = pickTitle(lines, bodyAt);
    if (!pick) {
      lines = cutHead(lines, true);
      bodyAt = firstBody(lines);
      pick = pickTitle(lines, bodyAt);
      if (pick) pick.from = 'glued';
    }
    const intro = lines
      .slice(0, bodyAt + 1)
      .map((l) => titleNamedByIntro(l.value))
      .find(Boolean);
    if (intro && (!pick || (pick.from === 'glued' && /[xX×*]{2}/.test(pick.text)))) pick = { index: -1, text: intro, from: 'intro' };

    const removed = new Map<Line, ChromeReason | 'title'>();
    const remove = (l: Line, why: ChromeReason | 'title') => {
      if (!removed.has(l)) removed.set(l, why);
    };
    const head = pick && pick.index >= 0 ? pick.index : bodyAt;
    lines.slice(0, head).forEach((l) => {
      if (pick) remove(l, 'before-title');
      else if (isChromeLine(l.value) || isDatedMeta(l.value)) remove(l, 'chrome-line');
    });
    if (pick && pick.index >= 0) remove(lines[pick.index]!, 'title');
    const title = pick?.text ?? '';
    const lastParagraph = lines.findLastIndex((l) => isParagraph(l.value));
    // Under the title, a run of meta lines (dates, sources, labels, the title again) is the page's.
    let metaZone = true;
    for (let i = head; i < lines.length; i++) {
      const l = lines[i]!;
      if (removed.has(l)) continue;
      const v = l.value;
      metaZone &&= i < bodyAt && (isChromeLine(v) || isDatedMeta(v) || isLabel(v) || datedByline.test(v) || cleanTitle(v) === title);
      if (metaZone) remove(l, cleanTitle(v) === title ? 'repeated-title' : 'page-meta');
      else if (siteLines.has(v) && (i < bodyAt || i > lastParagraph)) remove(l, 'site-template');
      else if (isBodyChrome(v)) remove(l, 'chrome-line');
    }
    const firstKept = lines.find((l) => !removed.has(l));
    if (firstKept && title) {
      const rest = stripRepeatedTitle(firstKept.value, title);
      if (rest !== firstKept.value) {
        entries.push({ text: firstKept.value.slice(0, firstKept.value.length - rest.length).trim(), why: 'repeated-title' });
        firstKept.value = rest;
      }
    }
    const related = lines.findIndex((l, i) => i > bodyAt && relatedHeader.test(l.value));
    if (related !== -1 && lines.slice(related).every((l) => l.value.length <= 40)) {
      for (const l of lines.slice(related)) remove(l, 'related-list');
    }
    for (let i = lines.length - 1; i > bodyAt; i--) {
      const l = lines[i]!;
      if (removed.has(l)) continue;
      if (!isTailChrome(l.value)) break;
      remove(l, 'tail');
    }

    const removedValues = lines.filter((l) => removed.has(l)).map((l) => l.value);
    file.data.page = readMeta(
      lines
        .slice(0, bodyAt)
        .filter((l) => removed.has(l))
        .map((l) => l.value),
    );
    file.data.titleLine = title || null;
    file.data.titleFrom = pick?.from ?? 'none';
    file.data.rawTitle = pick && pick.index >= 0 ? lines[pick.index]!.value : (pick?.text ?? null);
    file.data.titleAt = pick && pick.index >= 0 ? `line ${lines[pick.index]!.position.start.line}` : 'none';
    if (!pick) {
      const kept = lines
        .filter((l) => !removed.has(l))
        .map((l) => l.value)
        .join('');
      const han = kept.match(/\p{Script=Han}/gu)?.length ?? 0;
      const school = kept.match(/教育|学校|教师|学生|幼儿园|课程|教学/g)?.length ?? 0;
      if (han < 150 || school < 3) {
        file.fail(
          `not a report: no title naming a report kind (总结, 要点, 计划, 思路…) and too little report text to publish untitled (${han} Chinese characters, ${school} education words; at least 150 and 3 expected)`,
          lines[0]?.position,
          'strip-chrome:not-a-report',
        );
      }
      file.message(
        'no title line, glued title or editor intro naming one: published as untitled',
        lines[0]?.position,
        'strip-chrome:untitled',
      );
    }
    const evidence = [file.data.rawTitle ?? '', ...removedValues];
    file.data.origin = evidence.some((v) => templateSite.test(v))
      ? 'template-site'
      : evidence.some((v) => documentSharing.test(v))
        ? 'document-sharing'
        : removedValues.some((v) => /主办|备案|政府|公开|公网安备|索引号/.test(v))
          ? 'official'
          : 'unknown';

    for (const l of lines) {
      const why = removed.get(l);
      if (why && why !== 'title') entries.push({ text: l.value.replace(gapMark, ''), why });
    }
    file.data.chromeRemoved = { entries, lines: lines.filter((l) => removed.has(l)).map((l) => `line ${l.position.start.line}`) };
    tree.children = lines.filter((l) => !removed.has(l) && l.value !== '');
  };
}
