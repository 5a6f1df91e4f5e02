/**
 * Site decorations around a report title: file extensions, page suffixes, 范文-site words,
 * 【…】 tags, counts of pieces, `_`-joined SEO tails. Each is a shape many sites share.
 */
const decorations: RegExp[] = [
  /\.(?:docx?|pdf|wps|txt)$/i,
  /_第\s*\d+\s*页$/,
  /\s*\[\d+\]$/,
  /[(（]\s*\d+\s*(?:篇|页珍藏版|页)\s*[)）]$/,
  /\s*推荐度[:：]?.*$/,
  /^【[^】]{1,12}】\s*|\s*【[^】]{1,12}】$/g,
  /(?:范文范例|范文大全|范文精选|精选范文|优秀范文|范文|范本|模板|精选|大全)$/,
  /^(?:最新|精选|优秀|热门)(?=\S{4})/,
];

/** Removes site decorations from a title, repeatedly, and joins a stray space at a conjunction. */
export function cleanTitle(raw: string): string {
  let title = raw.trim();
  const parts = title.split(/\s*[_|｜]\s*/);
  if (parts.length > 1 && parts[0]!.length >= 4) title = parts[0]!;
  for (let before = ''; before !== title;) {
    before = title;
    for (const d of decorations) title = title.replace(d, '').trim();
  }
  title = title.replace(/。$/, '');
  return title.replace(/\s*([和及暨与、])\s*/g, '$1').replace(/(?<=[\d年])\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+(?=\d)/gu, '');
}

/** The notice-title form 〈issuer〉关于印发〈report〉的通知. */
const noticeForm = /^(.*?)关于(?:印发|下发|转发|公布)[《〈]?(.+?)[》〉]?的通知$/;

/** The issuer and the published report's name of a 印发 notice title, or null when it is not one. */
export function noticeParts(title: string): { issuer: string; report: string } | null {
  const m = title.match(noticeForm);
  return m ? { issuer: m[1]!.trim(), report: m[2]! } : null;
}

/** Whether a title is a 印发 notice's. */
export function isNoticeTitle(title: string): boolean {
  return noticeForm.test(title);
}

/**
 * The report a notice title publishes, named as the report would be: 温州市教育局关于印发2024年工作总结
 * 和2025年工作要点的通知 → 温州市教育局2024年工作总结和2025年工作要点. Null when not a notice title.
 */
export function titleFromNotice(title: string): string | null {
  const parts = noticeParts(title);
  if (!parts) return null;
  const report = parts.report.replace(/[《》〈〉]/g, '');
  return cleanTitle(/局|委|会|政府/.test(report.slice(0, 16)) ? report : `${parts.issuer}${report}`);
}
