import type { Root as MdRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { unknownRegion } from '../../src/lib/gazetteer.ts';
import { unmark } from '../../src/lib/cleaner-marks.ts';
import { docNumberIn } from '../../src/lib/doc-number.ts';
import { bureauPattern } from './infer-issuer.ts';
import { resolveRegion } from './resolve-region.ts';
import { isoDateIn } from './strip-chrome.ts';

const summaryWord = /总结|盘点|回顾|成效|报告|情况|亮点/;
const planWord = /要点|计划|思路|打算|安排|重点|目标|下一步|展望/;
/** Years a title or heading reviews and plans, by the kind word that follows each year. */
export function yearsIn(text: string): { reviewed: number[]; planned: number[] } {
  const reviewed: number[] = [];
  const planned: number[] = [];
  for (const part of text.split(/及|暨|和|与|、|并/)) {
    const years = [...part.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
    if (planWord.test(part) && !summaryWord.test(part.replace(/工作情况/, ''))) planned.push(...years);
    else if (summaryWord.test(part)) reviewed.push(...years);
  }
  return { reviewed, planned };
}

function issuerIn(text: string): string | null {
  const m = unmark(text).match(new RegExp(`(?:^|\\d{4}年度?|关于)?([\\p{Script=Han}]{2,20}?${bureauPattern.source})`, 'u'));
  if (!m) return null;
  const name = m[1]!.replace(/^.*?\d{4}年度?/, '').replace(/^关于/, '');
  const place = name.replace(bureauPattern, '');
  return place.length >= 2 && !/^[省市县区州]$/.test(place) ? name : null;
}

const unique = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

/**
 * Reads the report's metadata: title, issuer, region (via the gazetteer), years reviewed and
 * planned, kind, dates and document number. Whatever the text does not state stays null.
 */
export function extractMetadata() {
  return (tree: MdRoot, file: VFile): void => {
    const data = file.data;
    const titleLine = (data.titleLine ?? '').replace(/^[—-]+\s*/, '');
    data.title = unmark(titleLine).trim();
    for (const r of data.cleaning!.restorations) if (r.at === data.titleAt) r.at = `title (${r.at})`;
    const body = toString(tree, { includeHtml: false });
    const paragraphs = tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n));
    const tail = paragraphs.slice(-4);

    data.issuer =
      issuerIn(titleLine) ??
      (data.notice?.signedBy ? issuerIn(data.notice.signedBy) : null) ??
      tail.map((p) => (p.length <= 24 ? issuerIn(p) : null)).find(Boolean) ??
      (data.page?.publisher ? issuerIn(data.page.publisher) : null);

    const place = data.issuer ? data.issuer.replace(bureauPattern, '') : null;
    if (place) {
      const { region, note } = resolveRegion(place, `${data.title}\n${body}`);
      data.region = region;
      if (note) file.message(note, undefined, 'extract-metadata:region');
    } else {
      data.region = unknownRegion;
    }

    const fromTitle = yearsIn(data.title);
    const reviewed = [...fromTitle.reviewed];
    const planned = [...fromTitle.planned];
    for (const node of tree.children) {
      if (node.type !== 'heading' || node.depth !== 2) continue;
      const y = yearsIn(toString(node));
      reviewed.push(...y.reviewed);
      planned.push(...y.planned);
    }
    data.yearsReviewed = unique(reviewed);
    data.yearsPlanned = unique(planned);
    if (data.yearsPlanned.length === 0 && data.yearsReviewed.length && tree.children.some((n) => n.type === 'heading' && n.depth === 2 && planWord.test(toString(n)) && !/\d{4}/.test(toString(n)))) {
      data.yearsPlanned = [Math.max(...data.yearsReviewed) + 1];
    }
    if (data.yearsReviewed.length === 0 && data.yearsPlanned.length === 0 && !planWord.test(data.title)) {
      const y = data.title.match(/(\d{4})\s*年/);
      if (y) data.yearsReviewed = [Number(y[1])];
    }
    data.kind = data.yearsReviewed.length && data.yearsPlanned.length ? 'summary-plan' : data.yearsPlanned.length || (planWord.test(data.title) && !summaryWord.test(data.title)) ? 'plan' : 'summary';

    const signature = tail.find((p) => /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/.test(p));
    data.issued = data.notice?.date ?? (signature ? isoDateIn(signature) : null);

    const sources = [titleLine, ...data.cleaning!.chrome, body, data.notice?.text ?? ''];
    data.docNumber = sources.map(docNumberIn).find(Boolean) ?? null;
  };
}
