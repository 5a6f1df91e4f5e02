import type { Root as MdRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { countMentions, divisionByCode, unknownRegion } from '../../src/lib/gazetteer.ts';
import { unmark } from '../../src/lib/cleaner-marks.ts';
import { removedChrome } from '../lib/cleaning-record.ts';
import { docNumberIn } from '../lib/doc-number.ts';
import { titleFromNotice } from '../lib/clean-title.ts';
import { isoDateIn, signatureDate } from '../lib/dates.ts';
import { regionFromHost, regionFromMentions, regionsAgree } from '../lib/region-evidence.ts';
import { planOpening, planWord, summaryWord } from '../lib/kind-words.ts';
import { openingYear, titleYears, yearsIn } from '../lib/years.ts';
import { bureauPattern } from '../lib/infer-issuer.ts';
import { resolveRegion } from '../lib/resolve-region.ts';

/** The title an untitled report is published under. */
export const untitled = '（无标题）';

/** A masked place or number: xx区, **市, ×名, 20xx年. */
// A run of *, × or ○ matches here exactly when its last two (last one for ×) do, so the pattern
// names only those: `\*{2,}` would rescan the run from every start, quadratic on a line of stars.
const masked = /(?:^|[^A-Za-z])(?:[xX]{2,}|\*\*|×|○○)(?:[区县市省镇]|年|名|所|个|人|%)/;

function issuerIn(text: string): string | null {
  const m = unmark(text).match(new RegExp(`(?:^|\\d{4}年度?|关于)?([\\p{Script=Han}]{2,20}?${bureauPattern.source})`, 'u'));
  if (!m) return null;
  const name = m[1]!.replace(/^.*?\d{4}年度?/, '').replace(/^关于/, '');
  const place = name.replace(bureauPattern, '');
  return place.length >= 2 && !/^[省市县区州]$/.test(place) ? name : null;
}

const unique = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

/**
 * Reads the report's metadata: title, issuer, region (the issuer's place via the gazetteer, else
 * the place the text names clearly most), years reviewed and planned (title, then headings, then
 * the opening paragraph), kind, dates, document number, and whether it is a masked template.
 * Whatever the text does not state stays null.
 */
export function extractMetadata() {
  return (tree: MdRoot, file: VFile): void => {
    const data = file.data;
    let titleLine = (data.titleLine ?? '').replace(/^[—-]+\s*/, '');
    if (!data.notice) titleLine = titleFromNotice(titleLine) ?? titleLine;
    data.title = unmark(titleLine).trim() || untitled;
    const body = toString(tree, { includeHtml: false });
    const paragraphs = tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n));
    const tail = paragraphs.slice(-4);

    data.issuer =
      issuerIn(titleLine) ??
      (data.notice?.signedBy ? issuerIn(data.notice.signedBy) : null) ??
      tail.map((p) => (p.length <= 24 ? issuerIn(p) : null)).find(Boolean) ??
      (data.page?.publisher ? issuerIn(data.page.publisher) : null) ??
      (data.page?.sourceLabel ? issuerIn(data.page.sourceLabel) : null);

    const place = data.issuer ? data.issuer.replace(bureauPattern, '') : null;
    data.region = unknownRegion;
    if (place) {
      const { region, note } = resolveRegion(place, `${data.title}\n${body}`);
      data.region = region;
      if (note) file.message(note, undefined, 'extract-metadata:region');
    }
    const fromHost = regionFromHost(data.source?.url, `${data.title}\n${body}`);
    if (fromHost && data.region.code === null) {
      data.region = fromHost.region;
      file.message(`region from the capture's address: ${fromHost.evidence}`, undefined, 'extract-metadata:region-from-host');
    } else if (fromHost && !regionsAgree(data.region, fromHost.region)) {
      file.message(
        `region: the issuer names ${[data.region.province, data.region.city, data.region.county].filter(Boolean).join('')}, the address ${fromHost.evidence}; the issuer is kept`,
        undefined,
        'extract-metadata:region-conflict',
      );
    }
    if (data.region.code === null) {
      const found = regionFromMentions(data.title, body);
      // An issuer whose place is ambiguous (朝阳区) still rules out regions that hold none of its namesakes.
      const namesakes = place ? [...countMentions(place).keys()].map((c) => divisionByCode(c)!) : null;
      const fits = (code: string | null) =>
        !namesakes || namesakes.some((d) => d.code === code || d.cityCode === code || d.provinceCode === code);
      if (found && fits(found.region.code)) {
        data.region = found.region;
        file.message(`region from the text: ${found.evidence}`, undefined, 'extract-metadata:region-from-text');
      }
    }

    const fromTitle = data.titleFrom === 'none' ? { reviewed: [], planned: [] } : titleYears(data.title);
    const reviewed = [...fromTitle.reviewed];
    const planned = [...fromTitle.planned];
    for (const node of tree.children) {
      if (node.type !== 'heading' || node.depth !== 2) continue;
      const y = yearsIn(toString(node));
      reviewed.push(...y.reviewed);
      planned.push(...y.planned);
    }
    const titleKind = data.titleFrom === 'none' ? null : planWord.test(data.title) && !summaryWord.test(data.title) ? 'plan' : 'summary';
    const opening = paragraphs.find((p) => p.length >= 40);
    if (reviewed.length === 0 && planned.length === 0 && opening) {
      const kind = titleKind ?? (planOpening.test(opening.slice(0, 300)) ? 'plan' : 'summary');
      const year = /\d{4}/.test(data.title) ? null : openingYear(opening, kind);
      if (year) (kind === 'plan' ? planned : reviewed).push(year);
    }
    data.yearsReviewed = unique(reviewed);
    data.yearsPlanned = unique(planned);
    if (
      data.yearsPlanned.length === 0 &&
      data.yearsReviewed.length &&
      tree.children.some((n) => n.type === 'heading' && n.depth === 2 && planWord.test(toString(n)) && !/\d{4}/.test(toString(n)))
    ) {
      data.yearsPlanned = [Math.max(...data.yearsReviewed) + 1];
    }
    if (data.yearsReviewed.length === 0 && data.yearsPlanned.length === 0 && !planWord.test(data.title)) {
      const y = data.title.match(/(\d{4})\s*年/);
      if (y) data.yearsReviewed = [Number(y[1])];
    }
    data.kind =
      data.yearsReviewed.length && data.yearsPlanned.length
        ? 'summary-plan'
        : data.yearsPlanned.length || titleKind === 'plan'
          ? 'plan'
          : 'summary';

    const signature = tail.find((p) => signatureDate.test(p));
    data.issued = data.notice?.date ?? (signature ? isoDateIn(signature) : null);

    const sources = [titleLine, ...removedChrome(data).map((c) => c.text), body, data.notice?.text ?? ''];
    data.docNumber = sources.map(docNumberIn).find(Boolean) ?? null;

    const masks = `${data.title}\n${body}`.match(new RegExp(masked.source, 'g'))?.length ?? 0;
    if (masked.test(data.issuer ?? '') || masked.test(data.title) || masks >= 3 || (data.redactions ?? 0) >= 5) data.origin = 'template';
  };
}
