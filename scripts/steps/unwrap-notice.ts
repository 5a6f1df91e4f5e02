import type { VFile } from 'vfile';
import type { LinesRoot } from '../tree.ts';
import { noticeParts, titleFromNotice } from '../lib/clean-title.ts';
import { publicationNote } from '../lib/chrome-features.ts';
import { isoDateIn, signatureDate } from '../lib/dates.ts';

/**
 * Separates a 印发 notice from the report it publishes: the notice's title, recipients, request,
 * signature and date go to `file.data.notice`; the report's own title (the 《》 name, or a
 * ——subtitle line) becomes the title, and a slogan heading above it the subtitle.
 */
export function unwrapNotice() {
  return (tree: LinesRoot, file: VFile): void => {
    const title = file.data.titleLine ?? '';
    const parts = noticeParts(title);
    file.data.notice = null;
    file.data.subtitle = null;
    if (!parts) return;
    const lines = tree.children;
    const end = lines.findIndex((l, i) => i < 20 && (signatureDate.test(l.value) || publicationNote.test(l.value)));
    if (end === -1) return;
    let last = end;
    while (last + 1 < lines.length && (publicationNote.test(lines[last + 1]!.value) || signatureDate.test(lines[last + 1]!.value))) last++;
    const wrapper = lines.slice(0, last + 1).map((l) => l.value);
    const recipients = wrapper[0]?.match(/^(.+)[:：]$/)?.[1] ?? null;
    const dateLine = wrapper.find((v) => signatureDate.test(v)) ?? null;
    const signedBy = wrapper.find((v, i) => i > 0 && /^[\p{Script=Han}]{2,24}(?:局|委员会|政府|办公室)$/u.test(v)) ?? null;
    const text = wrapper
      .filter((v, i) => !(i === 0 && recipients) && v !== signedBy && v !== dateLine && !publicationNote.test(v))
      .join('\n');
    file.data.notice = { title, recipients, text, signedBy, date: dateLine ? isoDateIn(dateLine) : null };

    const names = [...text.matchAll(/《(.+?)》/g)].map((x) => x[1]!);
    // A notice publishing several documents (《…总结》和《…要点》) is titled by what it publishes.
    const named = names.length > 1 ? (titleFromNotice(title) ?? names[0]!) : (names[0] ?? parts.report);
    let rest = lines.slice(last + 1);
    const sub = rest.findIndex((l, i) => i < 3 && /^[—-]{1,2}/.test(l.value));
    let reportTitle = named;
    if (sub !== -1) {
      reportTitle = rest[sub]!.value.replace(/^[—-]+\s*/, '');
      if (sub > 0)
        file.data.subtitle = rest
          .slice(0, sub)
          .map((l) => l.value)
          .join(' ');
      rest = rest.slice(sub + 1);
    } else if (rest[0]?.value === named) {
      rest = rest.slice(1);
    }
    file.data.titleLine = reportTitle;
    tree.children = rest;
  };
}
