import type { VFile } from 'vfile';
import { inlineSpam, isSpamTerm, linkFarmLine, spamStart } from '../lib/spam-vocabulary.ts';
import { gapMark, restoredClose, restoredOpen } from '../../src/lib/cleaner-marks.ts';
import type { LinesRoot, SpamFindings } from '../tree.ts';
import { inferIssuer, type InferredIssuer } from '../lib/infer-issuer.ts';

/** A run of `|`-joined terms with no spaces: the shape injected keyword strings take. */
const pipeRun = /(?:[^\s|,，。、；;：:！？《》“”"()（）<>【】[\]]{2,24}\|){2,}/g;

/** Where an organisation name would stand: start of a line, after 《, or after a document number. */
const nameSlotBefore = /(?:^|《|〔\d{4}〕\d+号)$/;

function trimToSpam(run: string): string {
  const start = run.search(spamStart);
  const first = run.slice(0, run.indexOf('|'));
  return start > 0 && start < first.length ? run.slice(start) : run;
}

/** Spam strings found in the text: `|`-joined runs holding spam vocabulary, or repeated in several lines. */
function findRuns(lines: string[]): string[] {
  const seen = new Map<string, Set<number>>();
  lines.forEach((line, i) => {
    if (!line.includes('|')) return;
    for (const m of line.matchAll(pipeRun)) {
      const run = trimToSpam(m[0]);
      const set = seen.get(run) ?? new Set<number>();
      set.add(i);
      seen.set(run, set);
    }
  });
  return [...seen]
    .filter(([run, at]) => run.split('|').some((t) => t && isSpamTerm(t)) || at.size >= 3)
    .map(([run]) => run)
    .sort((a, b) => b.length - a.length);
}

/**
 * Removes injected spam: `|`-joined keyword runs, brand-and-lure phrases and link-farm lines.
 * Where spam stands in a name slot (a title's start, after 《) and the text proves whose name it
 * replaced, the name is restored inside 〖〗 and the evidence recorded; elsewhere the gap is
 * marked 〖…〗. Nothing is restored without evidence.
 */
export function stripSpam() {
  return (tree: LinesRoot, file: VFile): void => {
    const found: SpamFindings = { strings: [], restorations: [], gaps: [] };
    const values = tree.children.map((l) => l.value);
    const runs = findRuns(values);
    const counts = new Map<string, number>();
    let issuer: InferredIssuer | null | undefined;
    const count = (text: string) => counts.set(text, (counts.get(text) ?? 0) + 1);

    const replace = (line: string, lineNo: number, spam: string, index: number): string => {
      count(spam);
      const before = line.slice(0, index);
      const after = line.slice(index + spam.length);
      if (nameSlotBefore.test(before) && /^[\p{Script=Han}\d]/u.test(after)) {
        issuer ??= inferIssuer(values.map((v) => runs.reduce((out, run) => out.replaceAll(run, ''), v).replace(inlineSpam, '')));
        if (issuer && !after.startsWith(issuer.name)) {
          found.restorations.push({ at: `line ${lineNo}`, text: issuer.name, evidence: issuer.evidence.join('；') });
          return `${before}${restoredOpen}${issuer.name}${restoredClose}${after}`;
        }
      }
      if (/[\p{Script=Han}]$/u.test(before) || /^[\p{Script=Han}]/u.test(after) || /[、，,]$/.test(before)) {
        found.gaps.push({ at: `line ${lineNo}`, context: `${before.slice(-12)}${gapMark}${after.slice(0, 12)}` });
        return `${before}${gapMark}${after}`;
      }
      return `${before}${after}`;
    };

    tree.children = tree.children.filter((node) => {
      const lineNo = node.position.start.line;
      if (linkFarmLine.test(node.value)) {
        count(node.value);
        return false;
      }
      let value = node.value;
      for (const run of runs) {
        let index = value.indexOf(run);
        while (index !== -1) {
          value = replace(value, lineNo, run, index);
          index = value.indexOf(run);
        }
      }
      if (spamStart.test(value))
        value = value.replace(inlineSpam, (spam, index: number, whole: string) => {
          count(spam);
          return whole.slice(0, index).endsWith('《') ? gapMark : '';
        });
      node.value = value.trim();
      return node.value !== '' && node.value !== gapMark;
    });
    found.strings = [...counts].map(([text, n]) => ({ text, count: n }));
    file.data.spamRemoved = found;
  };
}
