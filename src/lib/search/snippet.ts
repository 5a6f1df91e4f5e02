import { foldText } from './tokens.ts';

/** A run of snippet text, marked when it is a match. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/** A window of text around the first match, every match in it marked. */
export function snippet(text: string, phrases: string[], width = 90): SnippetPart[] {
  const folded = foldText(text);
  const first = Math.min(...phrases.map((p) => folded.indexOf(p)).filter((i) => i >= 0));
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(width / 3)) : 0;
  const end = Math.min(text.length, start + width);
  const marks: boolean[] = new Array<boolean>(end - start).fill(false);
  for (const p of phrases) {
    for (let i = folded.indexOf(p, start); i !== -1 && i < end; i = folded.indexOf(p, i + 1)) {
      for (let k = i; k < Math.min(end, i + p.length); k++) marks[k - start] = true;
    }
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  for (let i = start; i < end; i++) {
    const mark = marks[i - start]!;
    const ch = text[i]!;
    const last = parts.at(-1);
    if (last && last.mark === mark && !(i === start && start > 0)) last.text += ch;
    else parts.push({ text: ch, mark });
  }
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
