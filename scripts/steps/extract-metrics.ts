import type { Root as MdRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { metricPatterns } from '../lib/metric-patterns.ts';
import type { Metric } from '../../src/lib/report-schema.ts';
import { unmark } from '../../src/lib/cleaner-marks.ts';

/** The value in the pattern's unit: 万元 amounts from 元, 万元 or 亿元; counts from 万. */
function scale(value: number, multiplier: string | undefined, unit: string): number {
  const factor = unit === '万元' ? (multiplier === '亿' ? 1e4 : multiplier === '万' ? 1 : 1e-4) : multiplier === '万' ? 1e4 : 1;
  return Math.round(value * factor * 100) / 100;
}

/**
 * Reads key figures (新增学位, 专任教师, 毛入园率, 资助人次/金额 …) with the sentence each came
 * from, and the year it refers to: the year the sentence names, else the year its section
 * reviews or plans. Each figure is kept once per key and year, first mention first.
 */
export function extractMetrics() {
  return (tree: MdRoot, file: VFile): void => {
    const { yearsReviewed = [], yearsPlanned = [], sections = [] } = file.data;
    const metrics: Metric[] = [];
    let sectionIndex = -1;
    for (const node of tree.children) {
      if (node.type === 'heading') {
        sectionIndex++;
        continue;
      }
      if (node.type !== 'paragraph') continue;
      const part = sections[sectionIndex]?.part ?? 'review';
      const fallbackYear = part === 'plan' ? (yearsPlanned[0] ?? null) : (yearsReviewed.at(-1) ?? null);
      const text = unmark(toString(node));
      // Every pattern reads a number: a paragraph or sentence without a digit has no figure.
      if (!/\d/.test(text)) continue;
      for (const sentence of text.split(/(?<=[。；！？])/)) {
        if (!/\d/.test(sentence)) continue;
        const named = sentence.match(/(\d{4})\s*年(?!\d)/);
        const year = named ? Number(named[1]) : fallbackYear;
        for (const p of metricPatterns) {
          const m = sentence.match(p.pattern);
          if (!m) continue;
          const value = scale(Number(m[1]), m[2], p.unit);
          if (metrics.some((x) => x.key === p.key && x.year === year)) continue;
          metrics.push({ key: p.key, label: p.label, value, unit: p.unit, year, quote: sentence.trim() });
        }
      }
    }
    file.data.metrics = metrics;
  };
}
