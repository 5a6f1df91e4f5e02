const dateInLine = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** The first date in `text` (2022年3月4日, 2022-03-04, 2022.3.4, 2022/3/4) as an ISO date, or null when there is none or it is not a real calendar date. */
export function isoDateIn(text: string): string | null {
  const m = text.match(dateInLine);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A signature's date on a line of its own: 2023年11月13日 (spaces allowed around the numbers). */
export const signatureDate = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** A date alone, or with a short byline after it: 2023年11月13日, 2022-03-14 作文网. */
export const datedByline = /^[(（]?\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?[)）]?(?:\s+[^\s。，；]{1,12})?$/;

/** A short line with a date (and maybe a time) next to a page-meta word: 发布 2023-07-02 18:17 阅读 2952. */
export function isDatedMeta(line: string): boolean {
  return (
    line.length <= 90 &&
    /\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}/.test(line) &&
    /时间|日期|发布|发表|阅读|浏览|来源|更新|上传|点击/.test(line)
  );
}
